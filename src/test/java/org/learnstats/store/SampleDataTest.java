package org.learnstats.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.learnstats.support.TestApp;
import org.learnstats.support.TestDatabase;

/**
 * The sample organization end to end on H2 and PostgreSQL: every file is read with the kind,
 * encoding and delimiter sample-data/expected-files.csv names, and exactly the rows of
 * sample-data/expected-rejects.csv are rejected, with their reasons. Workbook sheets are named
 * file.xlsx#Sheet and have no delimiter.
 */
class SampleDataTest {

	static final Path SAMPLE = Path.of("sample-data");

	/** expected-files.csv says in words what run.json and files.csv say in encoding names. */
	static final Map<String, String> ENCODING_NAMES = Map.of("UTF-16LE with BOM", "UTF-16", "UTF-16BE with BOM",
			"UTF-16", "UTF-8 with BOM", "UTF-8-BOM", "binary", "");

	@TempDir
	Path tmp;

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void theSampleRunRejectsExactlyTheExpectedRows(String vendor) throws IOException {
		try (TestApp app = TestApp.start(TestDatabase.create(vendor))) {
			app.run(LocalDate.of(2026, 11, 20), SAMPLE.resolve("inbox"), this.tmp.resolve("out"));
			Path dq = this.tmp.resolve("out/data-quality");
			assertThat(keys(dq.resolve("rejects.csv"), "file", "line", "reason"))
				.isEqualTo(keys(SAMPLE.resolve("expected-rejects.csv"), "file", "line", "reason"));
			Map<String, String> expectedFiles = byFile(SAMPLE.resolve("expected-files.csv"), "kind", "encoding",
					"delimiter", "rows_read", "rows_rejected");
			Map<String, String> actualFiles = byFile(dq.resolve("files.csv"), "kind", "encoding", "delimiter",
					"rows_read", "rows_rejected");
			Map<String, String> exports = new TreeMap<>(expectedFiles);
			exports.keySet().removeIf((f) -> !f.matches(".*\\.(csv|tsv|txt)|.*\\.xlsx?#.+"));
			assertThat(exports).hasSizeGreaterThan(150).hasSizeLessThan(expectedFiles.size());
			assertThat(actualFiles).containsAllEntriesOf(exports);
			assertThat(actualFiles.keySet()).as("other files are no exports").containsAll(exports.keySet())
				.noneMatch((f) -> f.endsWith(".md") || f.endsWith(".docx"));
			assertThat(app.jdbc().queryForObject(
					"SELECT COUNT(*) FROM delivery WHERE rows_read <> rows_applied + rows_rejected", Integer.class))
				.isZero();
		}
	}

	static List<String> keys(Path csv, String... columns) throws IOException {
		return records(csv).stream()
			.map((r) -> String.join("|", java.util.Arrays.stream(columns).map(r::get).toList()))
			.sorted()
			.toList();
	}

	static Map<String, String> byFile(Path csv, String... columns) throws IOException {
		Map<String, String> out = new TreeMap<>();
		for (CSVRecord r : records(csv)) {
			out.put(r.get("file"), String.join("|", java.util.Arrays.stream(columns)
				.map((c) -> ENCODING_NAMES.getOrDefault(r.get(c), r.get(c)))
				.toList()));
		}
		return out;
	}

	private static List<CSVRecord> records(Path csv) throws IOException {
		try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
			in.mark(1);
			if (in.read() != '\uFEFF') {
				in.reset();
			}
			return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
		}
	}

}
