package org.learnstats.readmodel;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.learnstats.indicators.IndicatorNumbers;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The person-level populations the last indicator refresh computed (its work tables
 * ind_person_credit, ind_person_research and its calendar ind_period), joined with the roster, for
 * the restricted lists: so the lists agree with the indicators to the person. Each row's cells
 * are as read, numbers as {@link BigDecimal} without trailing zeros.
 */
public final class PersonLists {

	private static final String CREDITS = """
			SELECT pc.period, pc.unit_code, u.unit_name, pc.person_id, pe.person_name, pe.person_rank,
			       pc.target, pc.credits
			FROM ind_person_credit pc
			JOIN person pe ON pe.person_id = pc.person_id
			LEFT JOIN unit u ON u.unit_code = pc.unit_code
			WHERE pc.granularity = 'Y' AND pc.period IN (?, ?) AND pc.credits < pc.target
			""";

	private static final String REMEDIAL = """
			SELECT a.period, a.unit_code, u.unit_name, a.person_id, pe.person_name, pe.person_rank,
			       a.target, b.credits, a.credits
			FROM ind_period p
			JOIN ind_person_credit a ON a.period = p.period
			JOIN ind_person_credit b ON b.period = p.prev_period AND b.person_id = a.person_id
			JOIN person pe ON pe.person_id = a.person_id
			LEFT JOIN unit u ON u.unit_code = a.unit_code
			WHERE p.period = ? AND a.credits < a.target AND b.credits < b.target
			""";

	private static final String REMEDIAL_YEAR = "SELECT MAX(period) FROM ind_period WHERE granularity = 'Y' "
			+ "AND closed AND prev_period IS NOT NULL";

	private static final String RESEARCH = """
			SELECT pr.period, pr.unit_code, u.unit_name, pr.person_id, pe.person_name, pe.person_rank,
			       pr.target, pr.days, pr.reports
			FROM ind_person_research pr
			JOIN person pe ON pe.person_id = pr.person_id
			LEFT JOIN unit u ON u.unit_code = pr.unit_code
			WHERE pr.period IN (?, ?) AND pr.days < pr.target
			""";

	/** The JDBC types read as numbers. */
	private static final Set<Integer> NUMBERS = Set.of(Types.NUMERIC, Types.DECIMAL, Types.BIGINT, Types.INTEGER,
			Types.SMALLINT, Types.TINYINT, Types.DOUBLE, Types.FLOAT, Types.REAL);

	private final JdbcTemplate jdbc;

	PersonLists(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * People with a credit target below it in two years: year, unit, unit name, person, name, rank
	 * code, target, credits.
	 */
	public List<List<Object>> creditShortfalls(String year, String otherYear) {
		return this.jdbc.query(CREDITS, PersonLists::rows, year, otherYear);
	}

	/** The latest closed year that has a year before it in the calendar, or null. */
	public String remedialYear() {
		return this.jdbc.queryForObject(REMEDIAL_YEAR, String.class);
	}

	/**
	 * The people below their credit target in a year and the year before: year, unit, unit name,
	 * person, name, rank code, target, credits of the year before, credits of the year.
	 */
	public List<List<Object>> remedial(String year) {
		return this.jdbc.query(REMEDIAL, PersonLists::rows, year);
	}

	/**
	 * People with a research-days target below it in two years: year, unit, unit name, person, name,
	 * rank code, target, days, reports.
	 */
	public List<List<Object>> researchShortfalls(String year, String otherYear) {
		return this.jdbc.query(RESEARCH, PersonLists::rows, year, otherYear);
	}

	/** Every person of the roster by id. */
	Map<String, ReadModel.Person> people() {
		Map<String, ReadModel.Person> people = new HashMap<>();
		this.jdbc.query("SELECT person_id, person_name, person_rank FROM person", (rs) -> {
			people.put(rs.getString(1), new ReadModel.Person(rs.getString(2), rs.getString(3)));
		});
		return people;
	}

	/**
	 * Every row's cells: text as read, numbers (told once per query by the column types) as
	 * {@link BigDecimal} without trailing zeros, read from their text (IndicatorNumbers.parse).
	 */
	private static List<List<Object>> rows(ResultSet rs) throws SQLException {
		ResultSetMetaData meta = rs.getMetaData();
		int columns = meta.getColumnCount();
		boolean[] number = new boolean[columns + 1];
		for (int c = 1; c <= columns; c++) {
			number[c] = NUMBERS.contains(meta.getColumnType(c));
		}
		List<List<Object>> rows = new ArrayList<>();
		while (rs.next()) {
			Object[] row = new Object[columns];
			for (int c = 1; c <= columns; c++) {
				String text = rs.getString(c);
				row[c - 1] = number[c] ? IndicatorNumbers.parse(text) : text;
			}
			rows.add(Arrays.asList(row));
		}
		return rows;
	}

}
