package org.learnstats.outputs.pack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.learnstats.indicators.TargetsProperties;
import org.learnstats.outputs.OutputContext;
import org.learnstats.readmodel.ReadModels;
import org.learnstats.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds a realistic sample pack into {@code target/pack-sample/} (for looking at it: render its
 * pages with {@code pdftoppm}) and checks its shape.
 */
class PackSampleTest {

	@Test
	void sampleQuarterPackHasEverySection() throws Exception {
		TestDatabase db = TestDatabase.h2();
		new SampleStore(db.dataSource()).fill(Quarter.parse("2024-Q1"), Quarter.parse("2025-Q4"));
		Path out = Path.of("target", "pack-sample");
		Files.createDirectories(out);
		PackPart part = new PackPart(new PackStore(db.dataSource()), new TargetsProperties(), PackPartTest.organizationOnly());
		long started = System.nanoTime();
		Path dir = part.build("2025-Q3", null, new OutputContext(1, LocalDate.of(2025, 10, 8), out, null, new ReadModels(db.dataSource()).open()));
		long millis = (System.nanoTime() - started) / 1_000_000;
		System.out.println("sample pack built in " + millis + " ms: " + Files.size(dir.resolve("pack.pdf"))
				+ " bytes PDF, " + Files.size(dir.resolve("pack.zip")) + " bytes ZIP");
		try (PDDocument pdf = Loader.loadPDF(dir.resolve("pack.pdf").toFile())) {
			System.out.println("pages: " + pdf.getNumberOfPages());
			assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(8);
		}
	}

	@Test
	void largeOrganizationStaysLegible() throws Exception {
		TestDatabase db = TestDatabase.h2();
		String[] extra = new String[45];
		for (int i = 0; i < extra.length; i++) {
			extra[i] = "第" + (i + 1) + "直属单位党委（含所属事业单位和企业）";
		}
		new SampleStore(db.dataSource()).fill(Quarter.parse("2025-Q1"), Quarter.parse("2025-Q4"), extra);
		Path out = Path.of("target", "pack-sample-large");
		Files.createDirectories(out);
		Path dir = new PackPart(new PackStore(db.dataSource()), new TargetsProperties(), PackPartTest.organizationOnly()).build("2025-Q4", null,
				new OutputContext(1, LocalDate.of(2026, 1, 5), out, null, new ReadModels(db.dataSource()).open()));
		try (PDDocument pdf = Loader.loadPDF(dir.resolve("pack.pdf").toFile())) {
			System.out.println("large pack pages: " + pdf.getNumberOfPages() + ", " + Files.size(dir.resolve("pack.pdf"))
					+ " bytes");
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
			assertThat(text).contains("2025年第四季度", "第45直属单位党委", "2025年度");
		}
	}

	@Test
	void everyRootGetsItsSummaryAndTrendLine() throws Exception {
		TestDatabase db = TestDatabase.h2();
		new SampleStore(db.dataSource()).fill(Quarter.parse("2025-Q2"), Quarter.parse("2025-Q3"));
		org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(db.dataSource());
		jdbc.update("INSERT INTO unit (unit_code, unit_name, parent_code, unit_type, delivery_id) "
				+ "VALUES ('S', '省国资委党委', NULL, 'committee', 1)");
		jdbc.update("INSERT INTO unit (unit_code, unit_name, parent_code, unit_type, delivery_id) "
				+ "VALUES ('S-1', '省能源集团党委', 'S', 'committee', 1)");
		jdbc.update("INSERT INTO indicator_value (period, unit_code, indicator, numerator, denominator, val) "
				+ "VALUES ('2025-Q3', 'S', 'attendance_rate', 777, 1000, 0.777)");
		Path out = Path.of("target", "pack-sample-two-roots");
		Files.createDirectories(out);
		Path dir = new PackPart(new PackStore(db.dataSource()), new TargetsProperties(), PackPartTest.organizationOnly()).build("2025-Q3", null,
				new OutputContext(1, LocalDate.of(2025, 10, 8), out, null, new ReadModels(db.dataSource()).open()));
		try (PDDocument pdf = Loader.loadPDF(dir.resolve("pack.pdf").toFile())) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
			assertThat(text).contains("省直机关工委、省国资委党委", "一、关键指标一览：省直机关工委", "一、关键指标一览：省国资委党委", "77.7%",
					"省能源集团党委");
		}
	}

}
