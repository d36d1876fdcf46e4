package org.learnstats.outputs.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnstats.outputs.OutputContext;
import org.learnstats.support.TestDatabase;
import org.learnstats.readmodel.ReadModels;

/**
 * The workbooks open cleanly in a real spreadsheet: LibreOffice converts every sheet to CSV
 * and the values read back are the ones of our own CSV files. Skipped when LibreOffice is
 * missing, unless {@code -Dlearnstats.require-libreoffice=true} (CI), where it fails.
 */
@Tag("libreoffice")
class LibreOfficeOpensTablesTest {

	private static final String SOFFICE = "/usr/bin/soffice";

	/** Comma, double quote, UTF-8, from row 1, every sheet to a file of its own (-1). */
	private static final String CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

	@TempDir
	Path tmp;

	@Test
	void everySheetReadsBackWithTheValuesOfTheCsv() throws Exception {
		requireLibreOffice();
		TestDatabase db = TestDatabase.h2();
		TablesFixture.load(db);
		Path out = Files.createDirectories(this.tmp.resolve("out"));
		new TablesPart().write(new OutputContext(1, TablesFixture.AS_OF, out, null, new ReadModels(db.dataSource()).open()));
		Path converted = Files.createDirectories(this.tmp.resolve("converted"));
		convert(out.resolve("tables/attendance_rate.xlsx"), converted);
		convert(out.resolve("tables/avg_credits.xlsx"), converted);

		// LibreOffice writes a percent-formatted number as a percentage: proof the cell is a
		// number with the rate format, not text
		assertThat(lines(converted.resolve("attendance_rate-月度.csv"))).containsExactly(
				"单位代码,单位名称,层级,2024-12,2025-01,2025-02,2025-03",
				"R1,某省委,0,,92.31%,50%,",
				"A1,\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\",1,,,,",
				"A2,机关党委,1,,100%,,",
				"B1,\"第一支部, \"\"老干部\"\"\",2,,,,",
				"R2,'@备用单位,0,,,,");
		assertThat(lines(converted.resolve("attendance_rate-季度.csv"))).startsWith(
				"单位代码,单位名称,层级,2024-Q4,2025-Q1",
				"R1,某省委,0,,75%");
		assertThat(lines(converted.resolve("attendance_rate-年度.csv"))).startsWith(
				"单位代码,单位名称,层级,2024,2025",
				"R1,某省委,0,,80%");
		assertThat(lines(converted.resolve("avg_credits-季度.csv"))).containsExactly(
				"单位代码,单位名称,层级,2024-Q4,2025-Q1",
				"R1,某省委,0,,",
				"A1,\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\",1,,",
				"A2,机关党委,1,,",
				"B1,\"第一支部, \"\"老干部\"\"\",2,,12.5",
				"R2,'@备用单位,0,,");
		assertThat(list(converted)).containsExactly("attendance_rate-季度.csv", "attendance_rate-年度.csv",
				"attendance_rate-月度.csv", "avg_credits-季度.csv", "avg_credits-年度.csv");
	}

	/** What the writer makes of hostile text, columns past Z and numbers of every size opens too. */
	@Test
	void aWorkbookOfHostileTextOpens() throws Exception {
		requireLibreOffice();
		Path xlsx = this.tmp.resolve("hostile.xlsx");
		Files.write(xlsx, XlsxWriterTest.hostile().bytes());
		Path converted = Files.createDirectories(this.tmp.resolve("converted"));
		convert(xlsx, converted);
		assertThat(list(converted)).containsExactly("hostile-季度.csv", "hostile-月度.csv");
		String months = Files.readString(converted.resolve("hostile-月度.csv"), StandardCharsets.UTF_8);
		assertThat(months).as("the first row").startsWith("代码," + ",".repeat(26) + "2026-03\n");
		// the text of the 40,000-character cell, cut at Excel's limit (a boolean: the text would flood the log)
		assertThat(months.contains("x".repeat(XlsxWriter.MAX_TEXT) + ",")).as("cut at the limit").isTrue();
		assertThat(months.contains("x".repeat(XlsxWriter.MAX_TEXT + 1))).as("not longer").isFalse();
		String rest = months.replace("x".repeat(XlsxWriter.MAX_TEXT), "x…");
		assertThat(rest).contains("\" <b>&\"\"x\"\"</b>??\t\n? 第一支部 \ud83d\ude00 \",x…,", ",85.71%,", ",-2.5\n");
		assertThat(lines(converted.resolve("hostile-季度.csv"))).containsExactly("空");
	}

	private static void requireLibreOffice() {
		if (new File(SOFFICE).canExecute()) {
			return;
		}
		String message = "LibreOffice not found at " + SOFFICE
				+ " (apt-get install -y libreoffice-calc-nogui)";
		if (org.learnstats.support.Requirement.strict("libreoffice")) {
			Assertions.fail(message + " and CI (or -Dlearnstats.require-libreoffice=true) requires it");
		}
		Assumptions.abort(message + ": LibreOffice test skipped");
	}

	private void convert(Path xlsx, Path outDir) throws IOException, InterruptedException {
		Path profile = this.tmp.resolve("lo-profile");
		List<String> command = List.of(SOFFICE, "-env:UserInstallation=" + profile.toUri(), "--headless",
				"--norestore", "--convert-to", CSV_FILTER, "--outdir", outDir.toString(), xlsx.toString());
		Path log = this.tmp.resolve("soffice.log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!process.waitFor(180, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			Assertions.fail("soffice did not finish in 180 s: " + Files.readString(log));
		}
		assertThat(process.exitValue()).as(Files.readString(log)).isZero();
	}

	/** The lines of a converted file, without a BOM. */
	private static List<String> lines(Path file) throws IOException {
		assertThat(file).as("converted sheet; folder holds " + list(file.getParent())).isRegularFile();
		String text = Files.readString(file, StandardCharsets.UTF_8);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		return List.of(text.split("\r?\n"));
	}

	private static List<String> list(Path dir) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return new ArrayList<>(files.map((p) -> p.getFileName().toString()).sorted().toList());
		}
	}

}
