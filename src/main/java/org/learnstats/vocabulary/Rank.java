package org.learnstats.vocabulary;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * The ranks of spec section 1, highest first, with their Chinese labels and the default yearly
 * targets of spec section 3 (training credits, days of field research); configuration may
 * override the targets ({@code learnstats.targets.*}).
 */
public enum Rank {

	BUREAU("bureau", "厅级", "18", "90"),

	DIVISION("division", "处级", "18", "60"),

	SECTION("section", "科级", "12", "30"),

	STAFF("staff", "科员及以下", "0", "0");

	private final String code;

	private final String chinese;

	private final BigDecimal defaultCredits;

	private final BigDecimal defaultResearchDays;

	Rank(String code, String chinese, String defaultCredits, String defaultResearchDays) {
		this.code = code;
		this.chinese = chinese;
		this.defaultCredits = new BigDecimal(defaultCredits);
		this.defaultResearchDays = new BigDecimal(defaultResearchDays);
	}

	/** The rank as the store and configuration write it: bureau, division, section, staff. */
	public String code() {
		return this.code;
	}

	public String chinese() {
		return this.chinese;
	}

	/** Training credits a year by default (spec section 3). */
	public BigDecimal defaultCredits() {
		return this.defaultCredits;
	}

	/** Days of field research a year by default (spec section 3). */
	public BigDecimal defaultResearchDays() {
		return this.defaultResearchDays;
	}

	/** The codes, highest rank first. */
	public static List<String> codes() {
		return Arrays.stream(values()).map(Rank::code).toList();
	}

	/** The rank of a code, or {@code null} for null or an unknown code. */
	public static Rank of(String code) {
		for (Rank rank : values()) {
			if (rank.code.equals(code)) {
				return rank;
			}
		}
		return null;
	}

	/** The Chinese label of a code; the code itself when unknown. */
	public static String chinese(String code) {
		Rank rank = of(code);
		return (rank != null) ? rank.chinese : code;
	}

}
