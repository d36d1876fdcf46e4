package org.learnstats.outputs.tables;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.learnstats.indicators.IndicatorNumbers;
import org.learnstats.indicators.Ordinal;
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

	static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

	private static final Comparator<Row> ORDER = Comparator.comparing(Row::unitCode, Ordinal.ORDER)
		.thenComparing(Row::indicator, Ordinal.ORDER);

	@Override
	public List<String> files() {
		return List.of(FILE);
	}

	@Override
	public void write(OutputContext context) throws IOException {
		IndicatorValueReader values = context.read().values();
		List<String> periods = new ArrayList<>(values.periods());
		periods.sort(Ordinal.ORDER);
		try (BufferedWriter out = Files.newBufferedWriter(context.dir().resolve(FILE), StandardCharsets.UTF_8);
				CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
			csv.printRecord("period", "unit_code", "indicator", "numerator", "denominator", "value");
			for (String period : periods) {
				List<Row> rows = new ArrayList<>();
				values.ofPeriod(period,
						(v) -> rows.add(new Row(v.unitCode(), v.indicator(), v.numerator(), v.denominator())));
				rows.sort(ORDER);
				for (Row row : rows) {
					csv.printRecord(period, SpreadsheetText.neutralize(row.unitCode()), row.indicator(),
							IndicatorNumbers.plain(row.numerator()), IndicatorNumbers.plain(row.denominator()),
							IndicatorNumbers.plain(IndicatorNumbers.value(row.numerator(), row.denominator())));
				}
			}
		}
	}

	private record Row(String unitCode, String indicator, BigDecimal numerator, BigDecimal denominator) {
	}

}
