package org.learnstats.outputs.tables;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.learnstats.indicators.IndicatorCatalog;
import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.outputs.OutputContext;
import org.learnstats.outputs.OutputPart;
import org.learnstats.outputs.tables.WideTable.UnitRow;
import org.learnstats.store.UnitForest;
import org.learnstats.store.UnitForest.Unit;
import org.learnstats.vocabulary.Period;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes {@code tables/}: for every indicator of the catalogue, a wide table of units (tree
 * order) by periods (every period of its granularity from the earliest event to the as-of
 * date), one CSV per granularity and one workbook with a sheet per granularity.
 */
@Component
public class TablesPart implements OutputPart {

	private static final Logger log = LoggerFactory.getLogger(TablesPart.class);

	private static final String EARLIEST_EVENT = """
			SELECT MIN(d) FROM (
			  SELECT MIN(session_date) AS d FROM ind_att_session
			  UNION ALL SELECT MIN(completed_on) FROM training
			  UNION ALL SELECT MIN(start_date) FROM research
			  UNION ALL SELECT MIN(opened_on) FROM survey
			  UNION ALL SELECT MIN(submitted_on) FROM response
			) e""";

	private final JdbcTemplate jdbc;

	private final DataSource dataSource;

	public TablesPart(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@Override
	public List<String> files() {
		return List.of(TableFiles.DIR);
	}

	@Override
	public void write(OutputContext context) throws IOException {
		long started = System.nanoTime();
		Path dir = context.dir().resolve(TableFiles.DIR);
		Files.createDirectories(dir);
		List<UnitRow> rows = treeOrder(UnitForest.load(this.dataSource));
		Map<Character, List<Period>> periods = periods(context.asOf());
		XlsxTableWriter xlsx = new XlsxTableWriter(context.asOf());
		for (IndicatorDefinition indicator : IndicatorCatalog.ALL) {
			Map<String, Map<String, BigDecimal>> values = values(indicator.id());
			List<WideTable> tables = new ArrayList<>();
			for (char g : indicator.granularities().toCharArray()) {
				WideTable table = new WideTable(indicator, g, rows, periods.get(g), values);
				CsvTableWriter.write(table, context.dir().resolve(TableFiles.csv(indicator.id(), g)));
				tables.add(table);
			}
			xlsx.write(tables, context.dir().resolve(TableFiles.xlsx(indicator.id())));
		}
		log.info("Wrote wide tables of {} indicators for {} units in {} ms", IndicatorCatalog.ALL.size(), rows.size(),
				(System.nanoTime() - started) / 1_000_000);
	}

	/** Units depth first from each root, children by code; units out of reach of any root last. */
	static List<UnitRow> treeOrder(UnitForest forest) {
		List<UnitRow> rows = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Unit root : forest.roots()) {
			collect(forest, root, 0, rows, seen);
		}
		for (Unit unit : forest.units()) {
			if (!seen.contains(unit.code())) {
				collect(forest, unit, 0, rows, seen);
			}
		}
		return rows;
	}

	private static void collect(UnitForest forest, Unit unit, int depth, List<UnitRow> rows, Set<String> seen) {
		if (!seen.add(unit.code())) {
			return;
		}
		rows.add(new UnitRow(unit.code(), unit.name(), depth));
		for (Unit child : forest.children(unit.code())) {
			collect(forest, child, depth + 1, rows, seen);
		}
	}

	/**
	 * The columns of each granularity: every period from the one holding the earliest event up
	 * to the one holding the as-of date, and any other period the indicators hold.
	 */
	private Map<Character, List<Period>> periods(LocalDate asOf) {
		Date earliest = this.jdbc.queryForObject(EARLIEST_EVENT, Date.class);
		Map<Character, TreeSet<Period>> sets = new HashMap<>();
		for (char g : "MQY".toCharArray()) {
			TreeSet<Period> set = new TreeSet<>();
			if (earliest != null && !earliest.toLocalDate().isAfter(asOf)) {
				set.addAll(Period.range(earliest.toLocalDate(), asOf, g));
			}
			sets.put(g, set);
		}
		for (String text : this.jdbc.queryForList("SELECT DISTINCT period FROM indicator_value", String.class)) {
			Period p = Period.parse(text);
			if (p != null) {
				sets.get(p.granularity()).add(p);
			}
		}
		Map<Character, List<Period>> out = new HashMap<>();
		sets.forEach((g, set) -> out.put(g, List.copyOf(set)));
		return out;
	}

	private Map<String, Map<String, BigDecimal>> values(String indicator) {
		Map<String, Map<String, BigDecimal>> byPeriod = new HashMap<>();
		this.jdbc.query("SELECT period, unit_code, val FROM indicator_value WHERE indicator = ?", (rs) -> {
			byPeriod.computeIfAbsent(rs.getString(1), (k) -> new HashMap<>()).put(rs.getString(2), rs.getBigDecimal(3));
		}, indicator);
		return byPeriod;
	}

}
