package org.learnstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.learnstats.support.TestWorkbook;
import org.learnstats.support.TestWorkbook.Formula;

/** Spec section 2.4: workbook sheets as exports, title and total rows, cell types. */
class ExcelExportsTest {

	static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);

	static final Object[] ATTENDANCE_ZH = { "单位代码", "活动编号", "活动日期", "活动类型", "时长(小时)", "人员编号", "出勤情况" };

	@TempDir
	Path dir;

	MemoryStore store = new MemoryStore().unit("U1", null).survey("U1", "S1");

	static TestWorkbook book(String format) {
		return format.equals("xlsx") ? TestWorkbook.xlsx() : TestWorkbook.xls();
	}

	List<InboxFile> scan() throws IOException {
		return new InboxScanner(Kinds.ALL).scan(this.dir).files();
	}

	FileResult ingest(InboxFile f, MemoryStore into) throws IOException {
		assertThat(f.fileRejection()).as("file-level rejection of " + f.relativePath()).isNull();
		FileResult result = new FileIngester(AS_OF).ingest(f, into, into);
		assertThat(result.rowsRead()).isEqualTo(result.rowsApplied() + result.rowsRejected());
		return result;
	}

	@ParameterizedTest
	@ValueSource(strings = { "xlsx", "xls" })
	void aSheetWithATitleAndATotalRowGivesTheRowsOfTheSameCsv(String format) throws IOException {
		List<Object[]> rows = List.of(ATTENDANCE_ZH,
				new Object[] { "U1", "S1", LocalDate.of(2025, 7, 3), "中心组学习", 2.0, 1001, "出勤" },
				new Object[] { "U1", "S1", "2025/7/3", "中心组学习", 1.5, "P2", "迟到", null, null },
				new Object[] { "U1", "S2", LocalDate.of(2025, 7, 4), "讲座", new Formula("0.1+0.2", 0.1 + 0.2), "P2",
						"出勤" },
				new Object[] { null, "合计", null, null, new Formula("SUM(E4:E6)", 3.8) });
		book(format).sheetWithTitle("考勤", "2025年第三季度学习考勤表", 7, rows).write(this.dir.resolve("a." + format));

		List<InboxFile> files = scan();
		assertThat(files).hasSize(1);
		InboxFile sheet = files.get(0);
		assertThat(sheet.relativePath()).isEqualTo("a." + format + "#考勤");
		assertThat(sheet.kindName()).isEqualTo("attendance");
		assertThat(sheet.text().encoding()).isEqualTo(format);
		assertThat(sheet.text().sha256()).isEqualTo(TextEncoding.of(this.dir.resolve("a." + format)).sha256());
		FileResult result = ingest(sheet, this.store);
		assertThat(result).isEqualTo(new FileResult(3, 3, 0, 2));
		assertThat(this.store.applied).extracting(MemoryStore.Applied::line).containsExactly(4L, 5L, 6L);
		Object[] first = this.store.applied.get(0).row();
		// the store row: unit_code, session_id, person_id, session_date, session_type, duration_hours, status
		assertThat(first[2]).isEqualTo("1001");
		assertThat(first[3]).isEqualTo(LocalDate.of(2025, 7, 3));
		assertThat((BigDecimal) first[5]).isEqualByComparingTo("2");
		assertThat(((BigDecimal) this.store.applied.get(2).row()[5]).toPlainString()).isEqualTo("0.3");

		Path csv = this.dir.resolve("csv/a.csv");
		Files.createDirectories(csv.getParent());
		Files.writeString(csv, """
				单位代码,活动编号,活动日期,活动类型,时长(小时),人员编号,出勤情况
				U1,S1,2025-07-03,中心组学习,2,1001,出勤
				U1,S1,2025/7/3,中心组学习,1.5,P2,迟到
				U1,S2,2025-07-04,讲座,0.3,P2,出勤
				""", StandardCharsets.UTF_8);
		MemoryStore fromCsv = new MemoryStore().unit("U1", null);
		ingest(new InboxScanner(Kinds.ALL).inspect(csv, "a.csv"), fromCsv);
		assertThat(rows(this.store)).isEqualTo(rows(fromCsv));
	}

	@ParameterizedTest
	@ValueSource(strings = { "xlsx", "xls" })
	void numberCellsHoldingAWholeNumberAreIntegersAndOthersAreNot(String format) throws IOException {
		book(format).sheet("问卷", List.of(new Object[] { "单位代码", "问卷编号", "问卷名称", "发放日期", "发放份数" },
				new Object[] { "U1", 7, "满意度", LocalDate.of(2026, 3, 1), 12.0 },
				new Object[] { "U1", "S8", "满意度", LocalDate.of(2026, 3, 1), 12.5 },
				new Object[] { "U1", "S9", "满意度", LocalDate.of(2026, 3, 1), new Formula("6*2", 12) }))
			.write(this.dir.resolve("s." + format));
		ingest(scan().get(0), this.store);
		assertThat(this.store.applied).extracting((a) -> a.row()[1] + "=" + a.row()[4]).containsExactly("7=12", "S9=12");
		assertThat(this.store.rejected).singleElement().satisfies((r) -> {
			assertThat(r.line()).isEqualTo(3);
			assertThat(r.reason()).isEqualTo(Reason.BAD_NUMBER);
			assertThat(r.raw()).isEqualTo("U1\tS8\t满意度\t2026-03-01\t12.5");
		});
	}

	@Test
	void aFormulaWithNoCachedValueIsABadNumberOrDateAndBooleansAreYesOrNo() throws IOException {
		this.store.unit("U2", "U1");
		TestWorkbook.xlsx().sheet("调研", List.of(
				new Object[] { "unit_code", "trip_id", "person_id", "start_date", "end_date", "report_submitted" },
				new Object[] { "U1", "T1", "P1", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 4), true },
				new Object[] { "U1", "T2", "P1", LocalDate.of(2026, 4, 1), new Formula("D3+3", null), false }))
			.sheet("考勤", List.of(ATTENDANCE_ZH,
				new Object[] { "U1", "S1", LocalDate.of(2025, 7, 3), "讲座", new Formula("1+1", null), "P1", "出勤" }))
			.write(this.dir.resolve("b.xlsx"));
		List<InboxFile> files = scan();
		assertThat(files).extracting(InboxFile::relativePath).containsExactly("b.xlsx#考勤", "b.xlsx#调研");
		ingest(files.get(0), this.store);
		assertThat(this.store.rejected).singleElement().satisfies((r) -> {
			assertThat(r.reason()).isEqualTo(Reason.BAD_NUMBER);
			assertThat(r.detail()).isEqualTo("时长（duration_hours）“=1+1”不是数字：公式 =1+1 没有缓存值（工作簿保存时未计算公式）");
			assertThat(r.english()).contains("duration_hours").contains("=1+1").contains("no cached value");
		});
		this.store.rejected.clear();
		ingest(files.get(1), this.store);
		assertThat(this.store.applied).singleElement().satisfies((a) -> assertThat(a.row()).contains(Boolean.TRUE));
		assertThat(this.store.rejected).singleElement().satisfies((r) -> {
			assertThat(r.reason()).isEqualTo(Reason.BAD_DATE);
			assertThat(r.detail()).startsWith("结束日期（end_date）“=D3+3”不是有效日期：公式 =D3+3 没有缓存值");
			assertThat(r.english()).contains("end_date").contains("no cached value");
		});
	}

	@Test
	void sheetsOfOneWorkbookAreExportsInKindOrderAndAnEmptySheetIsIgnored() throws IOException {
		TestWorkbook.xlsx()
			.sheet("A考勤", List.of(ATTENDANCE_ZH, new Object[] { "U9", "S1", LocalDate.of(2025, 7, 3), "讲座", 2, "P1",
					"出勤" }))
			.emptySheet("空白")
			.sheet("说明", List.of(new Object[] { "填表说明" }, new Object[] { "每月5日前报送" }))
			.sheet("Z单位", List.of(new Object[] { "单位代码", "单位名称", "上级单位代码", "单位类型" },
					new Object[] { "U9", "新支部", "U1", "党支部" }))
			.write(this.dir.resolve("c.xlsx"));
		Files.writeString(this.dir.resolve("b.csv"), "unit_code,unit_name,parent_code,unit_type\nU8,x,U1,office\n");
		List<InboxFile> files = scan();
		assertThat(files).extracting(InboxFile::relativePath)
			.containsExactly("b.csv", "c.xlsx#Z单位", "c.xlsx#A考勤", "c.xlsx#说明");
		assertThat(files.get(3).fileRejection().reason()).isEqualTo(Reason.UNKNOWN_KIND);
		assertThat(FileIngester.countRows(files.get(3))).isEqualTo(1);
		assertThat(files.subList(1, 4)).extracting((f) -> f.text().sha256()).containsOnly(files.get(1).text().sha256());
		ingest(files.get(1), this.store);
		ingest(files.get(2), this.store);
		assertThat(this.store.rejected).isEmpty();
		assertThat(this.store.applied).hasSize(2);
	}

	@Test
	void rowsShorterThanTheHeaderAreFilledUpAndLongerOnesAreAFieldCount() throws IOException {
		TestWorkbook.xlsx().sheet("单位", List.of(new Object[] { "单位代码", "单位名称", "上级单位代码", "单位类型", "备注" },
				new Object[] { "U7", "办公室", "U1", "办公室" }, new Object[] { "U8", "x", null, "党委", null, "多余" }))
			.write(this.dir.resolve("u.xlsx"));
		assertThat(ingest(scan().get(0), this.store)).isEqualTo(new FileResult(2, 1, 1, 0));
		assertThat(this.store.reasonAt(3)).isEqualTo(Reason.FIELD_COUNT);
		assertThat(this.store.rejected.get(0).raw()).isEqualTo("U8\tx\t\t党委\t\t多余");
	}

	@Test
	void aCsvFileMayHaveTitleRowsAndTotalRowsAndItsDelimiterIsTheHeaderRows() throws IOException {
		Path p = this.dir.resolve("t.csv");
		Files.writeString(p, "2025年第三季度学习考勤表;填报单位;U1\n\n"
				+ "unit_code\tsession_id\tsession_date\tsession_type\tduration_hours\tperson_id\tstatus\n"
				+ "U1\tS1\t2025-07-03\tlecture\t2\tP1\tpresent\n" + "U1\tS1\t2025-07-03\tlecture\t2\tP2\tabsent\n"
				+ "\t合 计：\t\t\t4\t\t\n" + "总计\n\n", StandardCharsets.UTF_8);
		InboxFile f = new InboxScanner(Kinds.ALL).inspect(p, "t.csv");
		assertThat(f.delimiter()).isEqualTo('\t');
		assertThat(f.headerLine()).isEqualTo(3);
		assertThat(ingest(f, this.store)).isEqualTo(new FileResult(2, 2, 0, 3));
		assertThat(this.store.applied).extracting(MemoryStore.Applied::line).containsExactly(4L, 5L);
	}

	@Test
	void aTotalRowFollowedByDataIsData() throws IOException {
		Path p = this.dir.resolve("m.csv");
		Files.writeString(p, "unit_code,session_id,session_date,session_type,duration_hours,person_id,status\n"
				+ "U1,S1,2025-07-03,lecture,2,P1,present\n" + ",小计,,,2,,\n" + "U1,S2,2025-07-04,lecture,2,P1,present\n"
				+ ",合计,,,4,,\n", StandardCharsets.UTF_8);
		InboxFile f = new InboxScanner(Kinds.ALL).inspect(p, "m.csv");
		assertThat(ingest(f, this.store)).isEqualTo(new FileResult(3, 2, 1, 1));
		assertThat(this.store.reasonAt(3)).isEqualTo(Reason.MISSING_VALUE);
	}

	@Test
	void aHeaderBelowTheTenthNonBlankRowIsNotLookedFor() throws IOException {
		StringBuilder text = new StringBuilder();
		for (int i = 1; i <= 10; i++) {
			text.append("说明第").append(i).append("行\n");
		}
		text.append("unit_code,unit_name,parent_code,unit_type\nU8,x,U1,office\n");
		Path p = this.dir.resolve("late.csv");
		Files.writeString(p, text, StandardCharsets.UTF_8);
		InboxFile f = new InboxScanner(Kinds.ALL).inspect(p, "late.csv");
		assertThat(f.fileRejection().reason()).isEqualTo(Reason.UNKNOWN_KIND);
		assertThat(FileIngester.countRows(f)).isEqualTo(11);
	}

	static List<String> rows(MemoryStore s) {
		List<String> out = new ArrayList<>();
		s.applied.forEach((a) -> out.add(Arrays.toString(a.row())));
		return out;
	}

	@ParameterizedTest
	@ValueSource(strings = { "xlsx", "xls" })
	void theLimitsHoldForSheetsAsForTextFiles(String format) throws IOException {
		List<Object[]> wide = new ArrayList<>();
		wide.add(Arrays.copyOf(new Object[] { "unit_code" }, 21));
		Arrays.fill(wide.get(0), 1, 21, "x");
		wide.add(new Object[] { "U1" });
		List<Object[]> attendance = List.of(ATTENDANCE_ZH,
				new Object[] { "U1", "S1", LocalDate.of(2025, 7, 3), "中心组学习", 2.0, "P1", "出勤" },
				new Object[] { "U1", "S1", LocalDate.of(2025, 7, 3), "中心组学习", 2.0, "x".repeat(60), "出勤" });
		book(format).sheet("wide", wide).sheetWithTitle("考勤", "x".repeat(300), 7, attendance)
			.write(this.dir.resolve("a." + format));
		// IngestLimitsTest.SMALL but for the file size: a workbook of a few rows is larger than 4 KB
		IngestLimits small = new IngestLimits(org.springframework.util.unit.DataSize.ofMegabytes(1), 200, 50, 20,
				LocalDate.of(2000, 1, 1));
		List<InboxFile> files = new InboxScanner(Kinds.ALL, small).scan(this.dir).files();
		assertThat(files).extracting(InboxFile::relativePath).containsExactly("a." + format + "#考勤",
				"a." + format + "#wide");
		assertThat(files.get(1).fileRejection().reason()).isEqualTo(Reason.TOO_LARGE);
		assertThat(files.get(1).fileRejection().detail()).contains("表头行有 21 列");
		FileResult result = new FileIngester(AS_OF, small).ingest(files.get(0), this.store, this.store);
		assertThat(result).isEqualTo(new FileResult(2, 1, 1, 1));
		assertThat(this.store.rejected).extracting(MemoryStore.Rejected::reason).containsExactly(Reason.TOO_LONG);
	}

	@Test
	void aWorkbookBeyondTheFileSizeLimitIsTooLargeAndNotOpened() throws IOException {
		book("xlsx").sheet("考勤", List.<Object[]>of(ATTENDANCE_ZH)).write(this.dir.resolve("a.xlsx"));
		IngestLimits tiny = new IngestLimits(org.springframework.util.unit.DataSize.ofBytes(1000), 200, 50, 20,
				LocalDate.of(2000, 1, 1));
		List<InboxFile> files = new InboxScanner(Kinds.ALL, tiny).scan(this.dir).files();
		assertThat(files).singleElement().satisfies((f) -> {
			assertThat(f.relativePath()).isEqualTo("a.xlsx");
			assertThat(f.fileRejection().reason()).isEqualTo(Reason.TOO_LARGE);
		});
	}

	@Test
	void aWorkbookRewrittenAfterTheScanIsNotReadAsTheScannedDelivery() throws IOException {
		List<Object[]> rows = List.of(ATTENDANCE_ZH,
				new Object[] { "U1", "S1", LocalDate.of(2025, 7, 3), "中心组学习", 2.0, "P1", "出勤" });
		Path file = this.dir.resolve("a.xlsx");
		TestWorkbook.xlsx().sheet("考勤", rows).write(file);
		InboxFile sheet = scan().get(0);
		TestWorkbook.xlsx().sheet("考勤", rows).sheet("more", rows).write(file);
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> new FileIngester(AS_OF).ingest(sheet, this.store, this.store))
			.isInstanceOf(UnreadFile.FileChangedException.class);
	}

}
