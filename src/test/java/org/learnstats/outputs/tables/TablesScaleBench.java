package org.learnstats.outputs.tables;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.learnstats.indicators.IndicatorCatalog;
import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.outputs.OutputContext;
import org.learnstats.outputs.OutputFolder;
import org.learnstats.support.TestDatabase;
import org.learnstats.vocabulary.Period;
import org.learnstats.readmodel.ReadModels;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: a province-sized store (1 + 40 + 400 + 1,600 units, every indicator at each of its
 * granularities from January 2025 to D) through TablesPart, three times: night 1 from nothing,
 * night 2 (the next day) with one value of one indicator changed, linking from night 1, and night
 * 2 from scratch; prints each time (the part logs how many indicators it wrote and linked). Run by
 * hand: {@code java -cp target/classes:target/test-classes:<deps> org.learnstats.outputs.tables.TablesScaleBench [h2|postgresql]}.
 */
public class TablesScaleBench {

	public static void main(String[] args) throws Exception {
		TestDatabase db = TestDatabase.create((args.length > 0) ? args[0] : "h2");
		JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
		List<Object[]> units = new ArrayList<>();
		units.add(new Object[] { "P", "省委", null, "committee" });
		for (int d = 0; d < 40; d++) {
			units.add(new Object[] { "P" + d, "省直第" + d + "部门", "P", "committee" });
			for (int s = 0; s < 10; s++) {
				units.add(new Object[] { "P" + d + "-" + s, "第" + d + "部门第" + s + "处室", "P" + d, "committee" });
				for (int b = 0; b < 4; b++) {
					units.add(new Object[] { "P" + d + "-" + s + "-" + b, "第" + s + "处室第" + b + "党支部", "P" + d + "-" + s,
							"branch" });
				}
			}
		}
		jdbc.batchUpdate("INSERT INTO unit (unit_code, unit_name, parent_code, unit_type, delivery_id) VALUES (?,?,?,?,1)",
				units);
		jdbc.update("INSERT INTO training (unit_code, record_id, person_id, course_name, course_type, credits,"
				+ " completed_on, delivery_id) VALUES ('P0-0-0','T1','X1','课程','online',1,?,1)",
				Date.valueOf(LocalDate.of(2025, 1, 5)));
		LocalDate night1 = LocalDate.of(2026, 11, 20);
		List<Object[]> values = new ArrayList<>();
		int u = 0;
		for (Object[] unit : units) {
			u++;
			for (IndicatorDefinition ind : IndicatorCatalog.ALL) {
				for (char g : ind.granularities().toCharArray()) {
					int i = 0;
					for (Period p : Period.range(LocalDate.of(2025, 1, 1), night1, g)) {
						BigDecimal v = BigDecimal.valueOf((u * 7 + i++ + ind.id().length()) % 100 / 100.0);
						values.add(new Object[] { p.toString(), unit[0], ind.id(), v, v });
					}
				}
			}
		}
		jdbc.batchUpdate("INSERT INTO indicator_value (period, unit_code, indicator, numerator, denominator, val)"
				+ " VALUES (?,?,?,?,1,?)", values);
		System.out.printf("store: %d units, %d indicator rows%n", units.size(), values.size());
		Path first = night(db, "tables-scale-1", night1, null);
		jdbc.update("UPDATE indicator_value SET val = 0.123 WHERE indicator = 'attendance_rate' AND period = '2026-11'"
				+ " AND unit_code = 'P3-4-1'");
		night(db, "tables-scale-2", night1.plusDays(1), first);
		night(db, "tables-scale-2-scratch", night1.plusDays(1), null);
	}

	private static Path night(TestDatabase db, String name, LocalDate asOf, Path previous) throws Exception {
		Path dir = Path.of("target", name);
		OutputFolder.deleteQuietly(dir);
		Files.createDirectories(dir);
		long t0 = System.nanoTime();
		new TablesPart().write(new OutputContext(1, asOf, dir, previous, new ReadModels(db.dataSource()).open()));
		System.out.printf("%s: wall %.2f s%n", name, (System.nanoTime() - t0) / 1e9);
		return dir;
	}

}
