package org.learnstats.messy;

import java.util.List;

import org.learnstats.messy.ExportTable.Row;
import org.learnstats.messy.ExportTable.Word;

/**
 * The bad rows a night holds, one or more for every row-level reason of spec section 2.3, each
 * judged the same on any night (no unit or survey named here ever arrives; future dates are in
 * 2099). Also the UNKNOWN_PERSON sign-in of someone never in the roster.
 */
final class RejectRows {

	private RejectRows() {
	}

	/** Sign-ins and training records: FIELD_COUNT ... DUPLICATE_KEY, and UNKNOWN_PERSON. */
	static void addTo(ExportTable attendance, ExportTable training, int night, String day) {
		List<Row> rows = attendance.rows();
		Row good = rows.get(0);
		Row shortRow = signIn(day, "FC").put("status", new Word("present"));
		shortRow.missingLastField = true;
		rows.add(1, shortRow);
		rows.add(2, signIn(day, "MV").put("status", ""));
		Row delimiters = new Row();
		delimiters.delimitersOnly = true;
		rows.add(3, delimiters);
		rows.add(signIn(day, "BD").put("session_date", "2025-02-30"));
		rows.add(signIn(day, "BN").put("duration_hours", "1e1"));
		rows.add(signIn(day, "BC").put("status", "maybe"));
		rows.add(signIn(day, "X".repeat(65)));
		rows.add(signIn(day, "OR").put("duration_hours", "25"));
		rows.add(signIn(day, "FD").put("session_date", "2099-01-01"));
		rows.add(signIn(day, "UU").put("unit_code", "GHOST-UNIT"));
		rows.add(good.copy());
		rows.add(signIn(day, "UP").put("person_id", "P-NEVER-" + night));
		training.rows()
			.add(new Row().put("unit_code", "SZ")
				.put("record_id", "TX-" + day)
				.put("person_id", "P0001")
				.put("course_name", "超额学分")
				.put("credits", "101")
				.put("completed_on", day));
		training.rows()
			.add(new Row().put("unit_code", "SZ")
				.put("record_id", "TY-" + day)
				.put("person_id", "P0001")
				.put("course_name", "小数")
				.put("credits", ".5")
				.put("completed_on", day));
	}

	/** Research, surveys, responses: OUT_OF_RANGE, BAD_NUMBER, UNKNOWN_SURVEY. */
	static void addTo(ExportTable research, ExportTable surveys, ExportTable responses, String day) {
		research.rows()
			.add(new Row().put("unit_code", "SZ")
				.put("trip_id", "RX-" + day)
				.put("person_id", "P0001")
				.put("start_date", day)
				.put("end_date", "2025-01-01")
				.put("report_submitted", "yes"));
		surveys.rows()
			.add(new Row().put("unit_code", "SZ")
				.put("survey_id", "SX-" + day)
				.put("title", "负数")
				.put("opened_on", day)
				.put("distributed", "-3"));
		surveys.rows()
			.add(new Row().put("unit_code", "SZ")
				.put("survey_id", "SY-" + day)
				.put("title", "小数")
				.put("opened_on", day)
				.put("distributed", "1.5"));
		responses.rows()
			.add(new Row().put("unit_code", "SZ")
				.put("survey_id", "NO-SUCH-SURVEY")
				.put("response_id", "AX-" + day)
				.put("submitted_on", day)
				.put("q1", "3"));
		responses.rows()
			.add(new Row().put("unit_code", "SZ")
				.put("survey_id", "NO-SUCH-SURVEY")
				.put("response_id", "AY-" + day)
				.put("submitted_on", day)
				.put("q1", "6"));
	}

	/** The units register: CYCLE (its own parent) and UNKNOWN_UNIT (a parent nobody has). */
	static void addTo(ExportTable units, String day) {
		units.rows()
			.add(new Row().put("unit_code", "LOOP-" + day)
				.put("unit_name", "临时专班")
				.put("parent_code", "LOOP-" + day)
				.put("unit_type", "专班"));
		units.rows()
			.add(new Row().put("unit_code", "ORPHAN-" + day)
				.put("unit_name", "无上级")
				.put("parent_code", "GHOST-PARENT")
				.put("unit_type", new Word("office")));
	}

	/** The people register: a post for a rank, leaving before joining, born in the future. */
	static void addPeople(ExportTable people, int night) {
		people.rows()
			.add(new Row().put("person_id", "PX-" + night)
				.put("name", "赵处长")
				.put("unit_code", "SZ-O1")
				.put("rank", "处长")
				.put("education", new Word("bachelor"))
				.put("birth_date", java.time.LocalDate.of(1980, 1, 1)));
		people.rows()
			.add(new Row().put("person_id", "PY-" + night)
				.put("name", "钱某")
				.put("unit_code", "SZ-O1")
				.put("rank", new Word("staff"))
				.put("education", new Word("bachelor"))
				.put("birth_date", java.time.LocalDate.of(1980, 1, 1))
				.put("joined_on", java.time.LocalDate.of(2020, 1, 1))
				.put("left_on", java.time.LocalDate.of(2019, 1, 1)));
		people.rows()
			.add(new Row().put("person_id", "PZ-" + night)
				.put("name", "孙某")
				.put("unit_code", "SZ-O1")
				.put("rank", new Word("staff"))
				.put("education", new Word("bachelor"))
				.put("birth_date", java.time.LocalDate.of(2099, 1, 1)));
	}

	private static Row signIn(String day, String session) {
		return new Row().put("unit_code", "SZ")
			.put("session_id", session.length() > 8 ? session : "BAD-" + session + "-" + day)
			.put("session_date", java.time.LocalDate.parse(day))
			.put("session_type", new Word("central_group"))
			.put("duration_hours", "2")
			.put("person_id", "P0001")
			.put("status", new Word("present"));
	}

}
