package org.learnstats.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.learnstats.support.Inbox;
import org.learnstats.support.TestApp;
import org.learnstats.support.TestDatabase;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deliveries a unit will eventually send, through the real job on H2 and PostgreSQL: each ends as
 * applied rows, rejects that fit the ledger or a quarantined file, never as a failed night.
 */
class HostileDeliveryTest {

	/** Early in a quarter, so the outputs of each night stay small (no closed quarter, no pack). */
	static final LocalDate AS_OF = LocalDate.of(2026, 3, 20);

	static final String UNITS = "unit_code,unit_name,parent_code,unit_type\nROOT,省委某部,,党委\nBR1,第一党支部,ROOT,党支部\n";

	static final String ATTENDANCE = "unit_code,session_id,session_date,session_type,duration_hours,person_id,status\n";

	@TempDir
	Path tmp;

	/** Every ingest step and the indicator refresh completed (the outputs are another part's business). */
	static void ingestedAndRefreshed(JobExecution run) {
		assertThat(run.getStepExecutions()).filteredOn((s) -> !s.getStepName().equals("writeOutputs"))
			.extracting(StepExecution::getStatus)
			.hasSize(9)
			.containsOnly(BatchStatus.COMPLETED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void aFileTheStoreRefusesIsQuarantinedAndTheOtherFilesOfItsChunkAreApplied(String vendor) throws IOException {
		// a constraint of the test's own stands for any failure the checks did not foresee
		Inbox night1 = new Inbox(this.tmp.resolve("n1")).file("u.csv", UNITS)
			.file("a1.csv", ATTENDANCE + "BR1,S1,2026-03-05,branch_study,2,P1,present\nBR1,S1,2026-03-05,branch_study,2,P2,late\n")
			.file("a2.csv", ATTENDANCE + "BR1,S2,2026-03-06,branch_study,2,P1,present\nBR1,POISON,2026-03-06,branch_study,2,P1,present\n")
			.file("a3.csv", ATTENDANCE + "BR1,S3,2026-03-07,branch_study,2,P1,present\n");
		// night 2 re-delivers a key, so the chunk takes the merge path
		Inbox night2 = new Inbox(this.tmp.resolve("n2"))
			.file("b1.csv", ATTENDANCE + "BR1,S1,2026-03-05,branch_study,2,P2,excused\n")
			.file("b2.csv", ATTENDANCE + "BR1,S1,2026-03-05,branch_study,2,P1,absent\nBR1,POISON,2026-03-06,branch_study,2,P9,present\n");
		try (TestApp app = TestApp.start(TestDatabase.create(vendor))) {
			JdbcTemplate jdbc = app.jdbc();
			jdbc.execute("ALTER TABLE attendance ADD CONSTRAINT test_poison CHECK (session_id <> 'POISON')");
			assertThat(app.run(AS_OF, night1.dir(), this.tmp.resolve("out")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(app.run(AS_OF, night2.dir(), this.tmp.resolve("out")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(jdbc.queryForList("SELECT session_id || ' ' || person_id || ' ' || status FROM attendance ORDER BY 1",
					String.class))
				.containsExactly("S1 P1 present", "S1 P2 excused", "S3 P1 present");
			assertThat(jdbc.queryForList("SELECT path || ' ' || COALESCE(file_reason, '-') || ' ' || rows_read || ' '"
					+ " || rows_applied || ' ' || rows_rejected FROM delivery WHERE kind = 'attendance' ORDER BY path",
					String.class))
				.containsExactly("a1.csv - 2 2 0", "a2.csv STORE_ERROR 2 0 2", "a3.csv - 1 1 0", "b1.csv - 1 1 0",
						"b2.csv STORE_ERROR 2 0 2");
			List<Map<String, Object>> ledger = jdbc.queryForList("SELECT r.reason, r.line_no, r.detail FROM reject_row r"
					+ " JOIN delivery d ON d.delivery_id = r.delivery_id WHERE d.path = 'a2.csv'");
			assertThat(ledger).singleElement().satisfies((r) -> {
				assertThat(r.get("reason")).isEqualTo("STORE_ERROR");
				assertThat(r.get("line_no")).isNull();
				assertThat(r.get("detail").toString().toLowerCase()).contains("test_poison");
			});
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void aCodeOf64CodePointsIsStoredOnBothStoresAnd65AreABadCode(String vendor) throws IOException {
		String unit = "😀".repeat(64);
		String person = "𠀀".repeat(64);
		String session = "🎓".repeat(64);
		Inbox inbox = new Inbox(this.tmp.resolve("inbox"))
			.file("u.csv", UNITS + unit + ",表情支部,ROOT,党支部\n" + "😀".repeat(65) + ",太长,ROOT,党支部\n")
			.file("p.csv", "person_id,name,unit_code,rank,education,birth_date\n" + person + ",张伟," + unit
					+ ",section,bachelor,1980-01-01\n")
			.file("a.csv", ATTENDANCE + unit + "," + session + ",2026-03-05,branch_study,2," + person + ",present\n");
		try (TestApp app = TestApp.start(TestDatabase.create(vendor))) {
			ingestedAndRefreshed(app.run(AS_OF, inbox.dir(), this.tmp.resolve("out")));
			JdbcTemplate jdbc = app.jdbc();
			assertThat(jdbc.queryForList("SELECT unit_code FROM unit WHERE parent_code = 'ROOT' ORDER BY unit_code", String.class))
				.containsExactlyInAnyOrder("BR1", unit);
			assertThat(jdbc.queryForObject("SELECT session_id FROM attendance WHERE person_id = ?", String.class, person))
				.isEqualTo(session);
			assertThat(jdbc.queryForList("SELECT reason FROM reject_row", String.class)).containsExactly("BAD_CODE");
			for (String u : List.of(unit, "ROOT")) {
				assertThat(jdbc.queryForList("SELECT numerator FROM indicator_value WHERE unit_code = ? AND period = '2026-03'"
						+ " AND indicator = 'attendance_rate'", BigDecimal.class, u))
					.as("the sign-in counts for the unit and its ancestors").singleElement()
					.satisfies((n) -> assertThat(n).isEqualByComparingTo("1"));
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void tenSurveysAtTheLimitGiveAnExactResponseRateAndLargerOnesAreOutOfRange(String vendor) throws IOException {
		String surveys = IntStream.range(0, 10)
			.mapToObj((i) -> "ROOT,S" + i + ",问卷" + i + ",2026-03-0" + (i % 9 + 1) + ",1000000000")
			.collect(Collectors.joining("\n", "unit_code,survey_id,title,opened_on,distributed\n", "\n"))
				+ "ROOT,S10,太多,2026-03-01,999999999999999999\nROOT,S11,多一份,2026-03-01,1000000001\n";
		Inbox inbox = new Inbox(this.tmp.resolve("inbox")).file("u.csv", UNITS).file("s.csv", surveys)
			.file("r.csv", "unit_code,survey_id,response_id,submitted_on,q1\nROOT,S0,A1,2026-03-10,5\n"
					+ "ROOT,S9,A1,2026-03-10,4\nROOT,S9,A2,2026-03-11,3\n");
		try (TestApp app = TestApp.start(TestDatabase.create(vendor))) {
			ingestedAndRefreshed(app.run(AS_OF, inbox.dir(), this.tmp.resolve("out")));
			JdbcTemplate jdbc = app.jdbc();
			assertThat(jdbc.queryForList("SELECT reason FROM reject_row ORDER BY line_no", String.class))
				.containsExactly("OUT_OF_RANGE", "OUT_OF_RANGE");
			for (String period : List.of("2026-Q1", "2026")) {
				Map<String, Object> rate = jdbc.queryForMap("SELECT numerator, denominator, val FROM indicator_value"
						+ " WHERE unit_code = 'ROOT' AND period = ? AND indicator = 'survey_response_rate'", period);
				assertThat((BigDecimal) rate.get("numerator")).isEqualByComparingTo("3");
				assertThat((BigDecimal) rate.get("denominator")).isEqualByComparingTo("10000000000");
				assertThat((BigDecimal) rate.get("val")).isEqualByComparingTo("0");
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void anExcelDayZeroDateIsOutOfRangeAndTheReportedPeriodsDoNotStretchBack(String vendor) throws IOException {
		Inbox inbox = new Inbox(this.tmp.resolve("inbox")).file("u.csv", UNITS)
			.file("a.csv", ATTENDANCE + "BR1,S1,1899-12-30,branch_study,2,P1,present\n"
					+ "BR1,S2,2026-02-05,branch_study,2,P1,present\n");
		try (TestApp app = TestApp.start(TestDatabase.create(vendor))) {
			ingestedAndRefreshed(app.run(AS_OF, inbox.dir(), this.tmp.resolve("out")));
			JdbcTemplate jdbc = app.jdbc();
			assertThat(jdbc.queryForList("SELECT reason || ' ' || line_no FROM reject_row", String.class))
				.containsExactly("OUT_OF_RANGE 2");
			assertThat(jdbc.queryForList("SELECT DISTINCT period FROM indicator_value ORDER BY period", String.class))
				.containsExactly("2026", "2026-02", "2026-03", "2026-Q1");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void overlongValuesLinesAndHeadersEndAsRejectsThatFitTheLedger(String vendor) throws IOException {
		String longText = "9".repeat(5000);
		String strayQuote = "BR1,S5,2026-03-05,branch_study,2,\"P1" + "\nBR1,S9,2026-03-05,branch_study,2,P1,present".repeat(300)
				+ "\",present\n";
		String attendance = ATTENDANCE + "BR1,S1," + longText + ",branch_study,2,P1,present\n"
				+ "BR1,S2,2026-03-05,branch_study,2,P1," + longText + "\n"
				+ longText + ",S3,2026-03-05,branch_study,2,P1,present\n"
				+ "BR1,S4,2026-03-05,branch_study,2,P1," + "x".repeat(3_000_000) + "\n"
				+ strayQuote
				+ "BR1,S6,2026-03-05,branch_study,2,P1,present\n";
		String wideHeader = IntStream.rangeClosed(1, 100_000).mapToObj((i) -> "c" + i).collect(Collectors.joining(","));
		Inbox inbox = new Inbox(this.tmp.resolve("inbox")).file("u.csv", UNITS).file("a.csv", attendance)
			.file("t.csv", "unit_code,record_id,person_id,course_name,credits,completed_on\nBR1,T1,P1,"
					+ "课".repeat(1_000_001) + ",2,2026-03-01\nBR1,T2,P1,课程,2,2026-03-01\n")
			.file("wide.csv", wideHeader + "\n1,2\n")
			.file("说明.txt", "请按以下说明填写" + "，各单位".repeat(100_000) + "\n第二行\n");
		try (TestApp app = TestApp.start(TestDatabase.create(vendor))) {
			ingestedAndRefreshed(app.run(AS_OF, inbox.dir(), this.tmp.resolve("out")));
			JdbcTemplate jdbc = app.jdbc();
			assertThat(jdbc.queryForList("SELECT d.path || ' ' || COALESCE(CAST(r.line_no AS VARCHAR(20)), '-') || ' '"
					+ " || r.reason FROM reject_row r JOIN delivery d ON d.delivery_id = r.delivery_id ORDER BY d.path, r.line_no",
					String.class))
				.containsExactly("a.csv 2 BAD_DATE", "a.csv 3 BAD_CODE", "a.csv 4 BAD_CODE", "a.csv 5 TOO_LONG",
						"a.csv 6 BAD_CODE", "t.csv 2 TOO_LONG", "wide.csv - TOO_LARGE", "说明.txt - UNKNOWN_KIND");
			assertThat(jdbc.queryForList("SELECT session_id FROM attendance", String.class)).containsExactly("S6");
			assertThat(jdbc.queryForObject("SELECT detail_en FROM reject_row WHERE line_no = 6", String.class))
				.as("the stray quote holds 300 lines in person_id").startsWith("person_id is longer than 64");
			assertThat(jdbc.queryForObject("SELECT detail FROM reject_row WHERE line_no = 6", String.class))
				.isEqualTo("人员编号（person_id）超过 64 个字符");
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery WHERE rows_read <> rows_applied + rows_rejected",
					Integer.class)).isZero();
			assertThat(jdbc.queryForList("SELECT record_id FROM training", String.class)).containsExactly("T2");
			Map<String, Object> longest = jdbc.queryForMap("SELECT MAX(LENGTH(detail)) AS detail, MAX(LENGTH(raw_text)) AS raw,"
					+ " MAX(LENGTH(unit_code)) AS unit, MAX(LENGTH(detail_en)) AS en FROM reject_row");
			assertThat(((Number) longest.get("detail")).intValue()).isLessThanOrEqualTo(1000);
			assertThat(((Number) longest.get("en")).intValue()).isLessThanOrEqualTo(1000);
			assertThat(((Number) longest.get("raw")).intValue()).isLessThanOrEqualTo(10_000);
			assertThat(((Number) longest.get("unit")).intValue()).isLessThanOrEqualTo(200);
			assertThat(jdbc.queryForObject("SELECT raw_text FROM reject_row WHERE line_no = 5 AND kind = 'attendance'", String.class))
				.startsWith("BR1,S4,").contains("…[truncated, ");
			assertThat(jdbc.queryForObject("SELECT detail_en FROM reject_row WHERE reason = 'BAD_DATE'", String.class))
				.startsWith("session_date '9999").contains("…[truncated, ").endsWith("' is not a valid date");
			assertThat(jdbc.queryForObject("SELECT detail FROM reject_row WHERE reason = 'BAD_DATE'", String.class))
				.startsWith("活动日期（session_date）“9999").contains("…[truncated, ").endsWith("”不是有效日期");
			assertThat(jdbc.queryForObject("SELECT unit_code FROM reject_row WHERE line_no = 4", String.class))
				.contains("…[truncated, 5000 chars]");
			assertThat(jdbc.queryForObject("SELECT detail FROM reject_row WHERE reason = 'TOO_LARGE'", String.class))
				.contains("表头行有 100000 列");
		}
	}

}
