package org.learnstats.outputs.quality;

/** Text that a spreadsheet would run as a formula gets a leading apostrophe. */
final class SpreadsheetSafe {

	private SpreadsheetSafe() {
	}

	static String text(String s) {
		if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
			return "'" + s;
		}
		return s;
	}

}
