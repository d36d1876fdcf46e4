package org.learnstats.vocabulary;

/**
 * The period granularities of spec section 1 with the letters indicator definitions use (M, Q,
 * Y) and the Chinese words of titles and axes.
 */
public enum Granularity {

	MONTH('M', "月度", "月份", "本月", "上月", "monthly"),

	QUARTER('Q', "季度", "季度", "本季度", "上季度", "quarterly"),

	YEAR('Y', "年度", "年份", "本年度", "上年度", "yearly");

	private final char letter;

	private final String adjective;

	private final String axisLabel;

	private final String current;

	private final String previous;

	private final String english;

	Granularity(char letter, String adjective, String axisLabel, String current, String previous, String english) {
		this.letter = letter;
		this.adjective = adjective;
		this.axisLabel = axisLabel;
		this.current = current;
		this.previous = previous;
		this.english = english;
	}

	/** M, Q or Y. */
	public char letter() {
		return this.letter;
	}

	/** "月度", "季度" or "年度", for titles. */
	public String adjective() {
		return this.adjective;
	}

	/** The label of a period axis: "月份", "季度" or "年份". */
	public String axisLabel() {
		return this.axisLabel;
	}

	/** The period holding D, as the dashboard names it: "本月", "本季度" or "本年度". */
	public String current() {
		return this.current;
	}

	/** The period before the one holding D: "上月", "上季度" or "上年度". */
	public String previous() {
		return this.previous;
	}

	/** "monthly", "quarterly" or "yearly", as file names read. */
	public String english() {
		return this.english;
	}

	/** The granularity of a letter M, Q or Y. */
	public static Granularity of(char letter) {
		for (Granularity g : values()) {
			if (g.letter == letter) {
				return g;
			}
		}
		throw new IllegalArgumentException("granularity " + letter);
	}

	/** The granularity of a period id as indicators.csv writes it: 2025-07, 2025-Q3, 2025. */
	public static Granularity ofPeriod(String period) {
		if (period.length() == 4) {
			return YEAR;
		}
		return (period.indexOf('Q') >= 0) ? QUARTER : MONTH;
	}

}
