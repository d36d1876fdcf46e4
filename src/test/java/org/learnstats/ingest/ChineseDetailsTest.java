package org.learnstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * Issue 12, item 7: the people who fix exports read why a row was refused in Chinese, the column
 * named as their header names it (职级（rank）); the reason code is the same as before and the
 * English detail follows. One file per kind, each row with one fault, pinned line by line.
 */
class ChineseDetailsTest {

	static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);

	@TempDir
	Path dir;

	MemoryStore store = new MemoryStore().unit("U1", null).survey("U1", "S1");

	List<String> rejects(String name, String text) throws IOException {
		Path p = this.dir.resolve(name);
		Files.writeString(p, text, StandardCharsets.UTF_8);
		IngestLimits limits = new IngestLimits(DataSize.ofMegabytes(1), 200, 50, 20, LocalDate.of(2000, 1, 1));
		InboxFile f = new InboxScanner(Kinds.ALL, limits).inspect(p, name);
		assertThat(f.fileRejection()).isNull();
		this.store.rejected.clear();
		new FileIngester(AS_OF, limits).ingest(f, this.store, this.store);
		return this.store.rejected.stream().map((r) -> r.line() + " " + r.reason() + " " + r.detail() + " | " + r.english())
			.toList();
	}

	@Test
	void attendanceRowsAreRefusedInChineseWithTheirCodesAndTheEnglishAfter() throws IOException {
		assertThat(rejects("a.csv", """
				unit_code,session_id,session_date,session_type,duration_hours,person_id,status
				U1,s1,2026-02-30,other,2,p1,present
				U1,s2,2026-03-01,other,-2,p1,present
				U1,s3,2026-03-01,other,2,p1,sleeping
				U1,s4,2026-03-01,other,2,p1,%s
				U1,s5,2026-12-01,other,2,p1,present
				U1,s6,2026-03-01,other,2,p1
				U9,s7,2026-03-01,other,2,p1,present
				U1,s8,2026-03-01,other,zwei,p1,present
				U1,s9,2026-03-01,other,2,,present
				U1,s10,2026-03-01,other,2,p1,present
				U1,s10,2026-03-01,other,2,p1,present
				""".formatted("p".repeat(60)))).containsExactly(
				"2 BAD_DATE 活动日期（session_date）“2026-02-30”不是有效日期 | session_date '2026-02-30' is not a valid date",
				"3 OUT_OF_RANGE 时长（duration_hours）-2 超出允许范围 | duration_hours -2 is out of range",
				"4 BAD_CODE 出勤情况（status）“sleeping”不是可识别的取值 | status 'sleeping' is not a known word",
				"5 TOO_LONG 第 7 个字段长 60 个字符，超过上限 50（learnstats.ingest.max-field-chars）"
						+ " | field 7 is 60 characters long, more than the limit of 50 (learnstats.ingest.max-field-chars)",
				"6 FUTURE_DATE 活动日期（session_date）2026-12-01 晚于数据截止日 2026-11-20"
						+ " | session_date 2026-12-01 is after the as-of date 2026-11-20",
				"7 FIELD_COUNT 该行有 6 个字段，表头有 7 个 | the row has 6 fields, the header 7",
				"8 UNKNOWN_UNIT 单位代码（unit_code）U9 不是已知单位 | unit_code U9 is not a known unit",
				"9 BAD_NUMBER 时长（duration_hours）“zwei”不是数字 | duration_hours 'zwei' is not a number",
				"10 MISSING_VALUE 人员编号（person_id）为空 | person_id is blank",
				"12 DUPLICATE_KEY 键 unit_code/session_id/person_id = U1/s10/p1 在本文件中已出现过"
						+ " | key unit_code/session_id/person_id = U1/s10/p1 appeared earlier in this file");
	}

	@Test
	void anUnknownRankAndDatesInTheWrongOrderReadInChinese() throws IOException {
		assertThat(rejects("p.csv", """
				person_id,name,unit_code,rank,education,birth_date,joined_on,left_on,in_degree_program
				p1,张三,U1,处长,本科,1980-01-01,,,
				p2,李四,U1,处级,本科,1980-01-01,2020-05-01,2020-05-01,
				p3,王五,U1,处级,本科,1980-01-01,,,也许
				""")).containsExactly(
				"2 BAD_CODE 职级（rank）“处长”不是可识别的取值 | rank '处长' is not a known word",
				"3 OUT_OF_RANGE 离职日期（left_on）2020-05-01 不晚于入职日期（joined_on）2020-05-01"
						+ " | left_on 2020-05-01 is not after joined_on 2020-05-01",
				"4 BAD_CODE 在职学历教育（in_degree_program）“也许”不是“是/否” | in_degree_program '也许' is not yes/no");
	}

	@Test
	void unitsSurveysAndScoresReadInChinese() throws IOException {
		assertThat(rejects("u.csv", """
				unit_code,unit_name,parent_code,unit_type
				A,甲,B,党支部
				B,乙,A,党支部
				C,丙,X9,党支部
				""")).containsExactly(
				"2 CYCLE 单位 A 以 B 为上级，将使上级链形成循环 | unit A with parent B would make its parent chain loop",
				"3 CYCLE 单位 B 以 A 为上级，将使上级链形成循环 | unit B with parent A would make its parent chain loop",
				"4 UNKNOWN_UNIT 上级单位代码（parent_code）X9 不是已知单位 | parent_code X9 is not a known unit");
		assertThat(rejects("r.csv", """
				unit_code,survey_id,response_id,submitted_on,q1,q2
				U1,S9,r1,2026-03-01,5,4
				U1,S1,r2,2026-03-01,5,7
				U1,S1,r3,2026-03-01,5,4.5
				""")).containsExactly(
				"2 UNKNOWN_SURVEY 问卷 S9 未在单位 U1 发放 | survey S9 is not defined for unit U1",
				"3 OUT_OF_RANGE 第 2 题（q2）的分数不在 1 到 5 之间 | q2 score is not between 1 and 5",
				"4 BAD_NUMBER 第 2 题（q2）“4.5”不是整数 | q2 '4.5' is not an integer");
	}

}
