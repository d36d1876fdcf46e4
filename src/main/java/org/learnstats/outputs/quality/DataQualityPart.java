package org.learnstats.outputs.quality;

import java.util.List;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.learnstats.outputs.OutputContext;
import org.learnstats.outputs.OutputPart;
import org.learnstats.outputs.Restricted;
import org.learnstats.outputs.tables.SpreadsheetText;
import org.learnstats.vocabulary.Kind;
import org.learnstats.vocabulary.ReasonLabel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Writes {@code data-quality/}: the reject ledger of this run's deliveries ({@code rejects.csv}: file,
 * line, kind, unit, reason, detail in Chinese, then the detail in English; the raw text of the rows,
 * which carries names, goes to {@code restricted/rejected_rows.csv}),
 * the per-file accounting ({@code files.csv}, re-deliveries included), the UNKNOWN_PERSON
 * warnings ({@code warnings.csv}) and which units delivered which kind for which month
 * ({@code coverage.csv}, over the whole store). Each file names the kind by its code and, in its
 * last column {@code kind_name}, by its Chinese word (vocabulary {@link Kind}). CSV in UTF-8 with a
 * BOM, so spreadsheet programs show Chinese; text that a spreadsheet could run is neutralized.
 */
@Component
public class DataQualityPart implements OutputPart {

	/** The Chinese word of the kind, after every file's own columns. */
	static final String KIND_NAME = "kind_name";

	private static final String[] REJECTS = { "file", "line", "kind", "unit_code", "reason", "detail", "detail_en",
			KIND_NAME };

	/** The raw text of rejected rows carries names: under restricted/ only. */
	static final String REJECTED_ROWS = "rejected_rows.csv";

	private static final String[] REJECTED_ROWS_HEADER = { "file", "line", "kind", "unit_code", "reason", "raw",
			KIND_NAME };

	private static final String[] FILES = { "file", "status", "sha256", "kind", "encoding", "delimiter", "bytes",
			"rows_read", "rows_applied", "rows_rejected", "unknown_persons", "reason", "millis", KIND_NAME };

	private static final String[] WARNINGS = { "file", "line", "kind", "unit_code", "person_id", "warning",
			KIND_NAME };

	private static final String[] COVERAGE = { "unit_code", "unit_name", "kind", "month", "rows", KIND_NAME };

	private final JdbcTemplate jdbc;

	DataQualityPart(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@Override
	public List<String> files() {
		return List.of("data-quality", Restricted.DIR + "/" + REJECTED_ROWS);
	}

	@Override
	public void write(OutputContext context) throws IOException {
		Path dir = Files.createDirectories(context.dir().resolve("data-quality"));
		long run = context.runId();
		csv(dir.resolve("rejects.csv"), REJECTS, 3, """
				SELECT d.path, r.line_no, r.kind, r.unit_code, r.reason, r.detail, r.detail_en
				FROM reject_row r JOIN delivery d ON d.delivery_id = r.delivery_id
				WHERE d.run_id = ? ORDER BY r.delivery_id, COALESCE(r.line_no, 0)""", run);
		Path restricted = Restricted.dir(context);
		csv(restricted.resolve(REJECTED_ROWS), REJECTED_ROWS_HEADER, 3, """
				SELECT d.path, r.line_no, r.kind, r.unit_code, r.reason, r.raw_text
				FROM reject_row r JOIN delivery d ON d.delivery_id = r.delivery_id
				WHERE d.run_id = ? ORDER BY r.delivery_id, COALESCE(r.line_no, 0)""", run);
		Restricted.seal(restricted.resolve(REJECTED_ROWS));
		csv(dir.resolve("files.csv"), FILES, 4, """
				SELECT path, CASE WHEN file_reason IS NULL THEN 'ingested' ELSE 'quarantined' END, sha256, kind,
				       encoding, delimiter_char, byte_size, rows_read, rows_applied, rows_rejected, unknown_persons,
				       file_reason, millis, delivery_id AS seq
				FROM delivery WHERE run_id = ?
				UNION ALL
				SELECT s.path, 'duplicate', s.sha256, d.kind, d.encoding, d.delimiter_char, d.byte_size, 0, 0, 0, 0,
				       NULL, 0, s.delivery_id
				FROM delivery_skip s JOIN delivery d ON d.delivery_id = s.delivery_id WHERE s.run_id = ?
				ORDER BY 14, 2""", run, run);
		csv(dir.resolve("warnings.csv"), WARNINGS, 3, """
				SELECT d.path, w.line_no, w.kind, w.unit_code, w.person_id, '%s'
				FROM person_warning w JOIN delivery d ON d.delivery_id = w.delivery_id
				WHERE d.run_id = ? ORDER BY w.delivery_id, w.line_no""".formatted(ReasonLabel.UNKNOWN_PERSON.code()), run);
		csv(dir.resolve("coverage.csv"), COVERAGE, 3, CoverageQuery.SQL);
	}

	/**
	 * Writes the query's first {@code header.length - 1} columns and, last, the Chinese word of the
	 * kind code in column {@code kindAt} (1-based).
	 */
	private void csv(Path file, String[] header, int kindAt, String sql, Object... args) throws IOException {
		int columns = header.length - 1;
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write('\uFEFF');
			CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(header).get().print(out);
			this.jdbc.query(sql, (RowCallbackHandler) (rs) -> printRow(printer, rs, columns, kindAt), args);
			printer.flush();
		}
	}

	private static void printRow(CSVPrinter printer, ResultSet rs, int columns, int kindAt) throws SQLException {
		try {
			for (int i = 1; i <= columns; i++) {
				Object v = rs.getObject(i);
				printer.print(v instanceof String s ? SpreadsheetText.neutralize(s) : v);
			}
			printer.print(Kind.chinese(rs.getString(kindAt)));
			printer.println();
		}
		catch (IOException ex) {
			throw new SQLException("cannot write data-quality CSV: " + ex.getMessage(), ex);
		}
	}

}
