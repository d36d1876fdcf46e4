package org.learnstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every encoding and delimiter of spec section 2, with Chinese headers and values. */
class EncodingsAndDelimitersTest {

	static final String PEOPLE = "人员编号{d}姓名{d}所在单位代码{d}职级{d}学历{d}出生日期{d}在职学历教育\r\n"
			+ "P001{d}张伟{d}U1{d}处级{d}大学本科{d}1976年7月1日{d}是\r\n" + "P002{d}李娜{d}U1{d}科员{d}大专{d}19900105{d}否\r\n";

	@TempDir
	Path dir;

	@ParameterizedTest
	@CsvSource({ "UTF-8,false,UTF-8", "UTF-8,true,UTF-8-BOM", "GB18030,false,GB18030", "UTF-16LE,true,UTF-16",
			"UTF-16BE,true,UTF-16" })
	void readsEveryEncoding(String charset, boolean bom, String expected) throws IOException {
		Path file = write("people.txt", PEOPLE.replace("{d}", ","), Charset.forName(charset), bom);
		InboxFile f = new InboxScanner(Kinds.ALL).inspect(file, "people.txt");
		assertThat(f.text().encoding()).isEqualTo(expected);
		assertThat(f.kind().name()).isEqualTo("people");
		MemoryStore store = new MemoryStore().unit("U1", null);
		FileResult r = new FileIngester(LocalDate.of(2026, 11, 20)).ingest(f, store, store);
		assertThat(r).isEqualTo(new FileResult(2, 2, 0));
		Object[] first = store.applied.get(0).row();
		assertThat(first).containsExactly("P001", "张伟", "U1", "division", "bachelor", LocalDate.of(1976, 7, 1), null,
				null, true);
	}

	@ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(strings = { "comma", "tab", "semicolon" })
	void findsTheDelimiterInTheHeader(String name) throws IOException {
		String delimiter = switch (name) {
			case "tab" -> "\t";
			case "semicolon" -> ";";
			default -> ",";
		};
		Path file = write("p.tsv", PEOPLE.replace("{d}", delimiter), StandardCharsets.UTF_8, false);
		InboxFile f = new InboxScanner(Kinds.ALL).inspect(file, "p.tsv");
		assertThat(f.delimiter()).isEqualTo(delimiter.charAt(0));
		MemoryStore store = new MemoryStore().unit("U1", null);
		assertThat(new FileIngester(LocalDate.of(2026, 11, 20)).ingest(f, store, store).rowsApplied()).isEqualTo(2);
	}

	@Test
	void aUtf16FileHoldingANulCharacterIsNotText() throws IOException {
		// NUL bytes belong to UTF-16, a NUL character does not: PostgreSQL could not store it
		byte[] text = ("\uFEFF" + PEOPLE.replace("{d}", ",").replace("张伟", "张\u0000伟"))
			.getBytes(StandardCharsets.UTF_16LE);
		Path file = this.dir.resolve("nul.csv");
		Files.write(file, text);
		assertThat(TextEncoding.of(file).encoding()).isNull();
		assertThat(new InboxScanner(Kinds.ALL).inspect(file, "nul.csv").fileRejection().reason())
			.isEqualTo(Reason.NOT_TEXT);
		Files.write(file, ("\uFEFF" + PEOPLE.replace("{d}", ",")).getBytes(StandardCharsets.UTF_16LE));
		assertThat(TextEncoding.of(file).encoding()).isEqualTo("UTF-16");
	}

	@Test
	void aTieBetweenDelimitersGoesToTheComma() {
		assertThat(InboxScanner.delimiterOf("a;b,c")).isEqualTo(',');
		assertThat(InboxScanner.delimiterOf("a\tb;c")).isEqualTo('\t');
		assertThat(InboxScanner.delimiterOf("a;b;c,d")).isEqualTo(';');
		assertThat(InboxScanner.delimiterOf("abc")).isEqualTo(',');
	}

