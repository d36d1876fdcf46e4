package org.learnstats.outputs.charts;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.learnstats.outputs.OutputContext;
import org.learnstats.outputs.OutputFolder;
import org.learnstats.readmodel.ReadModels;
import org.learnstats.support.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: a province-sized store (1 + 40 + 400 + 1,600 units, 32,000 people) through
 * ChartsPart, printing wall and CPU time and output size. Run by hand:
 * {@code java -cp target/classes:target/test-classes:<deps> org.learnstats.outputs.charts.ChartsScaleBench [threads]}.
 */
public class ChartsScaleBench {

	public static void main(String[] args) throws Exception {
		int threads = (args.length > 0) ? Integer.parseInt(args[0]) : 2;
		TestDatabase db = TestDatabase.h2();
		JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
		List<Object[]> units = new ArrayList<>();
		List<String> all = new ArrayList<>();
		List<String> leaves = new ArrayList<>();
		units.add(new Object[] { "P", "省委", null, "committee" });
		all.add("P");
		for (int d = 0; d < 40; d++) {
			String dc = "P" + d;
			units.add(new Object[] { dc, "省直第" + d + "部门", "P", "committee" });
			all.add(dc);
			for (int s = 0; s < 10; s++) {
				String sc = dc + "-" + s;
				units.add(new Object[] { sc, "第" + d + "部门第" + s + "处室", dc, "committee" });
				all.add(sc);
				for (int b = 0; b < 4; b++) {
					String bc = sc + "-" + b;
					units.add(new Object[] { bc, "第" + s + "处室第" + b + "党支部", sc, "branch" });
					all.add(bc);
					leaves.add(bc);
				}
			}
		}
		jdbc.batchUpdate("INSERT INTO unit (unit_code, unit_name, parent_code, unit_type, delivery_id) VALUES (?,?,?,?,1)",
				units);
		List<Object[]> people = new ArrayList<>();
		List<Object[]> training = new ArrayList<>();
		List<Object[]> trips = new ArrayList<>();
		int n = 0;
		for (String leaf : leaves) {
			for (int i = 0; i < 20; i++, n++) {
				String id = "X" + n;
				people.add(new Object[] { id, "人" + n, leaf, ChartStore.RANKS[n % 8], ChartStore.EDUCATIONS[(n / 3) % 8],
						Date.valueOf(LocalDate.of(1970 + n % 30, 1, 1)) });
				training.add(new Object[] { leaf, "T" + n, id, BigDecimal.valueOf(n % 31),
						Date.valueOf(LocalDate.of(2026, 1 + n % 10, 1)) });
				trips.add(new Object[] { leaf, "R" + n, id, Date.valueOf(LocalDate.of(2026, 3, 1)),
						Date.valueOf(LocalDate.of(2026, 3, 1).plusDays(n % 100)) });
			}
		}
		jdbc.batchUpdate("INSERT INTO person (person_id, person_name, unit_code, person_rank, education, birth_date,"
				+ " in_degree_program, delivery_id) VALUES (?,?,?,?,?,?,FALSE,1)", people);
		jdbc.batchUpdate("INSERT INTO training (unit_code, record_id, person_id, course_name, course_type, credits,"
				+ " completed_on, delivery_id) VALUES (?,?,?,'课程','online',?,?,1)", training);
		jdbc.batchUpdate("INSERT INTO research (unit_code, trip_id, person_id, start_date, end_date, report_submitted,"
				+ " delivery_id) VALUES (?,?,?,?,?,TRUE,1)", trips);
		List<Object[]> values = new ArrayList<>();
		int u = 0;
		for (String unit : all) {
			u++;
			for (YearMonth m = YearMonth.of(2025, 1); !m.isAfter(YearMonth.of(2026, 11)); m = m.plusMonths(1)) {
				values.add(row(m.toString(), unit, "attendance_rate", 0.6 + (u + m.getMonthValue()) % 40 / 100.0));
				values.add(row(m.toString(), unit, "branch_study_compliance", (u + m.getMonthValue()) % 2));
			}
			for (int y = 2025; y <= 2026; y++) {
				for (int q = 1; q <= 4; q++) {
					String p = y + "-Q" + q;
					values.add(row(p, unit, "credit_on_track_rate", (u * 7 + q) % 100 / 100.0));
					values.add(row(p, unit, "central_group_compliance", (u + q) % 3 / 2.0));
					values.add(row(p, unit, "satisfaction_mean", 3 + (u + q) % 20 / 10.0));
					values.add(row(p, unit, "survey_response_rate", 0.5 + (u + q) % 50 / 100.0));
				}
			}
		}
		jdbc.batchUpdate("INSERT INTO indicator_value (period, unit_code, indicator, numerator, denominator, val)"
				+ " VALUES (?,?,?,?,1,?)", values);
		System.out.printf("store: %d units, %d people, %d indicator rows%n", all.size(), people.size(), values.size());

		Path dir = Path.of("target", "charts-scale");
		OutputFolder.deleteQuietly(dir);
		Files.createDirectories(dir);
		long cpu0 = totalCpu();
		long t0 = System.nanoTime();
		new ChartsPart(ChartTargets.DEFAULTS, threads)
			.write(new OutputContext(1, LocalDate.of(2026, 11, 20), dir, null, new ReadModels(db.dataSource()).open()));
		long wall = System.nanoTime() - t0;
		long cpu = totalCpu() - cpu0;
		long files;
		long bytes;
		try (Stream<Path> s = Files.walk(dir)) {
			List<Path> fs = s.filter(Files::isRegularFile).toList();
			files = fs.size();
			bytes = fs.stream().mapToLong((p) -> p.toFile().length()).sum();
		}
		System.out.printf("charts: wall %.1f s, cpu %.1f s, %d files, %.0f MB%n", wall / 1e9, cpu / 1e9, files,
				bytes / 1e6);
	}

	private static Object[] row(String period, String unit, String indicator, double v) {
		BigDecimal b = BigDecimal.valueOf(v);
		return new Object[] { period, unit, indicator, b, b };
	}

	private static long totalCpu() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

}
