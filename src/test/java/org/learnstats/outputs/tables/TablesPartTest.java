package org.learnstats.outputs.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
		assertThat(files).hasSize(IndicatorCatalog.ALL.size() + IndicatorCatalog.ALL.stream()
			.mapToInt((d) -> d.granularities().length())
			.sum());
		for (Path file : files) {
			assertThat(second.resolve(first.relativize(file))).as(file.toString()).hasSameBinaryContentAs(file);
		}
	}

	private Path write(TestDatabase db, String name) throws IOException {
		Path dir = Files.createDirectories(this.tmp.resolve(name));
		new TablesPart(db.dataSource()).write(new OutputContext(1, TablesFixture.AS_OF, dir, null));
		return dir;
	}

	private static List<Path> list(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).sorted().toList();
		}
	}

}
