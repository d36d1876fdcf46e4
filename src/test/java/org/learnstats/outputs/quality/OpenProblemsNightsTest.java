package org.learnstats.outputs.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.learnstats.store.OpenProblems;
import org.learnstats.store.OpenProblems.Problem;
import org.learnstats.support.Inbox;
import org.learnstats.support.TestApp;
import org.learnstats.support.TestDatabase;

/**
 * A sequence of nights: an open problem appears, survives a quiet night, and closes when the
 * unit's corrected export arrives; a quarantined file closes with a later file from its folder;
 * a row an operator accepted leaves the open list.
 */
class OpenProblemsNightsTest {

	static final String UNITS = """
			unit_code,unit_name,parent_code,unit_type
			ROOT,省委某部,,党委
			BR1,第一党支部,ROOT,党支部
			""";

	static final String PEOPLE = """
			person_id,name,unit_code,rank,education,birth_date
			P1,张伟,BR1,division,bachelor,1976-07-01
			P2,李娜,BR1,section,college,1990-01-05
			""";

	static final String HEADER = "unit_code,session_id,session_date,session_type,duration_hours,person_id,status\n";

	/** Line 3 has an unknown status word (its key BR1/B-01/P2 is readable); line 4 has no session id. */
	static final String ATTENDANCE_BAD = HEADER + """
			BR1,B-01,2026-10-05,branch_study,2,P1,present
			BR1,B-01,2026-10-05,branch_study,2,P2,sleeping
			BR1,,2026-10-06,branch_study,2,P1,present
			""";

	static final String ATTENDANCE_FIXED = HEADER + "BR1,B-01,2026-10-05,branch_study,2,P2,absent\n";

