package org.learnstats.outputs.pack;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar quarter, written {@code 2025-Q3} as in indicators.csv.
 */
record Quarter(int year, int number) implements Comparable<Quarter> {

	private static final Pattern ID = Pattern.compile("(\\d{4})-Q([1-4])");

	private static final String[] CHINESE = { "一", "二", "三", "四" };

	Quarter {
		if (number < 1 || number > 4) {
			throw new IllegalArgumentException("quarter number " + number);
		}
	}

	static Quarter parse(String id) {
		Matcher m = ID.matcher(id == null ? "" : id.trim());
		if (!m.matches()) {
			throw new IllegalArgumentException("not a quarter (expected e.g. 2025-Q3): " + id);
		}
		return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
	}

	static Quarter of(LocalDate day) {
		return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
	}

	String id() {
		return this.year + "-Q" + this.number;
	}

	/** "2025年第三季度". */
	String label() {
		return this.year + "年第" + CHINESE[this.number - 1] + "季度";
	}

	/** Short label for chart axes: "2025年Q3". */
	String axisLabel() {
		return this.year + "年Q" + this.number;
	}

	LocalDate firstDay() {
		return LocalDate.of(this.year, this.number * 3 - 2, 1);
	}

	LocalDate lastDay() {
		LocalDate firstOfLastMonth = LocalDate.of(this.year, this.number * 3, 1);
		return firstOfLastMonth.withDayOfMonth(firstOfLastMonth.lengthOfMonth());
	}

	/** Closed on D when D is on or after its last day. */
	boolean closedOn(LocalDate asOf) {
		return !asOf.isBefore(lastDay());
	}

	Quarter previous() {
		return this.number == 1 ? new Quarter(this.year - 1, 4) : new Quarter(this.year, this.number - 1);
	}

	Quarter next() {
		return this.number == 4 ? new Quarter(this.year + 1, 1) : new Quarter(this.year, this.number + 1);
	}

	Quarter sameQuarterLastYear() {
		return new Quarter(this.year - 1, this.number);
	}

	/** The last year that has ended by this quarter's last day. */
	int lastClosedYear() {
		return this.number == 4 ? this.year : this.year - 1;
	}

	@Override
	public int compareTo(Quarter other) {
		return Integer.compare(this.year * 4 + this.number, other.year * 4 + other.number);
	}

	@Override
	public String toString() {
		return id();
	}

}
