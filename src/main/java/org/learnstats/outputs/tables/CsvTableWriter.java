package org.learnstats.outputs.tables;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.learnstats.outputs.tables.WideTable.UnitRow;

/**
 * A wide table as CSV: UTF-8 with a BOM (so Excel reads the Chinese right), CRLF, RFC 4180
 * quoting, text neutralized for spreadsheets, values as plain decimals (rates as fractions,
 * like indicators.csv), an empty cell where the indicator has no value.
 */
final class CsvTableWriter {

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

	private CsvTableWriter() {
	}

	/** The CSV's bytes (the part fingerprints them before it decides to write them). */
	static byte[] bytes(WideTable table) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
		try (Writer out = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
				CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
			out.write('\uFEFF');
			List<String> header = new ArrayList<>(WideTable.FIXED_HEADERS);
			table.periods().forEach((p) -> header.add(p.toString()));
			csv.printRecord(header);
			List<String> record = new ArrayList<>(header.size());
			for (UnitRow row : table.rows()) {
				record.clear();
				record.add(SpreadsheetText.neutralize(row.code()));
				record.add(SpreadsheetText.neutralize(row.name()));
				record.add(Integer.toString(row.depth()));
				for (int c = 0; c < table.periods().size(); c++) {
					record.add(WideTable.plain(table.value(c, row.code())));
				}
				csv.printRecord(record);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

}
