package org.learnstats.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learnstats.store.IngestJobTest.AS_OF;
import static org.learnstats.store.IngestJobTest.ATTENDANCE_EN;
import static org.learnstats.store.IngestJobTest.ATTENDANCE_ZH;
import static org.learnstats.store.IngestJobTest.PEOPLE_EN;
import static org.learnstats.store.IngestJobTest.PEOPLE_ZH;
import static org.learnstats.store.IngestJobTest.RESEARCH_EN;
import static org.learnstats.store.IngestJobTest.RESEARCH_ZH;
import static org.learnstats.store.IngestJobTest.RESPONSES_EN;
import static org.learnstats.store.IngestJobTest.RESPONSES_ZH;
import static org.learnstats.store.IngestJobTest.SURVEYS;
import static org.learnstats.store.IngestJobTest.SURVEYS_ZH;
import static org.learnstats.store.IngestJobTest.TRAINING_EN;
import static org.learnstats.store.IngestJobTest.TRAINING_ZH;
import static org.learnstats.store.IngestJobTest.UNITS_EN;
import static org.learnstats.store.IngestJobTest.UNITS_ZH;
import static org.learnstats.support.TestWorkbook.typed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.learnstats.support.TestApp;
import org.learnstats.support.TestDatabase;
import org.learnstats.support.TestWorkbook;
import org.springframework.batch.core.BatchStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Spec section 2.4 end to end on H2 and PostgreSQL: the rows of IngestJobTest's inbox delivered as
 * workbook sheets (.xlsx and .xls, typed cells, title and total rows, several kinds in one
 * workbook) give the same store and the same indicators as the CSV files; a re-delivered
 * workbook skips all its sheets.
 */
class ExcelIngestJobTest {

	/** Every store table, its columns but the delivery id, in key order. */
	static final Map<String, String> TABLES = Map.of("unit", "SELECT unit_code, unit_name, parent_code, unit_type FROM unit ORDER BY 1",
			"person", "SELECT person_id, person_name, unit_code, person_rank, education, birth_date, joined_on, left_on,"
					+ " in_degree_program FROM person ORDER BY 1",
			"survey", "SELECT unit_code, survey_id, title, opened_on, distributed FROM survey ORDER BY 1, 2",
			"attendance", "SELECT unit_code, session_id, person_id, session_date, session_type, duration_hours, status"
					+ " FROM attendance ORDER BY 1, 2, 3",
			"training", "SELECT unit_code, record_id, person_id, course_name, course_type, credits, completed_on"
					+ " FROM training ORDER BY 1, 2",
			"research", "SELECT unit_code, trip_id, person_id, start_date, end_date, topic, report_submitted"
					+ " FROM research ORDER BY 1, 2",
			"response", "SELECT unit_code, survey_id, response_id, submitted_on, answered, score_sum, answers, suggestion"
					+ " FROM response ORDER BY 1, 2, 3");

