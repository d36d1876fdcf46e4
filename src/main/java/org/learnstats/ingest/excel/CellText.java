package org.learnstats.ingest.excel;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;

import org.apache.poi.ss.usermodel.DateUtil;

/**
 * How a typed cell becomes the text the export rules read. Numbers keep the 15 significant
 * digits Excel itself shows, so binary noise (1.2000000000000002) disappears, and are written
 * plainly: a whole number without a fraction (12.0 is "12", a person_id 1001.0 is "1001"), any
 * other as its exact decimal ("12.5"). Date cells become ISO dates (their time of day dropped),
 * booleans "yes" and "no".
 */
public final class CellText {

	private static final MathContext EXCEL_DIGITS = new MathContext(15);

	private CellText() {
	}

	public static String number(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return Double.toString(value);
		}
		BigDecimal v = new BigDecimal(Double.toString(value)).round(EXCEL_DIGITS).stripTrailingZeros();
		return v.signum() == 0 ? "0" : v.toPlainString();
	}

	/** A number cell's raw text as the sheet XML stores it. */
	static String number(String raw) {
		try {
			return number(Double.parseDouble(raw));
		}
		catch (NumberFormatException ex) {
			return raw;
		}
	}

	/** A date cell's serial number as an ISO date; a number that is no valid Excel date stays a number. */
	public static String date(double serial, boolean date1904) {
		if (!DateUtil.isValidExcelDate(serial)) {
			return number(serial);
		}
		LocalDateTime t = DateUtil.getLocalDateTime(serial, date1904);
		return t == null ? number(serial) : t.toLocalDate().toString();
	}

	public static String bool(boolean value) {
		return value ? "yes" : "no";
	}

}
