package org.learnstats.outputs.charts;

import java.time.LocalDate;

/** Period ids of indicator_value ({@code 2025-07}, {@code 2025-Q3}, {@code 2025}) as readers see them. */
final class Periods {

	private Periods() {
	}

	/** 'M', 'Q' or 'Y'. */
	static char granularity(String period) {
		if (period.length() == 4) {
			return 'Y';
		}
		return (period.indexOf('Q') >= 0) ? 'Q' : 'M';
	}

	/** "月度", "季度" or "年度", for titles. */
	static String adjective(char granularity) {
		return switch (granularity) {
			case 'M' -> "月度";
			case 'Q' -> "季度";
			default -> "年度";
		};
	}

	/** The axis label of a period axis. */
	static String axisLabel(char granularity) {
		return switch (granularity) {
			case 'M' -> "月份";
			case 'Q' -> "季度";
			default -> "年份";
		};
	}

	/** The quarter holding a day, e.g. {@code 2025-Q3}. */
	static String quarterOf(LocalDate day) {
		return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
	}

}