	@Test
	void headersInAnyOrderCaseAndSpacingWithExtraAndRepeatedColumns() throws IOException {
		String text = " STATUS ,Person_ID,extra, Session_Date ,UNIT_CODE,session_type,时长（小时）,活动编号,unit_code\n"
				+ "出勤,p1,x,2025/3/5,U1,中心组学习,3.5,s1,IGNORED\n";
		Path file = write("a.csv", text, StandardCharsets.UTF_8, false);
		InboxFile f = new InboxScanner(Kinds.ALL).inspect(file, "a.csv");
		assertThat(f.kind().name()).isEqualTo("attendance");
		MemoryStore store = new MemoryStore().unit("U1", null);
		new FileIngester(LocalDate.of(2026, 11, 20)).ingest(f, store, store);
		assertThat(store.applied.get(0).row()).containsExactly("U1", "s1", "p1", LocalDate.of(2025, 3, 5),
				"central_group", new java.math.BigDecimal("3.5"), "present");
	}

	@Test
	void everyKindIsRecognizedFromEnglishAndChineseHeaders() throws IOException {
		List<String[]> headers = List.of(new String[] { "units", "unit_code,unit_name,parent_code,unit_type", "单位编码,单位名称,上级代码,单位类型" },
				new String[] { "people", "person_id,name,unit_code,rank,education,birth_date", "工号,姓名,单位代码,职级,学历,出生日期,入职日期,离职日期" },
				new String[] { "surveys", "unit_code,survey_id,title,opened_on,distributed", "单位代码,问卷编号,问卷名称,发放日期,发放份数" },
				new String[] { "attendance", "unit_code,session_id,session_date,session_type,duration_hours,person_id,status", "单位代码,学习编号,学习日期,学习形式,学时,工号,考勤状态" },
				new String[] { "training", "unit_code,record_id,person_id,course_name,credits,completed_on", "单位代码,记录编号,人员编号,课程名称,培训类型,学分,结业日期" },
				new String[] { "research", "unit_code,trip_id,person_id,start_date,end_date", "单位代码,调研编号,工号,开始日期,结束日期,调研主题,调研报告" },
				new String[] { "responses", "unit_code,survey_id,response_id,submitted_on,q1,q2", "单位代码,问卷编号,答卷编号,提交日期,题1,题2,意见建议" });
		for (String[] h : headers) {
			for (int i = 1; i <= 2; i++) {
				HeaderMatch m = HeaderMatch.of(List.of(h[i].split(",")), Kinds.ALL);
				assertThat(m.kind()).as(h[i]).isNotNull();
				assertThat(m.kind().name()).as(h[i]).isEqualTo(h[0]);
			}
		}
	}

	@Test
	void theKindWithMostRecognizedColumnsWins() {
		// holds every required column of surveys and responses: responses recognizes more
		HeaderMatch m = HeaderMatch.of(List.of("unit_code", "survey_id", "title", "opened_on", "distributed",
				"response_id", "submitted_on", "q1", "q2", "q3"), Kinds.ALL);
		assertThat(m.kind().name()).isEqualTo("responses");
	}

	@Test
	void aTieInRecognizedColumnsGoesToTheEarlierKind() {
		// surveys recognizes 5 (unit_code, survey_id, title, opened_on, distributed), responses 5
		// (unit_code, survey_id, response_id, submitted_on, q1): surveys comes first in the kind order
		HeaderMatch m = HeaderMatch.of(List.of("unit_code", "survey_id", "title", "opened_on", "distributed",
				"response_id", "submitted_on", "q1"), Kinds.ALL);
		assertThat(m.kind().name()).isEqualTo("surveys");
	}

	private Path write(String name, String text, Charset charset, boolean bom) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		if (bom) {
			bytes.write("\uFEFF".getBytes(charset));
		}
		bytes.write(text.getBytes(charset));
		Path p = this.dir.resolve(name);
		Files.write(p, bytes.toByteArray());
		return p;
	}

}
