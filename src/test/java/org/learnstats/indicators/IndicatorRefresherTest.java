package org.learnstats.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.learnstats.support.TestDatabase;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every indicator of spec section 3 on {@link SmallOrganization}, each expected number worked out
 * by hand. D = 2026-05-15. Targets are the defaults: credits bureau 18, division 18, section 12,
 * staff 0; research days 90, 60, 30, 0; central group 3 sessions of >= 6 h; branch 2 days;
 * degree age limit 50.
 */
class IndicatorRefresherTest {

	private JdbcTemplate jdbc;

	private long written;

	private void refresh(String vendor) {
		TestDatabase db = TestDatabase.create(vendor);
		this.jdbc = new JdbcTemplate(db.dataSource());
		SmallOrganization.load(this.jdbc);
		this.written = new IndicatorRefresher(db.dataSource(), new TargetsProperties()).refresh(SmallOrganization.AS_OF);
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void attendance(String vendor) {
		refresh(vendor);
		// 2026-Q2 up to D, rows (present or late):
		// P: pc1 1(1), pc2 1(1); pc3 is dated after D          -> 2 (2)
		// C1: cg1 3(2), cg2 1(0), cg3 1(1), cg4 1(0)           -> 6 (3)   (p07 not in roster still counts)
		// B1: bs1 2(2), bs2 2(1), bs3 1(1), bs4 1(1)           -> 6 (5)
		// B2: bs5 1(0); O1: lec1 2(2)
		// P subtree: 2+6+6+1+2 = 17 rows, 2+3+5+0+2 = 12 -> 12/17 = 0.70588 -> 0.7059
		row("2026-Q2", "P", "attendance_rate", "12", "17", "0.7059");
		// C1 subtree: 6+6+1 = 13, 3+5+0 = 8 -> 0.61538 -> 0.6154
		row("2026-Q2", "C1", "attendance_rate", "8", "13", "0.6154");
		// the year 2026 holds the same rows as its Q2
		row("2026", "P", "attendance_rate", "12", "17", "0.7059");
		// April: pc1 1(1), cg1 3(2), cg2 1(0), bs1 2(2), bs2 2(1), bs5 1(0) = 10 (6)
		row("2026-04", "P", "attendance_rate", "6", "10", "0.6");
		// May: pc2 1(1), cg3 1(1), cg4 1(0), bs3 1(1), bs4 1(1), lec1 2(2) = 7 (6) -> 0.857142
		row("2026-05", "P", "attendance_rate", "6", "7", "0.8571");
		// by type: central group P 2(2) + C1 6(3) = 5/8; branch B1 6(5) + B2 1(0) = 5/7 = 0.714285
		row("2026-Q2", "P", "attendance_rate.central_group", "5", "8", "0.625");
		row("2026-Q2", "P", "attendance_rate.branch_study", "5", "7", "0.7143");
		row("2026-05", "O1", "attendance_rate.lecture", "2", "2", "1");
		row("2025", "P", "attendance_rate", "1", "1", "1");
		// no attendance in March 2026, no study days at all: no rows
		noRow("2026-03", "P", "attendance_rate");
		assertThat(count("indicator = 'attendance_rate.study_day'")).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void unitCompliance(String vendor) {
		refresh(vendor);
		// central group 2026-Q2: P has pc1 (6 h), pc2 (7 h); pc3 is after D -> 2 < 3, not compliant.
		// C1 has cg1 (6 h), cg3 (8 h), cg4 (6 h); cg2 has 5.99 h < 6 -> 3 sessions, compliant.
		row("2026-Q2", "P", "central_group_compliance", "1", "2", "0.5");
		row("2026-Q2", "C1", "central_group_compliance", "1", "1", "1");
		row("2026-Q1", "P", "central_group_compliance", "0", "2", "0");
		row("2024-Q4", "P", "central_group_compliance", "0", "2", "0");
		noRow("2026-Q2", "B1", "central_group_compliance"); // no committee in B1's subtree
		// branch study: April B1 bs1 and bs2 are both on 04-03 -> 1 day < 2; B2 1 day -> 0/2.
		// May B1: 05-10 and 05-14 -> 2 days, compliant; B2 none -> 1/2.
		row("2026-04", "P", "branch_study_compliance", "0", "2", "0");
		row("2026-05", "P", "branch_study_compliance", "1", "2", "0.5");
		row("2026-05", "B1", "branch_study_compliance", "1", "1", "1");
		noRow("2026-05", "O1", "branch_study_compliance");
		// reporting: committees and branches P, C1, B1, B2. May: all but B2 -> 3/4; April: 4/4;
		// January 2025: C1 only -> 1/4; December 2024, the first reported month: 0/4.
		row("2026-05", "P", "attendance_reporting_rate", "3", "4", "0.75");
		row("2026-04", "P", "attendance_reporting_rate", "4", "4", "1");
		row("2025-01", "P", "attendance_reporting_rate", "1", "4", "0.25");
		row("2024-12", "P", "attendance_reporting_rate", "0", "4", "0");
		noRow("2024-11", "P", "attendance_reporting_rate");
		noRow("2026-06", "P", "attendance_reporting_rate");
		noRow("2026-05", "O1", "attendance_reporting_rate");
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void credits(String vendor) {
		refresh(vendor);
		// 2024 (end 2024-12-31): p01 10, p02 0, p03 5, p05 0 (p06 joins 2025, p04 is staff): none reaches
		row("2024", "P", "credit_completion_rate", "0", "4", "0");
		row("2024", "P", "avg_credits", "15", "4", "3.75");
		// 2025 (end 2025-12-31): p01 10+8 = 18 (= 18), p02 17.9 (< 18), p03 12.0 on 12-31 (= 12),
		// p06 9 (reported by C1, counts for O1); p05 left 2025-07-01; p99's 50 credits are not a roster's
		row("2025", "P", "credit_completion_rate", "2", "4", "0.5");
		row("2025", "P", "avg_credits", "56.9", "4", "14.225");
		row("2025", "C1", "avg_credits", "29.9", "2", "14.95"); // p02 17.9 + p03 12
		row("2025", "O1", "avg_credits", "9", "1", "9");
		row("2025", "O1", "credit_completion_rate", "0", "1", "0");
		noRow("2025", "B2", "credit_completion_rate"); // p05 left: nobody
		// 2025-Q2 (end 06-30): p01 10, p02 17.9, p03 0, p05 0, p06 9 against 18*2/4 = 9 or 12*2/4 = 6
		row("2025-Q2", "P", "credit_on_track_rate", "3", "5", "0.6");
		row("2025-Q2", "P", "avg_credits", "36.9", "5", "7.38");
		row("2025-Q2", "B2", "credit_on_track_rate", "0", "1", "0");
		// 2026-Q1: p01 4.5 = 18/4, p03 3 on 03-31 = 12/4, p02 0, p06 0
		row("2026-Q1", "P", "credit_on_track_rate", "2", "4", "0.5");
		row("2026-Q1", "P", "avg_credits", "7.5", "4", "1.875");
		// 2026-Q2 (end D): p01 8 < 9, p02 0 (t14 is after D), p03 6 = 6 (t11 on D), p06 10 >= 9
		row("2026-Q2", "P", "credit_on_track_rate", "2", "4", "0.5");
		row("2026-Q2", "P", "avg_credits", "24", "4", "6");
		row("2026", "P", "credit_completion_rate", "0", "4", "0");
		// remedial 2025: active at the end of 2024 and 2025 with a target: p01 (met 2025), p02 (0, 17.9:
		// missed both), p03 (met 2025); p05 left, p06 joined 2025 -> 1, in C1
		row("2025", "P", "remedial_count", "1", null, "1");
		row("2025", "C1", "remedial_count", "1", null, "1");
		row("2025", "O1", "remedial_count", "0", null, "0");
		// 2024's previous year is not reported, 2026 has not ended: no rows
		assertThat(count("indicator = 'remedial_count'")).isEqualTo(5);
		noRow("2024", "P", "remedial_count");
		noRow("2026", "P", "remedial_count");
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void degreesAndAges(String vendor) {
		refresh(vendor);
		// 2026-Q2 active: p01 pg, p02 secondary, p03 college, p04 secondary, p06 pg (p05 left)
		row("2026-Q2", "P", "bachelor_rate", "2", "5", "0.4");
		row("2026-Q2", "P", "college_rate", "3", "5", "0.6");
		// p02 born 1976-05-15 is 50 on D = 2026-05-15: only p04 is under 50 without college
		row("2026-Q2", "P", "under_age_limit_without_college", "1", null, "1");
		row("2026", "P", "under_age_limit_without_college", "1", null, "1");
		// on 2026-03-31 and 2025-12-31 p02 is 49
		row("2026-Q1", "P", "under_age_limit_without_college", "2", null, "2");
		row("2025", "P", "under_age_limit_without_college", "2", null, "2");
		row("2026-Q2", "O1", "under_age_limit_without_college", "0", null, "0");
		// 2025-Q2 (end 06-30): all six active; pg/bachelor p01, p05, p06 -> 3/6; degree programme p04, p05
		row("2025-Q2", "P", "bachelor_rate", "3", "6", "0.5");
		row("2025-Q2", "P", "degree_program_count", "2", null, "2");
		row("2025-Q2", "B2", "degree_program_count", "1", null, "1");
		// p05 left on 2025-07-01
		row("2025-Q3", "P", "degree_program_count", "1", null, "1");
		row("2025-Q3", "B2", "degree_program_count", "0", null, "0");
		noRow("2025-Q3", "B2", "bachelor_rate");
		// 2024: p01..p05, pg/bachelor p01, p05
		row("2024", "P", "bachelor_rate", "2", "5", "0.4");
		// counts: every unit (5) and quarter (2024-Q4 .. 2026-Q2: 7) and year (3)
		assertThat(count("indicator = 'degree_program_count'")).isEqualTo(50);
		assertThat(count("indicator = 'under_age_limit_without_college'")).isEqualTo(50);
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void research(String vendor) {
		refresh(vendor);
		// 2025: p01 r1 12-20..12-31 = 12 days; p02 r4 03-01..04-29 = 31 + 29 = 60; p03 10; p06 30
		// (p04 is staff, p99 not in the roster, p05 left)
		row("2025", "P", "avg_research_days", "112", "4", "28");
		row("2025", "P", "research_compliance", "1", "4", "0.25"); // p02 60 >= 60
		row("2025", "P", "research_report_rate", "3", "4", "0.75"); // r1 (starts 2025), r4, r6
		row("2025", "C1", "avg_research_days", "70", "2", "35");
		row("2025", "O1", "research_report_rate", "1", "1", "1");
		// 2026: r1 01-01..01-10 and r2 01-05..01-20 overlap -> 20 days; r3 05-10..05-25 up to D -> 6
		row("2026", "P", "avg_research_days", "26", "4", "6.5");
		row("2026", "P", "research_compliance", "0", "4", "0");
		row("2026", "P", "research_report_rate", "0", "4", "0");
		row("2024", "P", "avg_research_days", "0", "4", "0");
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void surveys(String vendor) {
		refresh(vendor);
		// sv1 opened 2026-04-01, 2 copies; responses up to D rs1, rs2, rs4 (rs3 is after D): 3/2
		row("2026-Q2", "P", "survey_response_rate", "3", "2", "1.5");
		// sv2 opened 2026-03-20, 10 copies, rs6 (03-25) and rs5 (04-05) -> 2/10
		row("2026-Q1", "P", "survey_response_rate", "2", "10", "0.2");
		row("2026-Q1", "B1", "survey_response_rate", "2", "10", "0.2");
		row("2026", "P", "survey_response_rate", "5", "12", "0.4167");
		// sv3 distributed 0 copies: no row
		noRow("2025-Q4", "O1", "survey_response_rate");
		noRow("2025-Q4", "P", "survey_response_rate");
		// submitted in 2026-Q2 up to D: rs1 2 answers 9, rs2 3/12, rs4 0/0, rs5 4/14 -> 35/9 = 3.8888
		row("2026-Q2", "P", "satisfaction_mean", "35", "9", "3.8889");
		row("2026-Q2", "B1", "satisfaction_mean", "14", "4", "3.5");
		row("2026-Q1", "P", "satisfaction_mean", "7", "2", "3.5");
		row("2026", "P", "satisfaction_mean", "42", "11", "3.8182");
		// suggestions: rs1 and rs5; rs2 is blank, rs4 has none, rs3 is after D
		row("2026-Q2", "P", "suggestion_count", "2", null, "2");
		row("2026-Q2", "C1", "suggestion_count", "2", null, "2");
		row("2026-Q2", "B1", "suggestion_count", "1", null, "1");
		row("2026-Q2", "O1", "suggestion_count", "0", null, "0");
		row("2026-Q1", "P", "suggestion_count", "0", null, "0");
		row("2026", "P", "suggestion_count", "2", null, "2");
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void storedValueIsTheHalfUpRoundedQuotientAndRefreshReplacesEverything(String vendor) {
		refresh(vendor);
		List<Map<String, Object>> rows = this.jdbc
			.queryForList("SELECT numerator, denominator, val FROM indicator_value");
		assertThat(rows).hasSize((int) this.written);
		for (Map<String, Object> r : rows) {
			BigDecimal expected = IndicatorNumbers.value((BigDecimal) r.get("numerator"),
					(BigDecimal) r.get("denominator"));
			assertThat(((BigDecimal) r.get("val")).compareTo(expected)).as(r.toString()).isZero();
		}
		assertThat(count("denominator IS NOT NULL AND denominator <= 0")).isZero();
		long again = new IndicatorRefresher(this.jdbc.getDataSource(), new TargetsProperties())
			.refresh(SmallOrganization.AS_OF);
		assertThat(again).isEqualTo(this.written);
		assertThat(count("1 = 1")).isEqualTo(this.written);
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void roundsHalfUpExactly(String vendor) {
		TestDatabase db = TestDatabase.create(vendor);
		this.jdbc = new JdbcTemplate(db.dataSource());
		SmallOrganization.unit(this.jdbc, "U", "单位", null, "office");
		// 1 present of 20000 rows would be 0.00005: half-up gives 0.0001; 2 of 3 gives 0.6667
		for (int i = 0; i < 3; i++) {
			SmallOrganization.attendance(this.jdbc, "U", "s" + i, "2026-01-05", "lecture", "1", "x" + i,
					(i < 2) ? "present" : "absent");
		}
		new IndicatorRefresher(db.dataSource(), new TargetsProperties()).refresh(SmallOrganization.AS_OF);
		row("2026-01", "U", "attendance_rate.lecture", "2", "3", "0.6667");
		this.jdbc.update("DELETE FROM ind_own");
		this.jdbc.update("INSERT INTO ind_own VALUES ('X', 'U', 'a', 1, 20000), ('X', 'U', 'b', 1, 20001), "
				+ "('X', 'U', 'c', 0.00015, 1), ('X', 'U', 'd', 14.22505, 1), ('X', 'U', 'e', 7, NULL)");
		this.jdbc.update("DELETE FROM indicator_value");
		this.jdbc.update("INSERT INTO ind_dirty_period (period, granularity, yr, why) VALUES ('X', 'M', 0, 'F')");
		for (String sql : SqlScript.load("rollup.sql")) {
			this.jdbc.update(sql);
		}
		row("X", "U", "a", "1", "20000", "0.0001");
		row("X", "U", "b", "1", "20001", "0");
		row("X", "U", "c", "0.00015", "1", "0.0002");
		row("X", "U", "d", "14.22505", "1", "14.2251");
		row("X", "U", "e", "7", null, "7");
	}

	private void row(String period, String unit, String indicator, String numerator, String denominator,
			String value) {
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"SELECT numerator, denominator, val FROM indicator_value WHERE period = ? AND unit_code = ? "
						+ "AND indicator = ?",
				period, unit, indicator);
		assertThat(rows).as(period + " " + unit + " " + indicator).hasSize(1);
		Map<String, Object> r = rows.get(0);
		assertThat(IndicatorNumbers.plain((BigDecimal) r.get("numerator"))).as(indicator + " numerator")
			.isEqualTo(numerator);
		assertThat(IndicatorNumbers.plain((BigDecimal) r.get("denominator"))).as(indicator + " denominator")
			.isEqualTo((denominator == null) ? "" : denominator);
		assertThat(IndicatorNumbers.plain((BigDecimal) r.get("val"))).as(indicator + " value").isEqualTo(value);
		assertThat(IndicatorNumbers
			.plain(IndicatorNumbers.value((BigDecimal) r.get("numerator"), (BigDecimal) r.get("denominator"))))
			.isEqualTo(value);
	}

	private void noRow(String period, String unit, String indicator) {
		assertThat(count("period = '" + period + "' AND unit_code = '" + unit + "' AND indicator = '" + indicator
				+ "'")).as(period + " " + unit + " " + indicator).isZero();
	}

	private long count(String where) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM indicator_value WHERE " + where, Long.class);
	}

}
