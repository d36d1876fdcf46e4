package org.learnstats.outputs.tables;

/**
 * Text bound for a CSV or XLSX cell. A spreadsheet reads a cell starting with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return as a formula (CSV injection), so
 * such text is prefixed with a single quote and always reads as the text it is. Numbers are
 * not text: write them as numbers (a negative number cell is harmless).
 */
public final class SpreadsheetText {

	private SpreadsheetText() {
	}

	/** The text, prefixed with {@code '} when a spreadsheet would run it; {@code null} stays {@code null}. */
	public static String neutralize(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		return switch (text.charAt(0)) {
			case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
			default -> text;
		};
	}

}
