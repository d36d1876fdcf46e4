package org.learnstats.outputs.tables;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVPrinter;
import org.learnstats.indicators.IndicatorCatalog;
import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.indicators.IndicatorNumbers;
import org.learnstats.indicators.PaceStates;
import org.learnstats.indicators.PaceStates.Member;
import org.learnstats.indicators.TargetsProperties;
import org.learnstats.indicators.Ordinal;
import org.learnstats.outputs.OutputContext;
import org.learnstats.outputs.OutputPart;
import org.learnstats.outputs.Restricted;
import org.learnstats.vocabulary.Pace;
import org.learnstats.vocabulary.Rank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The person-level lists of {@code restricted/} (spec section 4), the only files naming people,
 * from the populations the last indicator refresh computed (so they agree with the indicators to
 * the person):
 * <ul>
 * <li>{@code credit_shortfalls.csv}: people with a credit target below it, for the year holding D
 * (credits so far) and the year before (when reported);</li>
 * <li>{@code remedial.csv}: the people counted by {@code remedial_count} of the latest closed year,
 * for next year's remedial training;</li>
 * <li>{@code research_shortfalls.csv}: people with a research-days target below it, same years as
 * the credit shortfalls;</li>
 * <li>{@code cannot_reach.csv}: people who can no longer reach a target of the running period
 * (indicators.PaceRule: research days the days left cannot hold), with what is missing and the
 * days left.</li>
 * </ul>
 * Ranks read as the vocabulary's Chinese words (处级, not division). UTF-8 with BOM so spreadsheet
 * programs show Chinese; text cells neutralized.
 */
@Component
public class RestrictedListsPart implements OutputPart {

	public static final String DIR = Restricted.DIR;

	/** Latest year first, then by unit and person. */
	private static final Comparator<List<String>> ORDER = Comparator
		.<List<String>, String>comparing((r) -> r.get(0), Ordinal.ORDER.reversed())
		.thenComparing((r) -> r.get(1), Ordinal.ORDER)
		.thenComparing((r) -> r.get(3), Ordinal.ORDER);

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

	private static final String RESEARCH = """
			SELECT pr.period, pr.unit_code, u.unit_name, pr.person_id, pe.person_name, pe.person_rank,
			       pr.target, pr.days, pr.reports
			FROM ind_person_research pr
			JOIN person pe ON pe.person_id = pr.person_id
			LEFT JOIN unit u ON u.unit_code = pr.unit_code
			WHERE pr.period IN (?, ?) AND pr.days < pr.target
			""";

	/** Where the three queries above hold pe.person_rank (1-based). */
	private static final int RANK_AT = 6;

	private final JdbcTemplate jdbc;

	private final DataSource dataSource;

	private final TargetsProperties targets;

	/** With the default targets (spec section 3). */
	public RestrictedListsPart(DataSource dataSource) {
		this(dataSource, new TargetsProperties());
	}

