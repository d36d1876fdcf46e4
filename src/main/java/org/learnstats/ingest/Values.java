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

	/** A decimal: an optional sign, digits, and optionally '.' followed by digits. */
	public static BigDecimal decimal(String text) {
		int i = signEnd(text);
		int digits = countDigits(text, i);
		if (digits == 0) {
			return null;
		}
		int j = i + digits;
		if (j < text.length()) {
			if (text.charAt(j) != '.') {
				return null;
			}
			int fraction = countDigits(text, j + 1);
			if (fraction == 0 || j + 1 + fraction != text.length()) {
				return null;
			}
		}
		return new BigDecimal(text.charAt(0) == '+' ? text.substring(1) : text);
	}

	/** An integer: an optional sign and digits; a fraction (any '.') is not an integer. */
	public static Long integer(String text) {
		int i = signEnd(text);
		int digits = countDigits(text, i);
		if (digits == 0 || i + digits != text.length() || digits > 18) {
			return null;
		}
		return Long.parseLong(text.charAt(0) == '+' ? text.substring(1) : text);
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