	@TempDir
	Path tmp;

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void anOpenProblemSurvivesAQuietNightAndClosesWhenTheCorrectionArrives(String vendor) throws IOException {
		Path accepted = this.tmp.resolve("accepted.csv");
		Path out = this.tmp.resolve("out");
		Inbox night1 = new Inbox(this.tmp.resolve("n1")).file("ROOT/units.csv", UNITS).file("ROOT/people.csv", PEOPLE)
			.file("BR1/2026-10.csv", ATTENDANCE_BAD).file("BR1/notes.csv", "just,some,words\n1,2,3\n");
		try (TestApp app = TestApp.start(TestDatabase.create(vendor),
				"--learnstats.quality.accepted-file=" + accepted)) {
			app.run(LocalDate.of(2026, 11, 3), night1.dir(), out);
			List<String> first = open(out);
			assertThat(first).containsExactly(
					"BR1,attendance,BR1/2026-10.csv,3,BAD_CODE,1,2026-11-03,0",
					"BR1,attendance,BR1/2026-10.csv,4,MISSING_VALUE,1,2026-11-03,0",
					"BR1,,BR1/notes.csv,,UNKNOWN_KIND,1,2026-11-03,0");
			// whoever fixes exports reads the details and the kinds in Chinese; the codes stay, and
			// rejects.csv has the detail in English after the Chinese one
			String unknownWord = "出勤情况（status）“sleeping”不是可识别的取值";
			assertThat(Files.readAllLines(out.resolve("data-quality/rejects.csv"), StandardCharsets.UTF_8)).containsSubsequence(
					"BR1/2026-10.csv,3,attendance,BR1,BAD_CODE," + unknownWord + ",status 'sleeping' is not a known word,学习考勤",
					"BR1/2026-10.csv,4,attendance,BR1,MISSING_VALUE,活动编号（session_id）为空,session_id is blank,学习考勤",
					"BR1/notes.csv,,,,UNKNOWN_KIND,\"表头中没有任何导出类型的列：[just, some, words]\","
							+ "\"the header names no column of any export kind: [just, some, words]\",未识别");
			assertThat(Files.readString(out.resolve("data-quality/open.csv"), StandardCharsets.UTF_8))
				.contains(",BAD_CODE," + unknownWord + ",1,2026-11-03,0,学习考勤");
			assertThat(Files.readString(out.resolve("data-quality.html"))).contains(unknownWord)
				.doesNotContain("is not a known word");

			// a quiet night: the same inbox again, every ingested file a re-delivery; the quarantined
			// notes.csv was never ingested, so it is reported again (spec section 2.2) but stays one
			// open problem
			app.run(LocalDate.of(2026, 11, 4), night1.dir(), out);
			assertThat(Files.readAllLines(out.resolve("data-quality/rejects.csv"))).hasSize(2)
				.last().asString().startsWith("BR1/notes.csv,,,,UNKNOWN_KIND,");
			assertThat(open(out)).containsExactly(
					"BR1,attendance,BR1/2026-10.csv,3,BAD_CODE,1,2026-11-03,1",
					"BR1,attendance,BR1/2026-10.csv,4,MISSING_VALUE,1,2026-11-03,1",
					"BR1,,BR1/notes.csv,,UNKNOWN_KIND,1,2026-11-03,1");

			// the unit corrects the row; an operator accepts the row without a session id
			Files.writeString(accepted, "file,line,note\nBR1/2026-10.csv,4,session was cancelled\n");
			Inbox night3 = new Inbox(this.tmp.resolve("n3")).file("BR1/2026-10-fixed.csv", ATTENDANCE_FIXED);
			app.run(LocalDate.of(2026, 11, 6), night3.dir(), out);
			assertThat(open(out)).as("the corrected key and the later good file of BR1 close both").isEmpty();
			List<Problem> ledger = app.bean(OpenProblems.class).load(LocalDate.of(2026, 10, 7));
			assertThat(ledger).extracting((p) -> p.reason() + " " + p.closedOn() + " " + p.accepted())
				.containsExactly("BAD_CODE 2026-11-06 false", "MISSING_VALUE null true",
						"UNKNOWN_KIND 2026-11-06 false");
			assertThat(app.bean(OpenProblems.class).load(LocalDate.of(2026, 12, 7))).as("closed before the window")
				.extracting(Problem::reason).containsExactly("MISSING_VALUE");
			assertThat(Files.readString(out.resolve("index.html"))).contains("上月（2026-10）的数据各单位均已报送");

			// December 8: BR1 delivered October on time but nothing for November, due December 5
			app.run(LocalDate.of(2026, 12, 8), night3.dir(), out);
			assertThat(Files.readString(out.resolve("index.html")))
				.contains("上月（2026-11）数据逾期未报送的单位 1 个</b>（截止日 2026-12-05）：<a href=\"units/BR1.html\">第一党支部</a>");
			String quality = Files.readString(out.resolve("data-quality.html"));
			assertThat(quality).contains("<td class=\"cell missing\" title=\"缺报：截止 2026-12-05 未收到该月数据\">缺</td>")
				.doesNotContain("cell late");

			// December 9: November arrives, four days late
			Inbox night5 = new Inbox(this.tmp.resolve("n5")).file("BR1/2026-11.csv",
					HEADER + "BR1,B-02,2026-11-05,branch_study,2,P1,present\n");
			app.run(LocalDate.of(2026, 12, 9), night5.dir(), out);
			assertThat(Files.readString(out.resolve("data-quality.html")))
				.contains("<td class=\"cell late\" title=\"迟报：截止 2026-12-05，2026-12-09 收到\">考<b>迟</b></td>")
				.doesNotContain("cell missing");
			assertThat(Files.readString(out.resolve("index.html"))).contains("上月（2026-11）的数据各单位均已报送");
		}
	}

	/** open.csv without its header, detail, kind name and BOM: unit,kind,file,line,reason,run,first seen,age. */
	private static List<String> open(Path out) throws IOException {
		List<String> lines = Files.readAllLines(out.resolve("data-quality/open.csv"), StandardCharsets.UTF_8);
		assertThat(lines.get(0))
			.isEqualTo("\uFEFFunit_code,kind,file,line,reason,detail,first_seen_run,first_seen,age_days,kind_name");
		return lines.stream().skip(1).map((l) -> {
			String[] f = l.split(",");
			int n = f.length;
			return String.join(",", f[0], f[1], f[2], f[3], f[4], f[n - 4], f[n - 3], f[n - 2]);
		}).toList();
	}

}
