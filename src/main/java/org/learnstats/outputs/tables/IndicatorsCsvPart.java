package org.learnstats.outputs.tables;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.learnstats.indicators.IndicatorNumbers;
import org.learnstats.indicators.Ordinal;
import org.learnstats.indicators.PeriodChanges;
import org.learnstats.outputs.Fingerprints;
import org.learnstats.outputs.OutputContext;
import org.learnstats.outputs.OutputPart;
import org.learnstats.readmodel.IndicatorValueReader;
import org.springframework.stereotype.Component;

/**
 * Writes {@code indicators.csv} (spec section 3.1) from {@code indicator_value}: UTF-8 without BOM,
 * LF line ends, header {@code period,unit_code,indicator,numerator,denominator,value}, sorted by
 * period, unit_code and indicator in ordinal (code point) order whatever the database collation.
 * <p>
 * One period is read and sorted at a time, so memory is bounded by units × indicators of a single
 * period, however many periods the store covers. The value is computed here from numerator and
 * denominator with {@link IndicatorNumbers#value}, never taken from a database division.
 */
@Component
public class IndicatorsCsvPart implements OutputPart {

	public static final String FILE = "indicators.csv";

	/** Where each period's lines are ({@link PeriodBlocks}), beside the file. */
	static final String BLOCKS = ".indicators.csv.periods";

	static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

	/** The code that formats a period's lines: published lines are copied only when it is the same. */
	private static final String VERSION = "indicators-csv-1 " + Fingerprints.digest(
			Fingerprints.ofClass(IndicatorsCsvPart.class, "IndicatorsCsvPart"),
			Fingerprints.ofClass(IndicatorNumbers.class, "IndicatorNumbers"),
			Fingerprints.ofClass(SpreadsheetText.class, "SpreadsheetText"),
			Fingerprints.ofClass(CSVPrinter.class, "CSVPrinter"));

	private static final Comparator<Row> ORDER = Comparator.comparing(Row::unitCode, Ordinal.ORDER)
		.thenComparing(Row::indicator, Ordinal.ORDER);

	private static final Log logger = LogFactory.getLog(IndicatorsCsvPart.class);

	@Override
	public List<String> files() {
		return List.of(FILE, BLOCKS);
	}

	/**
	 * Period after period: the lines of a period whose values the refreshes have not recomputed
	 * since the published file was written are copied from it, the others read and formatted.
	 */
	@Override
	public void write(OutputContext context) throws IOException {
		IndicatorValueReader values = context.read().values();
		PeriodChanges changes = context.read().periodChanges();
		List<String> periods = new ArrayList<>(values.periods());
		periods.sort(Ordinal.ORDER);
		Path previous = (context.previous() == null) ? null : context.previous().resolve(FILE);
		PeriodBlocks published = (previous == null) ? PeriodBlocks.NONE
				: PeriodBlocks.of(previous, context.previous().resolve(BLOCKS), VERSION, context.runId());
		PeriodBlocks written = PeriodBlocks.writing(VERSION);
		int copied = 0;
		try (FileChannel out = FileChannel.open(context.dir().resolve(FILE), StandardOpenOption.CREATE_NEW,
				StandardOpenOption.WRITE);
				FileChannel in = published.isEmpty() ? null : FileChannel.open(previous, StandardOpenOption.READ)) {
			write(out, lines((csv) -> csv.printRecord("period", "unit_code", "indicator", "numerator", "denominator",
					"value")));
			for (String period : periods) {
				long stamp = changes.lastChange(List.of(period));
				long offset = out.position();
				PeriodBlocks.Block block = published.unchanged(period, stamp);
				if (block != null) {
					copy(in, block, out);
					copied++;
				}
				else {
					write(out, lines((csv) -> print(csv, period, values)));
				}
				written.add(period, stamp, offset, out.position() - offset);
			}
			written.save(context.dir().resolve(BLOCKS), context.runId(), out.position());
		}
		logger.info("indicators.csv: " + periods.size() + " periods (" + copied + " unchanged and copied)");
	}

	private static void print(CSVPrinter csv, String period, IndicatorValueReader values) throws IOException {
		List<Row> rows = new ArrayList<>();
		values.ofPeriod(period, (v) -> rows.add(new Row(v.unitCode(), v.indicator(), v.numerator(), v.denominator())));
		rows.sort(ORDER);
		for (Row row : rows) {
			csv.printRecord(period, SpreadsheetText.neutralize(row.unitCode()), row.indicator(),
					IndicatorNumbers.plain(row.numerator()), IndicatorNumbers.plain(row.denominator()),
					IndicatorNumbers.plain(IndicatorNumbers.value(row.numerator(), row.denominator())));
		}
	}

	private interface Lines {

		void print(CSVPrinter csv) throws IOException;

	}

	private static byte[] lines(Lines lines) throws IOException {
		StringBuilder text = new StringBuilder();
		try (CSVPrinter csv = new CSVPrinter(text, FORMAT)) {
			lines.print(csv);
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void write(FileChannel out, byte[] bytes) throws IOException {
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		while (buffer.hasRemaining()) {
			out.write(buffer);
		}
	}

	private static void copy(FileChannel in, PeriodBlocks.Block block, FileChannel out) throws IOException {
		long done = 0;
		while (done < block.length()) {
			long n = in.transferTo(block.offset() + done, block.length() - done, out);
			if (n <= 0) {
				throw new IOException("indicators.csv of the published folder ended before its manifest said");
			}
			done += n;
		}
	}

	private record Row(String unitCode, String indicator, BigDecimal numerator, BigDecimal denominator) {
	}

}
