package org.learnstats.outputs.tables;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.learnstats.outputs.tables.WideTable.UnitRow;
import org.learnstats.vocabulary.Period;

/**
 * A wide table as CSV: UTF-8 with a BOM (so Excel reads the Chinese right), CRLF, RFC 4180
 * quoting, text neutralized for spreadsheets, values as plain decimals (rates as fractions,
 * like indicators.csv), an empty cell where the indicator has no value.
 */
final class CsvTableWriter {

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

	private CsvTableWriter() {
	}

	static void write(WideTable table, Path file) throws IOException {
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
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
				for (Period p : table.periods()) {
					record.add(WideTable.plain(table.value(p, row.code())));
				}
				csv.printRecord(record);
			}
		}
	}

}
