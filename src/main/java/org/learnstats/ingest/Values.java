package org.learnstats.ingest;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Reading of single values as spec section 2 defines them. Every method returns null when the
 * text is not a valid value of its type; callers turn that into the matching reason.
 */
public final class Values {

	/** Codes are 1 to 64 characters after trimming. */
	public static final int MAX_CODE_LENGTH = 64;

	private Values() {
	}

	/**
	 * A date in one of the accepted styles: 2025-03-05, 2025/3/5, 2025.3.5, 2025年3月5日, 20250305.
	 * Returns null when the text is no date or an impossible one (2025-02-30).
	 */
	public static LocalDate date(String text) {
		int n = text.length();
		if (n == 8 && allDigits(text, 0, 8)) {
			return of(num(text, 0, 4), num(text, 4, 6), num(text, 6, 8));
		}
		if (n < 8 || !allDigits(text, 0, 4)) {
			return null;
		}
		char sep = text.charAt(4);
		if (sep == '-' || sep == '/' || sep == '.') {
			int second = text.indexOf(sep, 5);
			if (second < 0 || text.indexOf(sep, second + 1) >= 0) {
				return null;
			}
			return ymd(text, 5, second, second + 1, n);
		}
		if (sep == '年' && text.charAt(n - 1) == '日') {
			int month = text.indexOf('月', 5);
			if (month < 0) {
				return null;
			}
			return ymd(text, 5, month, month + 1, n - 1);
		}
		return null;
	}

	private static LocalDate ymd(String text, int mFrom, int mTo, int dFrom, int dTo) {
		int mLen = mTo - mFrom;
		int dLen = dTo - dFrom;
		if (mLen < 1 || mLen > 2 || dLen < 1 || dLen > 2 || !allDigits(text, mFrom, mTo)
				|| !allDigits(text, dFrom, dTo)) {
			return null;
		}
		return of(num(text, 0, 4), num(text, mFrom, mTo), num(text, dFrom, dTo));
	}

	private static LocalDate of(int year, int month, int day) {
		try {
			return LocalDate.of(year, month, day);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/**
	 * The store keeps numbers as NUMERIC(38,18): at most 20 digits before the point and 18 after.
	 * A number with more is not rounded into it but refused ({@link #fitsStore}).
	 */
	public static final int STORE_INTEGER_DIGITS = 20;

	public static final int STORE_FRACTION_DIGITS = 18;

	/** A decimal: an optional sign, digits, and optionally '.' followed by digits; else null. */
	public static BigDecimal decimal(String text) {
		return isDecimal(text) ? number(text) : null;
	}

	/** An integer: an optional sign and digits (a fraction, any '.', is not an integer); else null. */
	public static BigDecimal integer(String text) {
		return isInteger(text) ? number(text) : null;
	}

	/** Whether the text is a decimal: an optional sign, digits, and optionally '.' followed by digits. */
	public static boolean isDecimal(String text) {
		int i = signEnd(text);
		int digits = countDigits(text, i);
		if (digits == 0) {
			return false;
		}
		int j = i + digits;
		if (j == text.length()) {
			return true;
		}
		int fraction = text.charAt(j) == '.' ? countDigits(text, j + 1) : 0;
		return fraction > 0 && j + 1 + fraction == text.length();
	}

	/** Whether the text is an integer: an optional sign and digits. */
	public static boolean isInteger(String text) {
		int i = signEnd(text);
		int digits = countDigits(text, i);
		return digits > 0 && i + digits == text.length();
	}

	/**
	 * Whether a number (one {@link #isDecimal} accepts) is held exactly by the store: at most
	 * {@value #STORE_INTEGER_DIGITS} digits before the point (leading zeros aside) and
	 * {@value #STORE_FRACTION_DIGITS} after it (trailing zeros aside). Reads the text only, so a
	 * number of a hundred thousand digits costs no more than its length.
	 */
	public static boolean fitsStore(String text) {
		int i = signEnd(text);
		while (i < text.length() - 1 && text.charAt(i) == '0' && text.charAt(i + 1) != '.') {
			i++;
		}
		int point = text.indexOf('.', i);
		int end = text.length();
		if (point < 0) {
			return end - i <= STORE_INTEGER_DIGITS;
		}
		while (end > point + 1 && text.charAt(end - 1) == '0') {
			end--;
		}
		return point - i <= STORE_INTEGER_DIGITS && end - point - 1 <= STORE_FRACTION_DIGITS;
	}

	/**
	 * The value of a number {@link #fitsStore} accepts, exactly. Leading and trailing zeros are
	 * dropped before parsing, so their number costs nothing.
	 */
	public static BigDecimal number(String text) {
		boolean minus = text.charAt(0) == '-';
		int from = signEnd(text);
		while (from < text.length() - 1 && text.charAt(from) == '0' && text.charAt(from + 1) != '.') {
			from++;
		}
		int to = text.length();
		if (text.indexOf('.', from) >= 0) {
			while (text.charAt(to - 1) == '0') {
				to--;
			}
			if (text.charAt(to - 1) == '.') {
				to--;
			}
		}
		BigDecimal v = new BigDecimal(text.substring(from, to));
		return minus ? v.negate() : v;
	}

	/** yes/no/y/n/true/false/1/0/是/否 in any letter case; null for anything else. */
	public static Boolean yesNo(String text) {
		switch (text.toLowerCase(Locale.ROOT)) {
			case "yes", "y", "true", "1", "是":
				return Boolean.TRUE;
			case "no", "n", "false", "0", "否":
				return Boolean.FALSE;
			default:
				return null;
		}
	}

	/** Whether a trimmed code has an allowed length. */
	public static boolean codeLengthOk(String code) {
		int len = code.codePointCount(0, code.length());
		return len >= 1 && len <= MAX_CODE_LENGTH;
	}

	/** Trims surrounding white space, full-width spaces included. */
	public static String trim(String text) {
		return text.strip();
	}

	private static int signEnd(String text) {
		return !text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-') ? 1 : 0;
	}

	private static int countDigits(String text, int from) {
		int i = from;
		while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
			i++;
		}
		return i - from;
	}

	private static boolean allDigits(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	private static int num(String text, int from, int to) {
		int v = 0;
		for (int i = from; i < to; i++) {
			v = v * 10 + (text.charAt(i) - '0');
		}
		return v;
	}

}
