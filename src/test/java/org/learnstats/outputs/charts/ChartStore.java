package org.learnstats.outputs.charts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A realistic little store for chart tests: a provincial organ with six departments, one of
 * which has three party branches, 120 people, credits, research trips and indicator values from
 * January 2025 to November 2026 (as if the indicators step had run). Values follow simple
 * formulas, so tests can compute what a chart must show.
 */
final class ChartStore {

	static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);

	static final String ROOT = "GW";

	/** code, name, parent, type. */
	static final String[][] UNITS = { { "GW", "省直机关工作委员会", null, "committee" },
			{ "D01", "省委办公厅", "GW", "committee" }, { "D02", "省发展和改革委员会", "GW", "committee" },
			{ "D03", "省教育厅", "GW", "committee" }, { "D04", "省财政厅", "GW", "committee" },
			{ "D05", "省人力资源和社会保障厅机关党委第一党支部联合党支部", "GW", "committee" },
			{ "D06", "省统计局", "GW", "office" }, { "D01-B1", "秘书一处党支部", "D01", "branch" },
			{ "D01-B2", "秘书二处党支部", "D01", "branch" }, { "D01-B3", "综合处党支部", "D01", "branch" } };

	static final String[] RANKS = { "bureau", "division", "division", "section", "section", "section", "staff",
			"staff" };

	static final String[] EDUCATIONS = { "postgraduate", "bachelor", "bachelor", "bachelor", "college", "college",
			"secondary", "bachelor" };

	private ChartStore() {
	}

	/** The leaf units people are placed in, in order. */
	static List<String> leaves() {
		return List.of("D01-B1", "D01-B2", "D01-B3", "D02", "D03", "D04", "D05", "D06");
	}

	/** The attendance rate written for a unit in a month, from a formula. */
	static BigDecimal attendance(int unitIndex, YearMonth month) {
		int m = month.getYear() * 12 + month.getMonthValue();
		double v = 0.70 + ((unitIndex * 7 + m * 3) % 29) / 100.0;
		return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP);
	}

	static void fill(DataSource dataSource) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		for (String[] u : UNITS) {
			jdbc.update("INSERT INTO unit (unit_code, unit_name, parent_code, unit_type, delivery_id) VALUES (?,?,?,?,1)",
					u[0], u[1], u[2], u[3]);
		}
		// 15 people per leaf unit; person n has rank RANKS[n % 8], education EDUCATIONS[n % 8 + ...]
		List<Object[]> people = new ArrayList<>();
		List<Object[]> training = new ArrayList<>();
		List<Object[]> trips = new ArrayList<>();
		int n = 0;
		for (String unit : leaves()) {
			for (int i = 0; i < 15; i++, n++) {
				String id = "P" + (1000 + n);
				String rank = RANKS[n % RANKS.length];
				String edu = EDUCATIONS[(n / 3) % EDUCATIONS.length];
				LocalDate left = (n % 40 == 39) ? LocalDate.of(2026, 3, 1) : null;
				people.add(new Object[] { id, "姓名" + n, unit, rank, edu, Date.valueOf(LocalDate.of(1970 + n % 30, 5, 1)),
						null, (left == null) ? null : Date.valueOf(left), false });
				// credits this year: 0 to 29 in steps, split over two records
				int credits = (n * 7) % 30;
				training.add(new Object[] { unit, "T" + n + "a", id, "网络培训课程", "online",
						BigDecimal.valueOf(credits / 2), Date.valueOf(LocalDate.of(2026, 4, 10)) });
				training.add(new Object[] { unit, "T" + n + "b", id, "集中培训班", "classroom",
						BigDecimal.valueOf(credits - credits / 2), Date.valueOf(LocalDate.of(2026, 9, 15)) });
				training.add(new Object[] { unit, "T" + n + "old", id, "上年课程", "online", BigDecimal.TEN,
						Date.valueOf(LocalDate.of(2025, 6, 1)) });
				// research: (n % 10) * 9 days in one trip, plus an overlapping 3-day trip
				int days = (n % 10) * 9;
				if (days > 0) {
					LocalDate s = LocalDate.of(2026, 2, 1);
					trips.add(new Object[] { unit, "R" + n, id, Date.valueOf(s), Date.valueOf(s.plusDays(days - 1)),
							"基层调研", true });
					trips.add(new Object[] { unit, "R" + n + "x", id, Date.valueOf(s), Date.valueOf(s.plusDays(2)),
							"重叠调研", false });
				}
			}
		}
		jdbc.batchUpdate("INSERT INTO person (person_id, person_name, unit_code, person_rank, education, birth_date,"
				+ " joined_on, left_on, in_degree_program, delivery_id) VALUES (?,?,?,?,?,?,?,?,?,1)", people);
		jdbc.batchUpdate("INSERT INTO training (unit_code, record_id, person_id, course_name, course_type, credits,"
				+ " completed_on, delivery_id) VALUES (?,?,?,?,?,?,?,1)", training);
		jdbc.batchUpdate("INSERT INTO research (unit_code, trip_id, person_id, start_date, end_date, topic,"
				+ " report_submitted, delivery_id) VALUES (?,?,?,?,?,?,?,1)", trips);
		fillIndicators(jdbc);
	}

	private static void fillIndicators(JdbcTemplate jdbc) {
		List<Object[]> rows = new ArrayList<>();
		for (int u = 0; u < UNITS.length; u++) {
			String unit = UNITS[u][0];
			for (YearMonth m = YearMonth.of(2025, 1); !m.isAfter(YearMonth.from(AS_OF)); m = m.plusMonths(1)) {
				BigDecimal v = attendance(u, m);
				rows.add(rate(m.toString(), unit, "attendance_rate", v));
				if (u < 4) {
					rows.add(rate(m.toString(), unit, "branch_study_compliance",
							BigDecimal.valueOf((m.getMonthValue() % 3 == 0) ? 0.5 : 1)));
				}
			}
			for (int year = 2025; year <= 2026; year++) {
				for (int q = 1; q <= 4; q++) {
					String period = year + "-Q" + q;
					rows.add(rate(period, unit, "attendance_rate", new BigDecimal("0.8500")));
					rows.add(rate(period, unit, "credit_on_track_rate",
							BigDecimal.valueOf(((u * 13 + q * 17 + year) % 100) / 100.0)));
					if (u != 6) {
						rows.add(rate(period, unit, "central_group_compliance", BigDecimal.valueOf((q % 2 == 0) ? 1 : 0.5)));
					}
					if (!(year == 2025 && q == 2) && u != 9) {
						rows.add(rate(period, unit, "satisfaction_mean",
								BigDecimal.valueOf(3.6 + ((u + q) % 10) / 10.0)));
						rows.add(rate(period, unit, "survey_response_rate",
								BigDecimal.valueOf(0.6 + ((u * 3 + q) % 40) / 100.0)));
					}
				}
				rows.add(rate(String.valueOf(year), unit, "attendance_rate", new BigDecimal("0.8600")));
			}
		}
		jdbc.batchUpdate("INSERT INTO indicator_value (period, unit_code, indicator, numerator, denominator, val)"
				+ " VALUES (?,?,?,?,?,?)", rows);
	}

	/** A rate row with denominator 10000, so numerator / denominator = val. */
	private static Object[] rate(String period, String unit, String indicator, BigDecimal val) {
		BigDecimal v = val.setScale(4, RoundingMode.HALF_UP);
		return new Object[] { period, unit, indicator, v.movePointRight(4), BigDecimal.valueOf(10000), v };
	}

}
