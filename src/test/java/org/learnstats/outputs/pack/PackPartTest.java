package org.learnstats.outputs.pack;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.sql.DataSource;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.learnstats.indicators.PeriodChanges;
import org.learnstats.indicators.TargetsProperties;
import org.learnstats.outputs.OutputContext;
import org.learnstats.readmodel.ReadModels;
import org.learnstats.support.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pack part on a store with data in 2025-Q2 and 2025-Q3, as of 2025-10-08: both quarters
 * are closed and get a pack; an unchanged quarter is carried over, a changed one rebuilt; the same
 * store gives the same bytes; the PDF says what the store holds, in an embedded CJK font.
 */
class PackPartTest {

	private static final LocalDate AS_OF = LocalDate.of(2025, 10, 8);

	@TempDir
	Path tmp;

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void buildsCarriesOverAndRebuildsOnlyChangedQuarters(String vendor) throws Exception {
		TestDatabase db = TestDatabase.create(vendor);
		DataSource ds = db.dataSource();
		JdbcTemplate jdbc = new JdbcTemplate(ds);
		new SampleStore(ds).fill(Quarter.parse("2025-Q2"), Quarter.parse("2025-Q3"), "=HYPERLINK(\"http://x\")党组");
		PackPart part = new PackPart(new PackStore(ds), new TargetsProperties(), organizationOnly());

		// Run 1: no published folder yet; both closed quarters are built (2025-Q4 is not closed).
		Path run1 = dir("run1");
		part.write(new OutputContext(1, AS_OF, run1, null, new ReadModels(ds).open()));
		assertThat(packs(run1)).containsExactly("2025-Q2", "2025-Q3");
		assertThat(runsByQuarter(jdbc)).containsExactly(Map.entry("2025-Q2", 1L), Map.entry("2025-Q3", 1L));
		String q3Fingerprint = fingerprint(jdbc, "2025-Q3");
		assertThat(q3Fingerprint).matches("[0-9a-f]{64}");

		// Run 2: nothing changed; both packs are carried over, byte for byte, and not rebuilt.
		Path run2 = dir("run2");
		part.write(new OutputContext(2, AS_OF, run2, run1, new ReadModels(ds).open()));
		assertSameFiles(run1, run2, "2025-Q2");
		assertSameFiles(run1, run2, "2025-Q3");
		assertThat(runsByQuarter(jdbc)).containsExactly(Map.entry("2025-Q2", 1L), Map.entry("2025-Q3", 1L));
		// nothing was stamped since run 1 built them: carried over without reading their inputs
		assertThat(part.lastCounts()).containsExactly(0, 0, 2);

		// Run 2b: a refresh recomputed October only (no period a closed quarter's pack reads): both
		// packs are carried over without reading their inputs
		SampleStore.refreshed(jdbc, "2025-10", "2025-Q4");
		Path run2b = dir("run2b");
		part.write(new OutputContext(2, AS_OF, run2b, run2, new ReadModels(ds).open()));
		assertThat(part.lastCounts()).containsExactly(0, 0, 2);
		assertSameFiles(run2, run2b, "2025-Q2");
		assertSameFiles(run2, run2b, "2025-Q3");

		// Run 2c: the running year was recomputed, as every night D moves through it: a closed quarter's
		// pack reads nothing of it (its trips have their own stamp), both are carried over unread
		SampleStore.refreshed(jdbc, "2025-10", "2025-Q4", "2025");
		Path run2c = dir("run2c");
		part.write(new OutputContext(2, AS_OF, run2c, run2b, new ReadModels(ds).open()));
		assertThat(part.lastCounts()).containsExactly(0, 0, 2);
		assertSameFiles(run2b, run2c, "2025-Q3");

		// Run 3: one indicator value of 2025-Q3 changes (the refresh stamps the quarter); only that
		// quarter is read again and rebuilt, 2025-Q2 is carried over unread.
		jdbc.update("UPDATE indicator_value SET numerator = ?, denominator = ?, val = ? "
				+ "WHERE period = '2025-Q3' AND unit_code = 'R' AND indicator = 'attendance_rate'", new BigDecimal("8123"),
				new BigDecimal("10000"), new BigDecimal("0.8123"));
		SampleStore.refreshed(jdbc, "2025-Q3");
		Path run3 = dir("run3");
		part.write(new OutputContext(3, AS_OF, run3, run2c, new ReadModels(ds).open()));
		assertThat(part.lastCounts()).containsExactly(1, 0, 1);
		assertThat(runsByQuarter(jdbc)).containsExactly(Map.entry("2025-Q2", 1L), Map.entry("2025-Q3", 3L));
		assertThat(fingerprint(jdbc, "2025-Q3")).isNotEqualTo(q3Fingerprint);
		assertSameFiles(run2c, run3, "2025-Q2");
		assertThat(Files.readAllBytes(run3.resolve("packs/2025-Q3/pack.pdf")))
			.isNotEqualTo(Files.readAllBytes(run2.resolve("packs/2025-Q3/pack.pdf")));
		String text = text(run3.resolve("packs/2025-Q3/pack.pdf"));
		assertThat(text).contains("81.2%").doesNotContain("WenQuanYi");

		// Run 4: a store row of 2025-Q2 (an office's first research trip, by someone not in the roster)
		// changes the completeness of 2025-Q2 only.
		jdbc.update("""
				INSERT INTO research (unit_code, trip_id, person_id, start_date, end_date, topic, report_submitted,
				    delivery_id) VALUES ('T01-O', 'late', 'X999', ?, ?, NULL, FALSE, 1)""",
				Date.valueOf(LocalDate.of(2025, 5, 20)), Date.valueOf(LocalDate.of(2025, 5, 22)));
		// the refresh stamps a changed research trip's year's trips: every 2025 quarter is read again
		SampleStore.refreshed(jdbc, PeriodChanges.trips(2025));
		Path run4 = dir("run4");
		part.write(new OutputContext(4, AS_OF, run4, run3, new ReadModels(ds).open()));
		assertThat(runsByQuarter(jdbc)).containsExactly(Map.entry("2025-Q2", 4L), Map.entry("2025-Q3", 3L));
		assertSameFiles(run3, run4, "2025-Q3");

		// The same store and as-of date give the same bytes.
		Path again = dir("again");
		Path rebuilt = part.build("2025-Q3", null, new OutputContext(5, AS_OF, again, null, new ReadModels(ds).open()));
		assertThat(Files.readAllBytes(rebuilt.resolve("pack.pdf")))
			.isEqualTo(Files.readAllBytes(run4.resolve("packs/2025-Q3/pack.pdf")));
		assertThat(Files.readAllBytes(rebuilt.resolve("pack.zip")))
			.isEqualTo(Files.readAllBytes(run4.resolve("packs/2025-Q3/pack.zip")));
		assertThat(fingerprint(jdbc, "2025-Q3")).isEqualTo(fingerprint(jdbc, "2025-Q3"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void packSaysWhatTheStoreHolds(String vendor) throws Exception {
		TestDatabase db = TestDatabase.create(vendor);
		DataSource ds = db.dataSource();
		JdbcTemplate jdbc = new JdbcTemplate(ds);
		new SampleStore(ds).fill(Quarter.parse("2025-Q3"), Quarter.parse("2025-Q3"), "=HYPERLINK(\"http://x\")党组");
		jdbc.update("UPDATE indicator_value SET numerator = 8765, denominator = 10000, val = 0.8765 "
				+ "WHERE period = '2025-Q3' AND unit_code = 'R' AND indicator = 'survey_response_rate'");
		jdbc.update("UPDATE indicator_value SET numerator = 4321, denominator = 1000, val = 4.321 "
				+ "WHERE period = '2025-Q3' AND unit_code = 'R' AND indicator = 'satisfaction_mean'");
		PackPart part = new PackPart(new PackStore(ds), new TargetsProperties(), organizationOnly());
		Path dir = part.build("2025-Q3", null, new OutputContext(7, AS_OF, dir("one"), null, new ReadModels(ds).open()));

		Path pdfFile = dir.resolve("pack.pdf");
		try (PDDocument pdf = Loader.loadPDF(pdfFile.toFile())) {
			assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(8);
			assertThat(pdf.getDocumentInformation().getCreationDate().getTime())
				.isEqualTo(java.util.Date.from(AS_OF.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
			assertThat(pdf.getDocument().getTrailer().getCOSArray(COSName.ID)).isNotNull();
			List<PDFont> fonts = new ArrayList<>();
			for (PDPage page : pdf.getPages()) {
				for (COSName name : page.getResources().getFontNames()) {
					fonts.add(page.getResources().getFont(name));
				}
			}
			assertThat(fonts).isNotEmpty().allSatisfy((f) -> {
				assertThat(f).isInstanceOf(PDType0Font.class);
				assertThat(f.isEmbedded()).isTrue();
				assertThat(f.getName()).matches("[A-Z]{6}\\+WenQuanYi.*");
			});
			String text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains("学习型组织建设指标季报", "2025年第三季度", SampleStore.ROOT_NAME, "数据截止日", "2025年10月8日",
					"关键指标一览", "下属单位排名", "异常情况", "数据完整性", "指标定义", "87.7%", "4.32", "第 2 页 / 共");
			assertThat(text).contains(fingerprint(jdbc, "2025-Q3").substring(0, 32));
			// 2025-Q2 and 2024-Q3 hold no values: shown as "—", not as zero
			assertThat(text).contains("—");
			// completeness: 53 units (the root and 13 top units of 4)
			assertThat(text).contains("53 个单位", " / 3", " / 4", " / 40", " / 53");
		}

		Map<String, byte[]> zip = unzip(Files.readAllBytes(dir.resolve("pack.zip")));
		assertThat(zip.keySet()).contains("tables/summary.csv", "tables/ranking.csv", "tables/completeness.csv",
				"tables/tables.xlsx", "charts/trend-attendance_rate.png", "charts/trend-attendance_rate.svg",
				"charts/ranking-survey_response_rate.png");
		byte[] summary = zip.get("tables/summary.csv");
		assertThat(new byte[] { summary[0], summary[1], summary[2] })
			.isEqualTo(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		String summaryCsv = new String(summary, StandardCharsets.UTF_8);
		assertThat(summaryCsv).contains("R,省直机关工委,survey_response_rate,问卷回收率,0.8,2025-Q3,0.8765,2025-Q2,,2024-Q3,");
		String ranking = new String(zip.get("tables/ranking.csv"), StandardCharsets.UTF_8);
		assertThat(ranking).contains("\"'=HYPERLINK(\"\"http://x\"\")党组\"");
		assertThat(new String(zip.get("charts/trend-attendance_rate.svg"), StandardCharsets.UTF_8)).startsWith("<?xml")
			.contains("<svg");
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(zip.get("tables/tables.xlsx")))) {
			Sheet sheet = wb.getSheet("关键指标");
			Row header = sheet.getRow(0);
			assertThat(header.getCell(2).getStringCellValue()).isEqualTo("指标代码");
			boolean found = false;
			for (Row row : sheet) {
				if (row.getRowNum() > 0 && "survey_response_rate".equals(row.getCell(2).getStringCellValue())) {
					assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(0.8765);
					assertThat(row.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
					found = true;
				}
			}
			assertThat(found).isTrue();
			Sheet rank = wb.getSheet("下属单位排名");
			List<String> names = new ArrayList<>();
			rank.forEach((r) -> names.add(r.getCell(1).getStringCellValue()));
			assertThat(names).contains("'=HYPERLINK(\"http://x\")党组");
			assertThat(wb.getProperties().getCoreProperties().getCreated())
				.isEqualTo(java.util.Date.from(AS_OF.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void noPackForAnOpenQuarterOrAnEmptyStore(String vendor) throws Exception {
		TestDatabase db = TestDatabase.create(vendor);
		PackPart part = new PackPart(new PackStore(db.dataSource()), new TargetsProperties(), organizationOnly());
		Path empty = dir("empty");
		part.write(new OutputContext(1, AS_OF, empty, null, new ReadModels(db.dataSource()).open()));
		assertThat(empty.resolve("packs")).doesNotExist();
		assertThatThrownBy(() -> part.build("2025-Q4", null, new OutputContext(1, AS_OF, empty, null, new ReadModels(db.dataSource()).open())))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("not closed");
		assertThatThrownBy(() -> part.build("2025-13", null, new OutputContext(1, AS_OF, empty, null, new ReadModels(db.dataSource()).open())))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private Path dir(String name) throws Exception {
		return Files.createDirectories(this.tmp.resolve(name));
	}

	private static List<String> packs(Path out) throws Exception {
		try (var list = Files.list(out.resolve("packs"))) {
			return list.map((p) -> p.getFileName().toString()).sorted().toList();
		}
	}

	private static Map<String, Long> runsByQuarter(JdbcTemplate jdbc) {
		Map<String, Long> out = new TreeMap<>();
		jdbc.query("SELECT quarter, run_id FROM quarter_pack",
				(org.springframework.jdbc.core.RowCallbackHandler) (rs) -> out.put(rs.getString(1), rs.getLong(2)));
		return out;
	}

	private static String fingerprint(JdbcTemplate jdbc, String quarter) {
		return jdbc.queryForObject("SELECT fingerprint FROM quarter_pack WHERE quarter = ?", String.class, quarter)
			.trim();
	}

	private static void assertSameFiles(Path a, Path b, String quarter) throws Exception {
		for (String f : List.of("pack.pdf", "pack.zip")) {
			Path pa = a.resolve("packs").resolve(quarter).resolve(f);
			Path pb = b.resolve("packs").resolve(quarter).resolve(f);
			assertThat(pb).exists();
			assertThat(Files.readAllBytes(pb)).isEqualTo(Files.readAllBytes(pa));
		}
	}

	private static String text(Path pdf) throws Exception {
		try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
			return new PDFTextStripper().getText(doc);
		}
	}

	private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
		Map<String, byte[]> out = new TreeMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				out.put(e.getName(), in.readAllBytes());
			}
		}
		return out;
	}

	/** These tests are about the organization's pack: no unit gets one (UnitPackTest covers those). */
	static PackUnitsProperties organizationOnly() {
		PackUnitsProperties units = new PackUnitsProperties();
		units.setUnitTypes(java.util.List.of());
		return units;
	}

}
