package org.learnstats.messy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.assertj.core.api.SoftAssertions;

/**
 * What a night must have published in its output folder (spec section 4): indicators,
 * dashboard, data quality, charts, tables, run.json and the pack of every closed quarter; and
 * what files.csv says of every file: read = applied + rejected, every delivered export accounted
 * for (a workbook's by its sheets, {@code file.xlsx#Sheet}).
 */
final class PublishedNight {

	private final Path out;

	private final String night;

	PublishedNight(Path out, LocalDate asOf) {
		this.out = out;
		this.night = "night " + asOf;
	}

	void hasEveryOutput(SoftAssertions soft, LocalDate firstEvent, LocalDate asOf) {
		for (String file : List.of("indicators.csv", "index.html", "run.json", "data-quality/rejects.csv",
				"data-quality/files.csv")) {
			soft.assertThat(this.out.resolve(file)).as(this.night + ": " + file).isNotEmptyFile();
		}
		for (String dir : List.of("charts", "tables", "data-quality")) {
			soft.assertThat(this.out.resolve(dir)).as(this.night + ": " + dir + "/").isNotEmptyDirectory();
		}
		for (LocalDate q = firstEvent.withDayOfMonth(1).withMonth((firstEvent.getMonthValue() - 1) / 3 * 3 + 1); !q
			.plusMonths(3)
			.minusDays(1)
			.isAfter(asOf); q = q.plusMonths(3)) {
			String name = q.getYear() + "-Q" + ((q.getMonthValue() - 1) / 3 + 1);
			soft.assertThat(this.out.resolve("packs/" + name + "/pack.pdf")).as(this.night + ": pack " + name)
				.isNotEmptyFile();
			soft.assertThat(this.out.resolve("packs/" + name + "/pack.zip")).as(this.night + ": pack " + name)
				.isNotEmptyFile();
		}
	}

	/** files.csv: every row balances, and every export delivered tonight has a row. */
	void accountsForEveryFile(SoftAssertions soft, List<Delivery> tonight) throws IOException {
		Path filesCsv = this.out.resolve("data-quality/files.csv");
		if (!Files.isRegularFile(filesCsv)) {
			soft.fail(this.night + ": no data-quality/files.csv");
			return;
		}
		Set<String> listed = new TreeSet<>();
		String text = Files.readString(filesCsv, StandardCharsets.UTF_8);
		// files.csv is written with a byte order mark for spreadsheets
		try (Reader r = new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text)) {
			for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
				listed.add(row.get("file"));
				long read = Long.parseLong(row.get("rows_read"));
				long applied = Long.parseLong(row.get("rows_applied"));
				long rejected = Long.parseLong(row.get("rows_rejected"));
				soft.assertThat(read)
					.as(this.night + ": " + row.get("file") + " rows_read = rows_applied + rows_rejected")
					.isEqualTo(applied + rejected);
			}
		}
		for (Delivery d : tonight) {
			if (d.bytes() != null && ExcelExport.isWorkbook(d.path())) {
				// a workbook's exports are its sheets, named file.xlsx#Sheet (a quarantined workbook: the file)
				List<String> sheets = sheetNames(d).stream().map((s) -> d.path() + "#" + s).toList();
				if (!listed.contains(d.path())) {
					soft.assertThat(listed).as(this.night + ": files.csv lists the sheets of " + d.path())
						.containsAll(sheets);
				}
			}
			else if (d.bytes() != null && isExport(d.path())) {
				soft.assertThat(listed).as(this.night + ": files.csv lists " + d.path()).contains(d.path());
			}
		}
	}

	private static List<String> sheetNames(Delivery workbook) throws IOException {
		try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(workbook.bytes()))) {
			List<String> names = new ArrayList<>();
			for (int i = 0; i < wb.getNumberOfSheets(); i++) {
				names.add(wb.getSheetName(i));
			}
			return names;
		}
	}

	/** No file of the output folder holds the text (a secret from outside the inbox). */
	void nowhereHolds(SoftAssertions soft, String text) throws IOException {
		if (!Files.isDirectory(this.out)) {
			return;
		}
		try (Stream<Path> files = Files.walk(this.out)) {
			for (Path f : files.filter(Files::isRegularFile).toList()) {
				String name = f.getFileName().toString();
				if (name.endsWith(".csv") || name.endsWith(".html") || name.endsWith(".json")) {
					soft.assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).as(this.night + ": " + f)
						.doesNotContain(text);
				}
			}
		}
	}

	static boolean isExport(String path) {
		String p = path.toLowerCase(Locale.ROOT);
		return p.endsWith(".csv") || p.endsWith(".tsv") || p.endsWith(".txt");
	}

}
