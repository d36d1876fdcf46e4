package org.learnstats.indicators;

import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small organization whose every indicator is worked out by hand in
 * {@link IndicatorRefresherTest}. D = 2026-05-15 (the middle of 2026-Q2). The earliest event is
 * the training row of 2024-12-10, so the reported periods run 2024-12 .. 2026-05, 2024-Q4 ..
 * 2026-Q2 and 2024 .. 2026.
 *
 * <pre>
 * P   省委 committee
 * ├── C1  市委 committee
 * │   ├── B1  第一支部 branch
 * │   └── B2  第二支部 branch
 * └── O1  办公室 office
 * </pre>
 */
final class SmallOrganization {

	static final LocalDate AS_OF = LocalDate.of(2026, 5, 15);

	private SmallOrganization() {
	}

	static void load(JdbcTemplate jdbc) {
		unit(jdbc, "P", "省委", null, "committee");
		unit(jdbc, "C1", "市委", "P", "committee");
		unit(jdbc, "B1", "第一支部", "C1", "branch");
		unit(jdbc, "B2", "第二支部", "C1", "branch");
		unit(jdbc, "O1", "办公室", "P", "office");

		// p02 is 50 exactly on D; p05 left on 2025-07-01; p06 joined 2025-03-01 and was
		// transferred from C1 to O1 (C1 still reports his rows: they count for O1).
		person(jdbc, "p01", "王一", "P", "bureau", "postgraduate", "1970-03-01", null, null, false);
		person(jdbc, "p02", "李二", "C1", "division", "secondary", "1976-05-15", null, null, false);
		person(jdbc, "p03", "张三", "B1", "section", "college", "1985-01-01", null, null, false);
		person(jdbc, "p04", "赵四", "B1", "staff", "secondary", "1990-06-01", null, null, true);
		person(jdbc, "p05", "钱五", "B2", "section", "bachelor", "1980-02-02", null, "2025-07-01", true);
		person(jdbc, "p06", "=孙六", "O1", "division", "postgraduate", "1965-09-09", "2025-03-01", null, false);

		// training (unit, record, person, credits, completed_on)
		training(jdbc, "P", "t1", "p01", "10", "2024-12-10");
		training(jdbc, "P", "t2", "p01", "10", "2025-03-01");
		training(jdbc, "P", "t3", "p01", "8", "2025-11-30");
		training(jdbc, "C1", "t4", "p02", "17.9", "2025-06-01");
		training(jdbc, "B1", "t5", "p03", "5", "2024-12-20");
		training(jdbc, "B1", "t6", "p03", "12.0", "2025-12-31");
		training(jdbc, "C1", "t7", "p06", "9", "2025-05-05");
		training(jdbc, "P", "t8", "p01", "4.5", "2026-02-14");
		training(jdbc, "B1", "t9", "p03", "3", "2026-03-31");
		training(jdbc, "P", "t10", "p01", "3.5", "2026-04-01");
		training(jdbc, "B1", "t11", "p03", "3", "2026-05-15");
		training(jdbc, "C1", "t12", "p06", "10", "2026-04-10");
		training(jdbc, "C1", "t13", "p99", "50", "2025-05-05");
		training(jdbc, "C1", "t14", "p02", "20", "2026-06-01");

		// attendance (unit, session, date, type, hours, person, status)
		attendance(jdbc, "C1", "cg0", "2025-01-15", "central_group", "6", "p02", "present");
		attendance(jdbc, "P", "pc1", "2026-04-02", "central_group", "6", "p01", "present");
		attendance(jdbc, "P", "pc2", "2026-05-06", "central_group", "7", "p01", "late");
		attendance(jdbc, "P", "pc3", "2026-05-20", "central_group", "6", "p01", "present");
		attendance(jdbc, "C1", "cg1", "2026-04-10", "central_group", "6", "p02", "present");
		attendance(jdbc, "C1", "cg1", "2026-04-10", "central_group", "6", "p06", "absent");
		attendance(jdbc, "C1", "cg1", "2026-04-10", "central_group", "6", "p07", "present");
		attendance(jdbc, "C1", "cg2", "2026-04-20", "central_group", "5.99", "p02", "excused");
		attendance(jdbc, "C1", "cg3", "2026-05-08", "central_group", "8", "p02", "present");
		attendance(jdbc, "C1", "cg4", "2026-05-12", "central_group", "6", "p02", "absent");
		attendance(jdbc, "B1", "bs1", "2026-04-03", "branch_study", "2", "p03", "present");
		attendance(jdbc, "B1", "bs1", "2026-04-03", "branch_study", "2", "p04", "present");
		attendance(jdbc, "B1", "bs2", "2026-04-03", "branch_study", "1.5", "p03", "late");
		attendance(jdbc, "B1", "bs2", "2026-04-03", "branch_study", "1.5", "p04", "absent");
		attendance(jdbc, "B1", "bs3", "2026-05-10", "branch_study", "2", "p03", "present");
		attendance(jdbc, "B1", "bs4", "2026-05-14", "branch_study", "2", "p04", "present");
		attendance(jdbc, "B2", "bs5", "2026-04-15", "branch_study", "2", "p05", "absent");
		attendance(jdbc, "O1", "lec1", "2026-05-05", "lecture", "3", "p06", "present");
		attendance(jdbc, "O1", "lec1", "2026-05-05", "lecture", "3", "p07", "present");

		// research (unit, trip, person, start, end, report)
		research(jdbc, "P", "r1", "p01", "2025-12-20", "2026-01-10", true);
		research(jdbc, "P", "r2", "p01", "2026-01-05", "2026-01-20", false);
		research(jdbc, "P", "r3", "p01", "2026-05-10", "2026-05-25", false);
		research(jdbc, "C1", "r4", "p02", "2025-03-01", "2025-04-29", true);
		research(jdbc, "B1", "r5", "p03", "2025-06-01", "2025-06-10", false);
		research(jdbc, "C1", "r6", "p06", "2025-09-01", "2025-09-30", true);
		research(jdbc, "B1", "r7", "p04", "2025-05-01", "2025-05-03", true);
		research(jdbc, "C1", "r8", "p99", "2025-05-01", "2025-08-03", true);

		// surveys (unit, survey, opened_on, distributed) and responses
		survey(jdbc, "C1", "sv1", "2026-04-01", 2);
		survey(jdbc, "B1", "sv2", "2026-03-20", 10);
		survey(jdbc, "O1", "sv3", "2025-11-11", 0);
		response(jdbc, "C1", "sv1", "rs1", "2026-04-02", 2, 9, "多组织讨论");
		response(jdbc, "C1", "sv1", "rs2", "2026-04-03", 3, 12, "   ");
		response(jdbc, "C1", "sv1", "rs3", "2026-05-16", 1, 5, "晚到的意见");
		response(jdbc, "C1", "sv1", "rs4", "2026-05-15", 0, 0, null);
		response(jdbc, "B1", "sv2", "rs5", "2026-04-05", 4, 14, "加强学习");
		response(jdbc, "B1", "sv2", "rs6", "2026-03-25", 2, 7, null);
	}

