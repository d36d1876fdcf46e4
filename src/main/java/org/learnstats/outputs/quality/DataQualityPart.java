package org.learnstats.outputs.quality;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.learnstats.outputs.OutputContext;
import org.learnstats.outputs.OutputPart;
import org.learnstats.outputs.Restricted;
import org.learnstats.outputs.tables.SpreadsheetText;
import org.learnstats.readmodel.ReadModel;
import org.learnstats.readmodel.RowHandler;
import org.learnstats.readmodel.RunDeliveries;
import org.learnstats.store.UnitForest;
import org.learnstats.vocabulary.Kind;
import org.springframework.stereotype.Component;

/**
 * Writes {@code data-quality/}: the reject ledger of this run's deliveries ({@code rejects.csv}: file,
 * line, kind, unit, reason, detail in Chinese, then the detail in English; the raw text of the rows,
 * which carries names, goes to {@code restricted/rejected_rows.csv}),
 * the per-file accounting ({@code files.csv}, re-deliveries included), the UNKNOWN_PERSON
 * warnings ({@code warnings.csv}) and which units delivered which kind for which month
 * ({@code coverage.csv}, over the whole store). Each file names the kind by its code and, in its
 * last column {@code kind_name}, by its Chinese word (vocabulary {@link Kind}). CSV in UTF-8 with a
 * BOM, so spreadsheet programs show Chinese; text that a spreadsheet could run is neutralized. All of
 * it is read from the run's read model.
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

	@Override
	public List<String> files() {
		return List.of("data-quality", Restricted.DIR + "/" + REJECTED_ROWS);
	}

	@Override
	public void write(OutputContext context) throws IOException {
		Path dir = Files.createDirectories(context.dir().resolve("data-quality"));
		long run = context.runId();
		RunDeliveries deliveries = context.read().deliveries();
		csv(dir.resolve("rejects.csv"), REJECTS, 3, (rows) -> deliveries.rejects(run, rows));
		Path restricted = Restricted.dir(context);
		csv(restricted.resolve(REJECTED_ROWS), REJECTED_ROWS_HEADER, 3, (rows) -> deliveries.rejectedRows(run, rows));
		Restricted.seal(restricted.resolve(REJECTED_ROWS));
		csv(dir.resolve("files.csv"), FILES, 4, (rows) -> deliveries.files(run, rows));
		csv(dir.resolve("warnings.csv"), WARNINGS, 3, (rows) -> deliveries.warnings(run, rows));
		csv(dir.resolve("coverage.csv"), COVERAGE, 3, (rows) -> coverage(context.read(), rows));
	}

	/**
	 * The store's rows by unit, kind and month (the read model's one reading of them, which the
	 * dashboard's grid shares): unit, its name (null: not in the store), kind, yyyy-MM, rows; by
	 * month, kind and unit.
	 */
	private static void coverage(ReadModel read, RowHandler rows) throws IOException {
		UnitForest forest = read.forest();
		List<ReadModel.EventMonth> months = new ArrayList<>(read.eventMonths());
		months.sort(Comparator.comparingInt(ReadModel.EventMonth::year)
			.thenComparingInt(ReadModel.EventMonth::month)
			.thenComparing(ReadModel.EventMonth::kind)
			.thenComparing(ReadModel.EventMonth::unitCode));
		for (ReadModel.EventMonth e : months) {
			UnitForest.Unit unit = forest.get(e.unitCode());
			rows.row(new Object[] { e.unitCode(), (unit != null) ? unit.name() : null, e.kind(),
					e.yearMonth(), e.rows() });
		}
	}

	/**
	 * Writes the listing's first {@code header.length - 1} columns and, last, the Chinese word of the
	 * kind code in column {@code kindAt} (1-based).
	 */
	private static void csv(Path file, String[] header, int kindAt, Listing listing) throws IOException {
		int columns = header.length - 1;
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write('\uFEFF');
			CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(header).get().print(out);
			listing.rows((cells) -> printRow(printer, cells, columns, kindAt));
			printer.flush();
		}
	}

	private static void printRow(CSVPrinter printer, Object[] cells, int columns, int kindAt) throws IOException {
		for (int i = 0; i < columns; i++) {
			Object v = cells[i];
			printer.print(v instanceof String s ? SpreadsheetText.neutralize(s) : v);
		}
		Object kind = cells[kindAt - 1];
		printer.print(Kind.chinese((kind == null) ? null : kind.toString()));
		printer.println();
	}

	/** A listing that hands its rows to a handler. */
	private interface Listing {

		void rows(RowHandler rows) throws IOException;

	}

}
