package org.learnstats.vocabulary;

import java.time.LocalDate;

/** A day as the programme's readers write it: {@code 2025年7月1日}. */
public final class ChineseDate {

	private ChineseDate() {
	}

	public static String of(LocalDate day) {
		return day.getYear() + "年" + monthDay(day);
	}

	/** The day within its year: {@code 7月1日}. */
	public static String monthDay(LocalDate day) {
		return day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
	}

}