	@TempDir
	Path tmp;

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void workbooksGiveTheStoreAndIndicatorsOfTheSameRowsAsCsv(String vendor) throws IOException {
		Path csvOut = this.tmp.resolve("csv-out");
		Map<String, List<Map<String, Object>>> fromCsv;
		try (TestApp app = TestApp.start(TestDatabase.create(vendor), "--learnstats.ingest.files-per-chunk=1")) {
			app.run(AS_OF, IngestJobTest.fullInbox(this.tmp.resolve("csv")).dir(), csvOut);
			fromCsv = store(app.jdbc());
		}
		Path inbox = excelInbox(this.tmp.resolve("excel"));
		Path excelOut = this.tmp.resolve("excel-out");
		try (TestApp app = TestApp.start(TestDatabase.create(vendor), "--learnstats.ingest.files-per-chunk=1")) {
			assertThat(app.run(AS_OF, inbox, excelOut).getStatus()).isEqualTo(BatchStatus.COMPLETED);
			JdbcTemplate jdbc = app.jdbc();
			assertThat(store(jdbc)).isEqualTo(fromCsv);
			assertThat(fromCsv.get("attendance")).hasSize(4);
			assertThat(Files.readString(excelOut.resolve("indicators.csv")))
				.isEqualTo(Files.readString(csvOut.resolve("indicators.csv")))
				.contains("attendance_rate");
			assertThat(jdbc.queryForList("SELECT path FROM delivery ORDER BY delivery_id", String.class)).containsExactly(
					"units.xlsx#en", "units.xlsx#zh", "people.xls#en", "people.xls#zh", "surveys/en.xlsx#Sheet1",
					"surveys/zh.xls#Sheet1", "events.xlsx#a-en", "events.xlsx#a-zh", "events.xlsx#t-en",
					"events.xlsx#t-zh", "events.xlsx#r-en", "events.xlsx#r-zh", "events.xlsx#q-en", "events.xlsx#q-zh");
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery WHERE rows_read <> rows_applied + rows_rejected",
					Integer.class)).isZero();
			assertThat(jdbc.queryForObject("SELECT rows_read || '/' || rows_skipped || '/' || encoding FROM delivery"
					+ " WHERE path = 'events.xlsx#a-en'", String.class)).isEqualTo("3/2/xlsx");
			assertThat(jdbc.queryForObject("SELECT rows_skipped || '/' || encoding FROM delivery WHERE path = 'people.xls#zh'",
					String.class)).isEqualTo("1/xls");
			assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT sha256) FROM delivery WHERE path LIKE 'events.xlsx#%'",
					Integer.class)).isEqualTo(1);
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery WHERE delimiter_char IS NOT NULL", Integer.class))
				.isZero();
			assertThat(Files.readString(excelOut.resolve("data-quality/warnings.csv")))
				.contains("events.xlsx#a-en,6,attendance,BR1,PX,UNKNOWN_PERSON");

			// the same workbooks again: every sheet is a re-delivery
			app.run(AS_OF, inbox, this.tmp.resolve("again"));
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery", Integer.class)).isEqualTo(14);
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery_skip", Integer.class)).isEqualTo(14);
		}
	}

	static Path excelInbox(Path dir) {
		List<Object[]> attendance = new ArrayList<>(typed(ATTENDANCE_EN));
		attendance.add(new Object[] { "合计", null, null, null, 6 });
		TestWorkbook.xlsx().sheet("en", typed(UNITS_EN)).sheet("zh", typed(UNITS_ZH)).write(dir.resolve("units.xlsx"));
		TestWorkbook.xls()
			.sheet("en", typed(PEOPLE_EN))
			.sheet("zh", withTitle("人员花名册", typed(PEOPLE_ZH)))
			.write(dir.resolve("people.xls"));
		TestWorkbook.xlsx().sheet("Sheet1", typed(SURVEYS)).write(dir.resolve("surveys/en.xlsx"));
		TestWorkbook.xls().sheet("Sheet1", typed(SURVEYS_ZH)).write(dir.resolve("surveys/zh.xls"));
		TestWorkbook.xlsx()
			.sheetWithTitle("a-en", "2026年3月学习考勤表", 7, attendance)
			.sheet("a-zh", typed(ATTENDANCE_ZH))
			.sheet("q-en", typed(RESPONSES_EN))
			.sheet("q-zh", typed(RESPONSES_ZH))
			.sheet("r-en", typed(RESEARCH_EN))
			.sheet("r-zh", typed(RESEARCH_ZH))
			.sheet("t-en", typed(TRAINING_EN))
			.sheet("t-zh", typed(TRAINING_ZH))
			.write(dir.resolve("events.xlsx"));
		return dir;
	}

	static List<Object[]> withTitle(String title, List<Object[]> rows) {
		List<Object[]> all = new ArrayList<>();
		all.add(new Object[] { title });
		all.addAll(rows);
		return all;
	}

	static Map<String, List<Map<String, Object>>> store(JdbcTemplate jdbc) {
		Map<String, List<Map<String, Object>>> tables = new TreeMap<>();
		TABLES.forEach((table, sql) -> tables.put(table, jdbc.queryForList(sql).stream().map((row) -> {
			Map<String, Object> values = new TreeMap<>();
			row.forEach((k, v) -> values.put(k.toLowerCase(java.util.Locale.ROOT),
					v instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(v)));
			return values;
		}).toList()));
		return tables;
	}

}
