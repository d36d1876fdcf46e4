package org.learnstats.outputs.tables;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;

import org.learnstats.support.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small store for the table tests: two roots, a three-level tree under the first, names a
 * spreadsheet would run as formulas, one attendance row in December 2024 (so the columns start
 * there) and a few indicator values.
 */
final class TablesFixture {

	static final LocalDate AS_OF = LocalDate.of(2025, 3, 15);

	private TablesFixture() {
	}

	static JdbcTemplate load(TestDatabase db) {
		JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
		unit(jdbc, "R1", "某省委", null, "committee");
		unit(jdbc, "A2", "机关党委", "R1", "committee");
		unit(jdbc, "A1", "=HYPERLINK(\"http://x\",\"点我\")", "R1", "office");
		unit(jdbc, "B1", "第一支部, \"老干部\"", "A2", "branch");
		unit(jdbc, "R2", "@备用单位", null, "office");
		jdbc.update("INSERT INTO attendance (unit_code, session_id, person_id, session_date, session_type,"
				+ " duration_hours, status, delivery_id) VALUES ('B1', 'S1', 'P1', ?, 'branch_study', 2, 'present', 1)",
				Date.valueOf(LocalDate.of(2024, 12, 20)));
		// and its session, as the indicator refresh summarizes it (where outputs read attendance from)
		jdbc.update("INSERT INTO ind_att_session (unit_code, session_id, session_date, session_type, duration_hours,"
				+ " n_all, n_present) VALUES ('B1', 'S1', ?, 'branch_study', 2, 1, 1)", Date.valueOf(LocalDate.of(2024, 12, 20)));
		value(jdbc, "2025-01", "R1", "attendance_rate", "12", "13", "0.9231");
		value(jdbc, "2025-02", "R1", "attendance_rate", "1", "2", "0.5");
		value(jdbc, "2025-01", "A2", "attendance_rate", "4", "4", "1");
		value(jdbc, "2025-Q1", "R1", "attendance_rate", "3", "4", "0.75");
		value(jdbc, "2025", "R1", "attendance_rate", "4", "5", "0.8");
		value(jdbc, "2024", "R1", "remedial_count", "3", null, "3");
		value(jdbc, "2025-Q1", "B1", "avg_credits", "25", "2", "12.5");
		return jdbc;
	}

	static void unit(JdbcTemplate jdbc, String code, String name, String parent, String type) {
		jdbc.update("INSERT INTO unit (unit_code, unit_name, parent_code, unit_type, delivery_id) VALUES (?, ?, ?, ?, 1)",
				code, name, parent, type);
	}

	static void value(JdbcTemplate jdbc, String period, String unit, String indicator, String numerator,
			String denominator, String value) {
		jdbc.update("INSERT INTO indicator_value (period, unit_code, indicator, numerator, denominator, val)"
				+ " VALUES (?, ?, ?, ?, ?, ?)", period, unit, indicator, new BigDecimal(numerator),
				(denominator != null) ? new BigDecimal(denominator) : null, new BigDecimal(value));
	}

}
