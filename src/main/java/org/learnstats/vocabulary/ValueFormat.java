package org.learnstats.vocabulary;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How an indicator's value reads, by its kind: on screen (the dashboard) and in print (the
 * pack). Rates are shares shown as percentages; means and counts are plain numbers. Rounding is
 * half up, like the values of indicators.csv; a missing value reads "—".
 */
public enum ValueFormat {

	/** A share between 0 and 1: "92.31%" on screen, "92.3%" in print. */
	RATE(2, 1, true),

	/** A mean (credits, days): two decimals on screen, one in print. */
	MEAN(2, 1, false),

	/** A mean score on the five-point scale: two decimals on screen and in print. */
	SCORE(2, 2, false),

	/** A count: whole. */
	COUNT(0, 0, false);

	public static final String MISSING = "—";

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final int screenDecimals;

	private final int printDecimals;

	private final boolean percent;

	ValueFormat(int screenDecimals, int printDecimals, boolean percent) {
		this.screenDecimals = screenDecimals;
		this.printDecimals = printDecimals;
		this.percent = percent;
	}

	/** Decimals shown on screen (of the percentage for a rate). */
	public int screenDecimals() {
		return this.screenDecimals;
	}

	/** Decimals printed (of the percentage for a rate). */
	public int printDecimals() {
		return this.printDecimals;
	}

	public boolean percent() {
		return this.percent;
	}

	/** The {@link java.text.DecimalFormat} pattern of the printed value, for chart labels: "0.0%", "0.00", "0". */
	public String printPattern() {
		String digits = (this.printDecimals == 0) ? "0" : "0." + "0".repeat(this.printDecimals);
		return this.percent ? digits + "%" : digits;
	}

	/** The value as the dashboard shows it. */
	public String screen(BigDecimal value) {
		return format(value, this.screenDecimals);
	}

	/** The value as the pack prints it. */
	public String print(BigDecimal value) {
		return format(value, this.printDecimals);
	}

	/** The number shown, in display units (percent for a rate), rounded to {@code decimals}. */
	public BigDecimal displayed(BigDecimal value, int decimals) {
		BigDecimal v = this.percent ? value.multiply(HUNDRED) : value;
		return v.setScale(decimals, RoundingMode.HALF_UP);
	}

	private String format(BigDecimal value, int decimals) {
		if (value == null) {
			return MISSING;
		}
		return displayed(value, decimals).toPlainString() + (this.percent ? "%" : "");
	}

}
