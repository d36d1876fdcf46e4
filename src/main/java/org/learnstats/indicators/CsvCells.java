package org.learnstats.indicators;

/**
 * Text for a CSV or spreadsheet cell (spec section 4): text beginning with {@code =}, {@code +},
 * {@code -}, {@code @}, tab or carriage return gets a leading single quote, so a spreadsheet shows
 * it instead of running it as a formula.
 */
public final class CsvCells {

	private CsvCells() {
	}

	public static String text(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		char c = value.charAt(0);
		if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
			return "'" + value;
		}
		return value;
	}

}
