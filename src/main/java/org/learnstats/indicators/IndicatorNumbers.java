package org.learnstats.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How indicator numbers are computed and written (spec section 3 and 3.1): a rate's value is
 * numerator / denominator rounded half-up to 4 decimals, a count's value its numerator; numbers
 * are plain decimals without exponent, grouping or trailing zeros.
 */
public final class IndicatorNumbers {

	private IndicatorNumbers() {
	}

	/** The value of an indicator row: numerator for a count (no denominator), else the rounded rate. */
	public static BigDecimal value(BigDecimal numerator, BigDecimal denominator) {
		if (denominator == null) {
			return numerator;
		}
		return numerator.divide(denominator, 4, RoundingMode.HALF_UP);
	}

	/**
	 * {@code 12}, {@code 0}, {@code 0.5}, {@code 36.25}; empty for {@code null}: the number without
	 * trailing zeros after the point ({@code 1.50} and {@code 1.5} alike), what
	 * {@code stripTrailingZeros().toPlainString()} gives, cut from the text: stripping divides the
	 * unscaled value by ten until it cannot, which for the store's long decimals was a tenth of a
	 * pack's time (its fingerprint writes every value it shows).
	 */
	public static String plain(BigDecimal number) {
		if (number == null) {
			return "";
		}
		if (number.signum() == 0) {
			return "0";
		}
		String text = number.toPlainString();
		return (number.scale() <= 0) ? text : withoutTrailingZeros(text);
	}

	/**
	 * The number a decimal column's text holds, without trailing zeros: what
	 * {@code new BigDecimal(text).stripTrailingZeros()} gives, {@code null} for {@code null}. The
	 * zeros after the point are cut from the text first, so a value of the store's long decimals
	 * (scale 18, past a {@code long}) is parsed small and never divided: reading it with
	 * {@code getBigDecimal} and stripping divided a 20-digit integer by ten eighteen times: for the
	 * 260,000 members of a province's pace populations and the rows of its restricted lists, a third
	 * of the 2.2 GB those lists allocated in a January delta.
	 */
	public static BigDecimal parse(String text) {
		if (text == null) {
			return null;
		}
		boolean plain = text.indexOf('.') >= 0 && text.indexOf('E') < 0 && text.indexOf('e') < 0;
		return new BigDecimal(plain ? withoutTrailingZeros(text) : text).stripTrailingZeros();
	}

	/** A plain decimal's text with a point, without the zeros after it (and the point, if nothing is left). */
	private static String withoutTrailingZeros(String text) {
		int end = text.length();
		while (text.charAt(end - 1) == '0') {
			end--;
		}
		if (text.charAt(end - 1) == '.') {
			end--;
		}
		return text.substring(0, end);
	}

}
