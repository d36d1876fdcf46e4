package org.learnstats.outputs.pack;

import java.math.BigDecimal;
import java.util.List;

/**
 * One table of the pack's ZIP, written as CSV and as a sheet of the workbook. Cells are text
 * ({@link String}), whole numbers ({@link Long}, {@link Integer}), {@link Num numbers with a
 * display format}, or {@code null} (empty).
 *
 * @param name the file name without extension
 * @param sheet the sheet's Chinese name
 */
record PackTable(String name, String sheet, List<String> headers, List<List<Object>> rows) {

	/** How a number displays in the workbook (the CSV holds the plain value). */
	enum Format {

		PERCENT("0.0%"), DECIMAL1("0.0"), DECIMAL2("0.00"), WHOLE("0");

		final String excel;

		Format(String excel) {
			this.excel = excel;
		}

	}

	record Num(BigDecimal value, Format format) {
	}

}
