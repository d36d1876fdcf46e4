package org.learnstats.outputs.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.learnstats.indicators.IndicatorCatalog;
import org.learnstats.outputs.OutputContext;
import org.learnstats.support.TestDatabase;
import org.learnstats.readmodel.ReadModels;
import org.springframework.jdbc.core.JdbcTemplate;

class TablesPartTest {

	@TempDir
	Path tmp;

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void writesEveryIndicatorAsCsvPerGranularityAndOneWorkbook(String vendor) throws IOException {
		TestDatabase db = TestDatabase.create(vendor);
		TablesFixture.load(db);
		Path out = write(db, "out");
		for (var indicator : IndicatorCatalog.ALL) {
			assertThat(out.resolve(TableFiles.xlsx(indicator.id()))).isRegularFile();
			for (char g : "MQY".toCharArray()) {
				assertThat(Files.exists(out.resolve(TableFiles.csv(indicator.id(), g))))
					.as(indicator.id() + " " + g)
					.isEqualTo(indicator.computedFor(g));
			}
		}
		byte[] bytes = Files.readAllBytes(out.resolve("tables/attendance_rate-monthly.csv"));
		assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
		assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("\uFEFF"
				+ "单位代码,单位名称,层级,2024-12,2025-01,2025-02,2025-03\r\n"
				+ "R1,某省委,0,,0.9231,0.5,\r\n"
				+ "A1,\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\",1,,,,\r\n"
				+ "A2,机关党委,1,,1,,\r\n"
				+ "B1,\"第一支部, \"\"老干部\"\"\",2,,,,\r\n"
				+ "R2,'@备用单位,0,,,,\r\n");
		assertThat(Files.readString(out.resolve("tables/attendance_rate-yearly.csv")))
			.contains("单位代码,单位名称,层级,2024,2025\r\n")
			.contains("R1,某省委,0,,0.8\r\n");
		assertThat(Files.readString(out.resolve("tables/remedial_count-yearly.csv"))).contains("R1,某省委,0,3,\r\n");
		assertThat(Files.readString(out.resolve("tables/avg_credits-quarterly.csv")))
			.contains("单位代码,单位名称,层级,2024-Q4,2025-Q1\r\n")
			.contains("B1,\"第一支部, \"\"老干部\"\"\",2,,12.5\r\n");
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void workbookHoldsNumericCellsWithFormatsAndNeutralizedText(String vendor) throws IOException {
		TestDatabase db = TestDatabase.create(vendor);
		TablesFixture.load(db);
		Path out = write(db, "out");
		try (InputStream in = Files.newInputStream(out.resolve("tables/attendance_rate.xlsx"));
				XSSFWorkbook wb = new XSSFWorkbook(in)) {
			assertThat(wb.getNumberOfSheets()).isEqualTo(3);
			assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2)))
				.containsExactly("月度", "季度", "年度");
			Sheet months = wb.getSheet("月度");
			Row header = months.getRow(0);
			assertThat(header.getCell(3).getStringCellValue()).isEqualTo("2024-12");
			assertThat(header.getCell(6).getStringCellValue()).isEqualTo("2025-03");
			Row root = months.getRow(1);
			assertThat(root.getCell(0).getStringCellValue()).isEqualTo("R1");
			assertThat(root.getCell(2).getNumericCellValue()).isZero();
			assertThat(root.getCell(3)).isNull();
			assertThat(root.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(root.getCell(4).getNumericCellValue()).isEqualTo(0.9231);
			assertThat(root.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
			Row formula = months.getRow(2);
			assertThat(formula.getCell(1).getCellType()).isEqualTo(CellType.STRING);
			assertThat(formula.getCell(1).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://x\",\"点我\")");
			assertThat(months.getRow(4).getCell(1).getCellStyle().getIndention()).isEqualTo((short) 2);
			assertThat(months.getRow(5).getCell(1).getStringCellValue()).isEqualTo("'@备用单位");
			assertThat(wb.getSheet("年度").getRow(1).getCell(4).getNumericCellValue()).isEqualTo(0.8);
			assertThat(wb.getProperties().getCoreProperties().getTitle()).isEqualTo("学习出勤率 (attendance_rate)");
		}
		try (InputStream in = Files.newInputStream(out.resolve("tables/avg_credits.xlsx"));
				XSSFWorkbook wb = new XSSFWorkbook(in)) {
			assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1))).containsExactly("季度", "年度");
			var cell = wb.getSheet("季度").getRow(4).getCell(4);
			assertThat(cell.getNumericCellValue()).isEqualTo(12.5);
			assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("0.00");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void sameStoreGivesTheSameBytes(String vendor) throws IOException {
		TestDatabase db = TestDatabase.create(vendor);
		TablesFixture.load(db);
		Path first = write(db, "first");
		Path second = write(db, "second");
		List<Path> files = list(first);
		// every indicator's workbook and CSVs, and the fingerprints manifest
		assertThat(files).hasSize(1 + IndicatorCatalog.ALL.size() + IndicatorCatalog.ALL.stream()
			.mapToInt((d) -> d.granularities().length())
			.sum());
		for (Path file : files) {
			assertThat(second.resolve(first.relativize(file))).as(file.toString()).hasSameBinaryContentAs(file);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void nextNightLinksTheUnchangedIndicatorsAndWritesTheChangedOneAsAScratchBuildWould(String vendor)
			throws IOException {
		TestDatabase db = TestDatabase.create(vendor);
		JdbcTemplate jdbc = TablesFixture.load(db);
		Path first = write(db, "first", TablesFixture.AS_OF, null);
		// the next night, one day later in the same month: one value of one indicator changed
		jdbc.update("UPDATE indicator_value SET val = 0.6 WHERE indicator = 'attendance_rate' AND period = '2025-02'");
		LocalDate next = TablesFixture.AS_OF.plusDays(1);
		Path second = write(db, "second", next, first);
		Path scratch = write(db, "scratch", next, null);

		List<Path> files = list(scratch);
		assertThat(list(second).stream().map(second::relativize).toList())
			.isEqualTo(files.stream().map(scratch::relativize).toList());
		for (Path file : files) {
			assertThat(second.resolve(scratch.relativize(file))).as(file.toString()).hasSameBinaryContentAs(file);
		}
		assertThat(Files.readString(second.resolve("tables/attendance_rate-monthly.csv")))
			.contains("R1,某省委,0,,0.9231,0.6,\r\n");
		for (var indicator : IndicatorCatalog.ALL) {
			List<String> own = new ArrayList<>(List.of(TableFiles.xlsx(indicator.id())));
			indicator.granularities().chars().forEach((g) -> own.add(TableFiles.csv(indicator.id(), (char) g)));
			boolean changed = indicator.id().equals("attendance_rate");
			for (String file : own) {
				assertThat(Files.isSameFile(first.resolve(file), second.resolve(file))).as(file).isEqualTo(!changed);
			}
		}
		// the published night kept its bytes
		assertThat(Files.readString(first.resolve("tables/attendance_rate-monthly.csv")))
			.contains("R1,某省委,0,,0.9231,0.5,\r\n");
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void aNewQuarterRewritesTheIndicatorsWithMonthsOrQuartersAndDatesTheWorkbooksByTheirLatestPeriod(String vendor)
			throws IOException {
		TestDatabase db = TestDatabase.create(vendor);
		TablesFixture.load(db);
		Path first = write(db, "first", TablesFixture.AS_OF, null);
		LocalDate april = LocalDate.of(2025, 4, 2);
		Path second = write(db, "second", april, first);
		// a new column for those with months or quarters; the yearly-only ones show the same
		int carried = 0;
		for (var indicator : IndicatorCatalog.ALL) {
			String file = TableFiles.xlsx(indicator.id());
			boolean yearly = indicator.granularities().equals("Y");
			carried += yearly ? 1 : 0;
			assertThat(Files.isSameFile(first.resolve(file), second.resolve(file))).as(file).isEqualTo(yearly);
		}
		assertThat(carried).isPositive();
		assertThat(documentDate(first.resolve("tables/attendance_rate.xlsx"))).isEqualTo(LocalDate.of(2025, 3, 1));
		assertThat(documentDate(second.resolve("tables/attendance_rate.xlsx"))).isEqualTo(LocalDate.of(2025, 4, 1));
		// quarters and years only: the first day of the quarter holding D
		assertThat(documentDate(second.resolve("tables/avg_credits.xlsx"))).isEqualTo(LocalDate.of(2025, 4, 1));
		assertThat(documentDate(first.resolve("tables/avg_credits.xlsx"))).isEqualTo(LocalDate.of(2025, 1, 1));
	}

	/**
	 * With workers: the tables in pieces of indicators, written in any order each with its own
	 * manifest and then merged, are the single process's, byte for byte, fresh and linking.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "h2" })
	void piecesOfIndicatorsGiveTheSingleProcessTables(String vendor) throws IOException {
		TestDatabase db = TestDatabase.create(vendor);
		JdbcTemplate jdbc = TablesFixture.load(db);
		Path whole = write(db, "whole");
		Path pieced = writePieces(db, "pieced", TablesFixture.AS_OF, null);
		assertSameFiles(pieced, whole);

		jdbc.update("UPDATE indicator_value SET val = 0.6 WHERE indicator = 'attendance_rate' AND period = '2025-02'");
		LocalDate next = TablesFixture.AS_OF.plusDays(1);
		Path wholeNext = write(db, "whole-next", next, whole);
		Path piecedNext = writePieces(db, "pieced-next", next, whole);
		assertSameFiles(piecedNext, wholeNext);
		assertThat(Files.isSameFile(whole.resolve("tables/avg_credits.xlsx"), piecedNext.resolve("tables/avg_credits.xlsx")))
			.as("unchanged: linked").isTrue();
		assertThat(Files.isSameFile(whole.resolve("tables/attendance_rate.xlsx"),
				piecedNext.resolve("tables/attendance_rate.xlsx"))).as("changed: written").isFalse();
	}

	private Path writePieces(TestDatabase db, String name, LocalDate asOf, Path previous) throws IOException {
		Path dir = Files.createDirectories(this.tmp.resolve(name));
		TablesPart part = new TablesPart();
		OutputContext context = new OutputContext(1, asOf, dir, previous, new ReadModels(db.dataSource()).open());
		List<String> pieces = new ArrayList<>(part.pieces(context));
		assertThat(pieces).hasSize(TablesPart.PIECES).startsWith("indicators 1/" + TablesPart.PIECES);
		java.util.Collections.reverse(pieces);
		for (String piece : pieces) {
			part.writePiece(new OutputContext(1, asOf, dir, previous, new ReadModels(db.dataSource()).open()), piece);
		}
		part.finishPieces(context);
		return dir;
	}

	private static void assertSameFiles(Path actual, Path expected) throws IOException {
		List<Path> files = list(expected);
		assertThat(list(actual).stream().map(actual::relativize).toList())
			.isEqualTo(files.stream().map(expected::relativize).toList());
		for (Path file : files) {
			assertThat(actual.resolve(expected.relativize(file))).as(file.toString()).hasSameBinaryContentAs(file);
		}
	}

	private static LocalDate documentDate(Path xlsx) throws IOException {
		try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
			var core = wb.getProperties().getCoreProperties();
			assertThat(core.getModified()).isEqualTo(core.getCreated());
			return core.getCreated().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
		}
	}

	private Path write(TestDatabase db, String name) throws IOException {
		return write(db, name, TablesFixture.AS_OF, null);
	}

	private Path write(TestDatabase db, String name, LocalDate asOf, Path previous) throws IOException {
		Path dir = Files.createDirectories(this.tmp.resolve(name));
		new TablesPart().write(new OutputContext(1, asOf, dir, previous, new ReadModels(db.dataSource()).open()));
		return dir;
	}

	private static List<Path> list(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).sorted().toList();
		}
	}

}