	static void unit(JdbcTemplate jdbc, String code, String name, String parent, String type) {
		jdbc.update("INSERT INTO unit (unit_code, unit_name, parent_code, unit_type, delivery_id) VALUES (?, ?, ?, ?, 1)",
				code, name, parent, type);
	}

	static void person(JdbcTemplate jdbc, String id, String name, String unit, String rank, String education,
			String born, String joined, String left, boolean degree) {
		jdbc.update("INSERT INTO person (person_id, person_name, unit_code, person_rank, education, birth_date, "
				+ "joined_on, left_on, in_degree_program, delivery_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)", id, name,
				unit, rank, education, date(born), date(joined), date(left), degree);
	}

	static void training(JdbcTemplate jdbc, String unit, String record, String person, String credits, String on) {
		jdbc.update("INSERT INTO training (unit_code, record_id, person_id, course_name, course_type, credits, "
				+ "completed_on, delivery_id) VALUES (?, ?, ?, '课程', 'online', ?, ?, 1)", unit, record, person,
				new java.math.BigDecimal(credits), date(on));
	}

	static void attendance(JdbcTemplate jdbc, String unit, String session, String on, String type, String hours,
			String person, String status) {
		jdbc.update("INSERT INTO attendance (unit_code, session_id, person_id, session_date, session_type, "
				+ "duration_hours, status, delivery_id) VALUES (?, ?, ?, ?, ?, ?, ?, 1)", unit, session, person,
				date(on), type, new java.math.BigDecimal(hours), status);
	}

	static void research(JdbcTemplate jdbc, String unit, String trip, String person, String start, String end,
			boolean report) {
		jdbc.update("INSERT INTO research (unit_code, trip_id, person_id, start_date, end_date, topic, "
				+ "report_submitted, delivery_id) VALUES (?, ?, ?, ?, ?, '调研', ?, 1)", unit, trip, person,
				date(start), date(end), report);
	}

	static void survey(JdbcTemplate jdbc, String unit, String survey, String opened, long distributed) {
		jdbc.update("INSERT INTO survey (unit_code, survey_id, title, opened_on, distributed, delivery_id) "
				+ "VALUES (?, ?, '问卷', ?, ?, 1)", unit, survey, date(opened), distributed);
	}

	static void response(JdbcTemplate jdbc, String unit, String survey, String id, String on, int answered,
			int scoreSum, String suggestion) {
		jdbc.update("INSERT INTO response (unit_code, survey_id, response_id, submitted_on, answered, score_sum, "
				+ "answers, suggestion, delivery_id) VALUES (?, ?, ?, ?, ?, ?, '', ?, 1)", unit, survey, id, date(on),
				answered, scoreSum, suggestion);
	}

	static java.sql.Date date(String iso) {
		return (iso == null) ? null : java.sql.Date.valueOf(iso);
	}

}
