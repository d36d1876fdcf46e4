package org.learnstats.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.learnstats.support.Inbox;
import org.learnstats.support.TestApp;
import org.learnstats.support.TestDatabase;
import org.springframework.batch.core.BatchStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/** The nightly job's ingest, end to end on H2 and PostgreSQL: rows, ledgers, replacement, re-delivery. */
class IngestJobTest {

	static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);

	static final String UNITS_EN = """
			unit_code,unit_name,parent_code,unit_type
			ROOT,省委某部,,党委
			OFF1,办公室,ROOT,办公室
			BR1,第一党支部,OFF1,党支部
			""";

	static final String UNITS_ZH = """
			单位代码,单位名称,上级单位代码,单位类型
			BR2,第二党支部,OFF1,支部
			G1,某党组,ROOT,党组
			""";

	static final String PEOPLE_EN = """
			person_id,name,unit_code,rank,education,birth_date,joined_on,left_on,in_degree_program
			P1,张伟,BR1,division,bachelor,1976-07-01,2010-01-01,,yes
			P2,李娜,BR1,section,college,1990-01-05,,,
			""";

	static final String PEOPLE_ZH = """
			人员编号,姓名,所在单位代码,职级,学历,出生日期,离职日期
			P3,王芳,BR2,科员,中专,1980/2/3,2026.6.30
			""";

	static final String SURVEYS = """
			unit_code,survey_id,title,opened_on,distributed
			ROOT,S1,学习满意度调查,2026-03-01,10
			""";

	static final String SURVEYS_ZH = "单位代码,问卷编号,问卷名称,发放日期,发放份数\nG1,S2,问卷,2026-04-01,5\n";

	static final String ATTENDANCE_EN = """
			unit_code,session_id,session_date,session_type,duration_hours,person_id,status
			BR1,B-01,2026-03-05,branch_study,2,P1,present
			BR1,B-01,2026-03-05,branch_study,2,P2,absent
			BR1,B-01,2026-03-05,branch_study,2,PX,late
			""";

	static final String ATTENDANCE_ZH = "单位代码,活动编号,活动日期,活动类型,时长(小时),人员编号,出勤情况\n"
			+ "ROOT,C-01,2026年3月6日,理论学习中心组,6.5,P1,到会\n";

	static final String TRAINING_EN = """
			unit_code,record_id,person_id,course_name,course_type,credits,completed_on
			BR1,T1,P1,"习近平新时代中国特色社会主义思想, 专题",online,4.5,2026-02-01
			""";

	static final String TRAINING_ZH = "单位代码,记录编号,人员编号,课程名称,学分,完成日期\nBR1,T2,P2,网络课程,2,20260301\n";

	static final String RESEARCH_EN = """
			unit_code,trip_id,person_id,start_date,end_date,topic,report_submitted
			OFF1,R1,P1,2025-12-30,2026-01-02,基层调研,Y
			""";

	static final String RESEARCH_ZH = "单位代码,调研编号,人员编号,开始日期,结束日期,是否提交调研报告\nOFF1,R2,P2,2026-05-01,2026-05-03,否\n";

	static final String RESPONSES_EN = """
			unit_code,survey_id,response_id,submitted_on,q1,q2,q3,suggestion
			ROOT,S1,A1,2026-03-02,5,4,,多组织专题讲座
			ROOT,S1,A2,2026-03-03,3,,,
			""";

	static final String RESPONSES_ZH = "单位代码,问卷编号,答卷编号,提交日期,题1,题2,意见建议\nG1,S2,A1,2026-04-02,4,4,\n";

	@TempDir
	Path tmp;

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void ingestsEveryKindInEnglishAndChineseHeaders(String vendor) throws IOException {
		Inbox inbox = fullInbox(this.tmp.resolve("inbox"));
		// one file per chunk: units of units/zh.csv name parents applied by the chunk before
		try (TestApp app = TestApp.start(TestDatabase.create(vendor), "--learnstats.ingest.files-per-chunk=1")) {
			assertThat(app.run(AS_OF, inbox.dir(), this.tmp.resolve("out")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
			JdbcTemplate jdbc = app.jdbc();
			assertThat(count(jdbc, "unit")).isEqualTo(5);
			assertThat(count(jdbc, "person")).isEqualTo(3);
			assertThat(count(jdbc, "survey")).isEqualTo(2);
			assertThat(count(jdbc, "attendance")).isEqualTo(4);
			assertThat(count(jdbc, "training")).isEqualTo(2);
			assertThat(count(jdbc, "research")).isEqualTo(2);
			assertThat(count(jdbc, "response")).isEqualTo(3);
			assertThat(jdbc.queryForObject("SELECT person_rank || ' ' || education || ' ' || left_on FROM person WHERE person_id = 'P3'", String.class))
				.isEqualTo("staff secondary 2026-06-30");
			assertThat(jdbc.queryForObject("SELECT in_degree_program FROM person WHERE person_id = 'P1'", Boolean.class)).isTrue();
			assertThat(jdbc.queryForObject("SELECT credits FROM training WHERE record_id = 'T1'", java.math.BigDecimal.class))
				.isEqualByComparingTo("4.5");
			assertThat(jdbc.queryForObject("SELECT course_name FROM training WHERE record_id = 'T1'", String.class))
				.isEqualTo("习近平新时代中国特色社会主义思想, 专题");
			assertThat(jdbc.queryForObject("SELECT course_type FROM training WHERE record_id = 'T2'", String.class))
				.as("course_type defaults to other").isEqualTo("other");
			assertThat(jdbc.queryForList("SELECT answered, score_sum, answers FROM response WHERE response_id = 'A1' AND survey_id = 'S1'"))
				.singleElement()
				.satisfies((r) -> assertThat(r.values()).extracting(Object::toString).containsExactly("2", "9", "q1=5;q2=4"));
			// the ledger equation for every file, and the UNKNOWN_PERSON warning
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery WHERE rows_read <> rows_applied + rows_rejected", Integer.class)).isZero();
			assertThat(count(jdbc, "delivery")).isEqualTo(14);
			assertThat(jdbc.queryForList("SELECT person_id FROM person_warning", String.class)).containsExactly("PX");
			assertThat(jdbc.queryForObject("SELECT unknown_persons FROM delivery WHERE path = 'attendance/en.csv'", Long.class)).isEqualTo(1);
			assertThat(Files.readString(this.tmp.resolve("out/data-quality/warnings.csv"))).contains("attendance/en.csv,4,attendance,BR1,PX,UNKNOWN_PERSON");
			assertThat(Files.readAllLines(this.tmp.resolve("out/data-quality/coverage.csv"))).contains(
					"BR1,第一党支部,attendance,2026-03,3,学习考勤", "BR1,第一党支部,training,2026-02,1,学习培训",
					"OFF1,办公室,research,2025-12,1,调查研究", "ROOT,省委某部,responses,2026-03,2,问卷答卷",
					"G1,某党组,surveys,2026-04,1,问卷发放");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void rejectsAreLedgeredAndTheGoodRowsOfTheSameFileKept(String vendor) throws IOException {
		Inbox inbox = new Inbox(this.tmp.resolve("inbox")).file("u.csv", UNITS_EN)
			.file("a.csv", ATTENDANCE_EN + "BR9,B-02,2026-03-05,branch_study,2,P1,present\nBR1,B-01,2026-03-05,branch_study,2,P1,late\n=cmd|' /C calc'!A0,x\n")
			.file("notes.csv", "author,pages\nx,1\ny,2\n")
			.file("empty.csv", "");
		try (TestApp app = TestApp.start(TestDatabase.create(vendor))) {
			app.run(AS_OF, inbox.dir(), this.tmp.resolve("out"));
			JdbcTemplate jdbc = app.jdbc();
			assertThat(count(jdbc, "attendance")).isEqualTo(3);
			assertThat(jdbc.queryForList("SELECT reason FROM reject_row r JOIN delivery d ON d.delivery_id = r.delivery_id WHERE d.path = 'a.csv' ORDER BY line_no", String.class))
				.containsExactly("UNKNOWN_UNIT", "DUPLICATE_KEY", "FIELD_COUNT");
			Map<String, Object> a = jdbc.queryForMap("SELECT rows_read, rows_applied, rows_rejected FROM delivery WHERE path = 'a.csv'");
			assertThat(a.values()).extracting(Object::toString).containsExactly("6", "3", "3");
			Map<String, Object> notes = jdbc.queryForMap("SELECT rows_read, rows_applied, rows_rejected, file_reason FROM delivery WHERE path = 'notes.csv'");
			assertThat(notes.values()).extracting(String::valueOf).containsExactly("2", "0", "2", "UNKNOWN_KIND");
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reject_row r JOIN delivery d ON d.delivery_id = r.delivery_id WHERE d.path = 'notes.csv'", Integer.class))
				.as("one ledger entry for a quarantined file").isEqualTo(1);
			List<String> rejects = Files.readAllLines(this.tmp.resolve("out/data-quality/rejects.csv"));
			assertThat(rejects.get(0)).isEqualTo("\uFEFFfile,line,kind,unit_code,reason,detail,detail_en,kind_name");
			// the raw text of the rows (it carries names) is under restricted/ only
			List<String> rejectedRows = Files.readAllLines(this.tmp.resolve("out/restricted/rejected_rows.csv"));
			assertThat(rejectedRows.get(0)).isEqualTo("\uFEFFfile,line,kind,unit_code,reason,raw,kind_name");
			assertThat(rejectedRows).anySatisfy((l) -> assertThat(l).startsWith("a.csv,7,attendance,").endsWith(",学习考勤"));
			assertThat(rejects).anySatisfy((l) -> assertThat(l).startsWith("a.csv,7,attendance,")
				.contains(",FIELD_COUNT,该行有 ").endsWith(",学习考勤"));
			assertThat(rejects).anySatisfy((l) -> assertThat(l).startsWith("a.csv,7,attendance,'=cmd|' /C calc'!A0,FIELD_COUNT"));
			assertThat(rejects).anySatisfy((l) -> assertThat(l).startsWith("empty.csv,,,,EMPTY_FILE"));
			assertThat(rejects).hasSize(1 + 3 + 2);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void aLaterDeliveryReplacesRowsByKeyAndARedeliveryIsSkipped(String vendor) throws IOException {
		Inbox first = new Inbox(this.tmp.resolve("night1")).file("u.csv", UNITS_EN).file("p.csv", PEOPLE_EN).file("a.csv", ATTENDANCE_EN);
		Inbox second = new Inbox(this.tmp.resolve("night2"))
			.file("unit-register-resent.csv", UNITS_EN)
			.file("a-corrected.csv", ATTENDANCE_EN.replace("P2,absent", "P2,excused").replace("2,PX", "3,PX"))
			.file("copy/a-again.csv", ATTENDANCE_EN.replace("P2,absent", "P2,excused").replace("2,PX", "3,PX"));
		try (TestApp app = TestApp.start(TestDatabase.create(vendor))) {
			app.run(AS_OF, first.dir(), this.tmp.resolve("out"));
			app.run(AS_OF, second.dir(), this.tmp.resolve("out"));
			JdbcTemplate jdbc = app.jdbc();
			assertThat(count(jdbc, "attendance")).isEqualTo(3);
			assertThat(jdbc.queryForObject("SELECT status FROM attendance WHERE person_id = 'P2'", String.class)).isEqualTo("excused");
			assertThat(jdbc.queryForObject("SELECT duration_hours FROM attendance WHERE person_id = 'PX'", java.math.BigDecimal.class)).isEqualByComparingTo("3");
			assertThat(jdbc.queryForList("SELECT path FROM delivery_skip WHERE run_id = 2 ORDER BY path", String.class))
				.as("same bytes, any name: skipped").containsExactly("copy/a-again.csv", "unit-register-resent.csv");
			assertThat(jdbc.queryForList("SELECT path FROM delivery WHERE run_id = 2", String.class)).containsExactly("a-corrected.csv");
			assertThat(Files.readString(this.tmp.resolve("out/data-quality/files.csv"))).contains("copy/a-again.csv,duplicate");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void encodingsAndDelimitersReachTheStore(String vendor) throws IOException {
		Inbox inbox = new Inbox(this.tmp.resolve("inbox")).file("u.csv", UNITS_EN)
			.file("gbk/people.csv", PEOPLE_ZH.replace("BR2", "BR1"), Charset.forName("GB18030"))
			.file("bom/people.csv", "\uFEFF" + PEOPLE_EN.replace(",", ";"), StandardCharsets.UTF_8)
			.file("utf16/a.txt", "\uFEFF" + ATTENDANCE_EN.replace(",", "\t").replace("\n", "\r\n"), StandardCharsets.UTF_16LE);
		try (TestApp app = TestApp.start(TestDatabase.create(vendor))) {
			app.run(AS_OF, inbox.dir(), this.tmp.resolve("out"));
			JdbcTemplate jdbc = app.jdbc();
			assertThat(jdbc.queryForList("SELECT path || ' ' || encoding || ' ' || delimiter_char FROM delivery ORDER BY delivery_id", String.class))
				.containsExactly("u.csv UTF-8 comma", "bom/people.csv UTF-8-BOM semicolon", "gbk/people.csv GB18030 comma",
						"utf16/a.txt UTF-16 tab");
			assertThat(jdbc.queryForObject("SELECT person_name FROM person WHERE person_id = 'P3'", String.class)).isEqualTo("王芳");
			assertThat(count(jdbc, "attendance")).isEqualTo(3);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	@Timeout(value = 5, unit = TimeUnit.MINUTES)
	void aFileLargerThanTheCopyBufferWithManyRejectsIsIngestedWhole(String vendor) throws IOException {
		// 14,000 rows (about 1 MB, several COPY buffers) of which 7,000 are rejected (more than one
		// ledger batch): the COPY must give the connection back before the ledger writes
		StringBuilder big = new StringBuilder("unit_code,session_id,session_date,session_type,duration_hours,person_id,status\n");
		for (int i = 0; i < 14_000; i++) {
			big.append(i % 2 == 0 ? "BR1" : "NOPE").append(",S").append(i / 40).append(",2026-03-05,branch_study,2,P")
				.append(i % 4000).append(",present,").append("x".repeat(20)).append('\n');
		}
		Inbox inbox = new Inbox(this.tmp.resolve("inbox")).file("u.csv", UNITS_EN)
			.file("big.csv", big.toString().replace("status\n", "status,note\n"));
		try (TestApp app = TestApp.start(TestDatabase.create(vendor))) {
			app.run(AS_OF, inbox.dir(), this.tmp.resolve("out"));
			JdbcTemplate jdbc = app.jdbc();
			assertThat(count(jdbc, "attendance")).isEqualTo(7_000);
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reject_row WHERE reason = 'UNKNOWN_UNIT'", Integer.class))
				.isEqualTo(7_000);
			assertThat(jdbc.queryForMap("SELECT rows_read, rows_applied, rows_rejected FROM delivery WHERE path = 'big.csv'").values())
				.extracting(Object::toString).containsExactly("14000", "7000", "7000");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void withinOneRunTheFileWithTheLaterPathWinsAKeyDeliveredTwice(String vendor) throws IOException {
		// both files land in one chunk and one MERGE: b/ comes after a/ in byte order, and the
		// attendance kind after people whatever the folder names say
		Inbox inbox = new Inbox(this.tmp.resolve("inbox")).file("z-units.csv", UNITS_EN)
			.file("b/att.csv", ATTENDANCE_EN.replace("P2,absent", "P2,late"))
			.file("a/att.csv", ATTENDANCE_EN)
			.file("A/att.csv", ATTENDANCE_EN.replace("P2,absent", "P2,excused"));
		try (TestApp app = TestApp.start(TestDatabase.create(vendor))) {
			app.run(AS_OF, inbox.dir(), this.tmp.resolve("out"));
			JdbcTemplate jdbc = app.jdbc();
			assertThat(jdbc.queryForObject("SELECT status FROM attendance WHERE person_id = 'P2'", String.class))
				.isEqualTo("late");
			assertThat(jdbc.queryForList("SELECT path FROM delivery ORDER BY delivery_id", String.class))
				.containsExactly("z-units.csv", "A/att.csv", "a/att.csv", "b/att.csv");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void eventFilesGoStraightInAndAChunkWithAKnownKeyIsMergedWholeAndLaterFilesStillWin(String vendor)
			throws IOException {
		// two files a chunk. Night 1: a/ and b/ share a key, so their chunk's append clashes and is
		// merged instead (all rows apply, b/ wins the shared key); c/ is appended alone. Night 2: d/
		// brings a key of c/ (merged, d/ wins) and e/ only new keys (appended). Unknown persons are
		// warned with their line numbers on both paths.
		String header = "unit_code,session_id,session_date,session_type,duration_hours,person_id,status\n";
		Inbox night1 = new Inbox(this.tmp.resolve("n1")).file("u.csv", UNITS_EN).file("p.csv", PEOPLE_EN)
			.file("a/att.csv", header + "BR1,S1,2026-03-05,branch_study,2,P1,present\nBR1,S1,2026-03-05,branch_study,2,PX,late\n")
			.file("b/att.csv", header + "BR1,S2,2026-03-06,branch_study,2,PY,present\nBR1,S1,2026-03-05,branch_study,2,P1,absent\n")
			.file("c/att.csv", header + "BR1,S3,2026-03-07,branch_study,2,P2,present\nBR1,S3,2026-03-07,branch_study,2,PW,present\n");
		Inbox night2 = new Inbox(this.tmp.resolve("n2"))
			.file("d/att.csv", header + "BR1,S4,2026-03-08,branch_study,2,PZ,present\nBR1,S3,2026-04-01,branch_study,2,P2,absent\n")
			.file("e/att.csv", header + "BR1,S5,2026-03-09,branch_study,2,P1,present\nBR1,S5,2026-03-09,branch_study,2,PQ,late\n");
		try (TestApp app = TestApp.start(TestDatabase.create(vendor), "--learnstats.ingest.files-per-chunk=2")) {
			app.run(AS_OF, night1.dir(), this.tmp.resolve("out"));
			app.run(AS_OF, night2.dir(), this.tmp.resolve("out"));
			JdbcTemplate jdbc = app.jdbc();
			assertThat(jdbc.queryForList("SELECT session_id || ' ' || person_id || ' ' || status || ' ' || d.path"
					+ " FROM attendance a JOIN delivery d ON d.delivery_id = a.delivery_id ORDER BY 1", String.class))
				.containsExactly("S1 P1 absent b/att.csv", "S1 PX late a/att.csv", "S2 PY present b/att.csv",
						"S3 P2 absent d/att.csv", "S3 PW present c/att.csv", "S4 PZ present d/att.csv",
						"S5 P1 present e/att.csv", "S5 PQ late e/att.csv");
			assertThat(jdbc.queryForList("SELECT d.path || ':' || w.line_no || ' ' || w.person_id FROM person_warning w"
					+ " JOIN delivery d ON d.delivery_id = w.delivery_id ORDER BY 1", String.class))
				.containsExactly("a/att.csv:3 PX", "b/att.csv:2 PY", "c/att.csv:3 PW", "d/att.csv:2 PZ", "e/att.csv:3 PQ");
			assertThat(jdbc.queryForList("SELECT path || ' ' || rows_applied || ' ' || unknown_persons FROM delivery"
					+ " WHERE kind = 'attendance' ORDER BY path", String.class))
				.containsExactly("a/att.csv 2 1", "b/att.csv 2 1", "c/att.csv 2 1", "d/att.csv 2 1", "e/att.csv 2 1");
			// coverage follows the replaced row into April (counted from the refresh's session summary)
			assertThat(Files.readAllLines(this.tmp.resolve("out/data-quality/coverage.csv")))
				.filteredOn((line) -> line.contains(",attendance,"))
				.containsExactly("BR1,第一党支部,attendance,2026-03,7,学习考勤", "BR1,第一党支部,attendance,2026-04,1,学习考勤");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void aUnitDeliveredInALaterRunIsKnownToThatRunsRows(String vendor) throws IOException {
		Inbox first = new Inbox(this.tmp.resolve("n1")).file("u.csv", UNITS_EN).file("a.csv", ATTENDANCE_EN);
		Inbox second = new Inbox(this.tmp.resolve("n2")).file("u.csv", UNITS_ZH)
			.file("a.csv", "unit_code,session_id,session_date,session_type,duration_hours,person_id,status\n"
					+ "BR2,B-09,2026-04-02,branch_study,2,P3,present\n");
		try (TestApp app = TestApp.start(TestDatabase.create(vendor))) {
			app.run(AS_OF, first.dir(), this.tmp.resolve("out"));
			app.run(AS_OF, second.dir(), this.tmp.resolve("out"));
			assertThat(app.jdbc().queryForObject("SELECT COUNT(*) FROM attendance WHERE unit_code = 'BR2'", Integer.class))
				.isEqualTo(1);
			assertThat(count(app.jdbc(), "reject_row")).isZero();
		}
	}

	static Inbox fullInbox(Path dir) {
		return new Inbox(dir).file("units/en.csv", UNITS_EN).file("units/zh.csv", UNITS_ZH)
			.file("people/en.csv", PEOPLE_EN).file("people/zh.csv", PEOPLE_ZH)
			.file("surveys/en.csv", SURVEYS).file("surveys/zh.csv", SURVEYS_ZH)
			.file("attendance/en.csv", ATTENDANCE_EN).file("attendance/zh.csv", ATTENDANCE_ZH)
			.file("training/en.csv", TRAINING_EN).file("training/zh.csv", TRAINING_ZH)
			.file("research/en.csv", RESEARCH_EN).file("research/zh.csv", RESEARCH_ZH)
			.file("responses/en.csv", RESPONSES_EN).file("responses/zh.csv", RESPONSES_ZH);
	}

	static int count(JdbcTemplate jdbc, String table) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
	}

}