	@Autowired
	public RestrictedListsPart(DataSource dataSource, TargetsProperties targets) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.dataSource = dataSource;
		this.targets = targets;
	}

	@Override
	public List<String> files() {
		return List.of(DIR + "/credit_shortfalls.csv", DIR + "/remedial.csv", DIR + "/research_shortfalls.csv");
	}

	@Override
	public void write(OutputContext context) throws IOException {
		Path dir = Restricted.dir(context);
		String year = String.valueOf(context.asOf().getYear());
		String previous = String.valueOf(context.asOf().getYear() - 1);
		write(dir.resolve("credit_shortfalls.csv"),
				List.of("year", "unit_code", "unit_name", "person_id", "name", "rank", "target_credits", "credits",
						"shortfall"),
				this.jdbc.query(CREDITS, (rs, i) -> withShortfall(rs, 8), year, previous));
		String remedialYear = this.jdbc.queryForObject("SELECT MAX(period) FROM ind_period WHERE granularity = 'Y' "
				+ "AND closed AND prev_period IS NOT NULL", String.class);
		write(dir.resolve("remedial.csv"),
				List.of("year", "unit_code", "unit_name", "person_id", "name", "rank", "target_credits",
						"credits_previous_year", "credits_year"),
				(remedialYear == null) ? List.of() : this.jdbc.query(REMEDIAL, (rs, i) -> cells(rs, 9), remedialYear));
		write(dir.resolve("research_shortfalls.csv"),
				List.of("year", "unit_code", "unit_name", "person_id", "name", "rank", "target_days",
						"research_days", "reports_submitted"),
				this.jdbc.query(RESEARCH, (rs, i) -> cells(rs, 9), year, previous));
		write(dir.resolve("cannot_reach.csv"), List.of("period", "unit_code", "unit_name", "person_id", "name", "rank",
				"target", "goal", "done", "missing", "days_left", "state"), cannotReach(context.asOf()));
		Restricted.seal(dir);
	}

	private List<List<String>> cannotReach(LocalDate asOf) {
		List<Member> members = PaceStates.load(this.dataSource, this.targets, asOf).members(Pace.UNREACHABLE);
		if (members.isEmpty()) {
			return List.of();
		}
		Map<String, String> units = new HashMap<>();
		this.jdbc.query("SELECT unit_code, unit_name FROM unit", (rs) -> {
			units.put(rs.getString(1), rs.getString(2));
		});
		Map<String, String[]> people = new HashMap<>();
		this.jdbc.query("SELECT person_id, person_name, person_rank FROM person", (rs) -> {
			people.put(rs.getString(1), new String[] { rs.getString(2), rs.getString(3) });
		});
		List<List<String>> rows = new ArrayList<>();
		for (Member m : members) {
			if (m.person() == null) {
				continue;
			}
			String[] person = people.getOrDefault(m.person(), new String[] { "", "" });
			String label = IndicatorCatalog.find(m.target().indicators().get(0)).map(IndicatorDefinition::label)
				.orElse(m.target().name());
			rows.add(List.of(m.period().toString(), m.unitCode(), units.getOrDefault(m.unitCode(), ""), m.person(),
					person[0], Rank.chinese(person[1]), label, IndicatorNumbers.plain(m.goal()),
					IndicatorNumbers.plain(m.done()), IndicatorNumbers.plain(m.goal().subtract(m.done())),
					String.valueOf(ChronoUnit.DAYS.between(asOf, m.period().last())), m.pace().chinese()));
		}
		return rows;
	}

	/** The query's columns as text; the rank (column {@value #RANK_AT}, person_rank) in its Chinese word. */
	private static List<String> cells(ResultSet rs, int columns) throws SQLException {
		List<String> row = new ArrayList<>(columns);
		for (int c = 1; c <= columns; c++) {
			Object value = rs.getObject(c);
			if (c == RANK_AT) {
				row.add((value == null) ? "" : Rank.chinese(value.toString()));
			}
			else if (value instanceof BigDecimal || value instanceof Number) {
				row.add(IndicatorNumbers.plain(rs.getBigDecimal(c)));
			}
			else {
				row.add((value == null) ? "" : value.toString());
			}
		}
		return row;
	}

	private static List<String> withShortfall(ResultSet rs, int columns) throws SQLException {
		List<String> row = cells(rs, columns);
		row.add(IndicatorNumbers.plain(rs.getBigDecimal(columns - 1).subtract(rs.getBigDecimal(columns))));
		return row;
	}

	private static void write(Path file, List<String> header, List<List<String>> rows) throws IOException {
		List<List<String>> sorted = new ArrayList<>(rows);
		sorted.sort(ORDER);
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
				CSVPrinter csv = new CSVPrinter(out, IndicatorsCsvPart.FORMAT)) {
			out.write('\uFEFF');
			csv.printRecord(header);
			for (List<String> row : sorted) {
				csv.printRecord(row.stream().map(SpreadsheetText::neutralize).toList());
			}
		}
	}

}
