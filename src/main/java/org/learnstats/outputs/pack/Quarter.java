package org.learnstats.outputs.pack;

import java.time.LocalDate;

import org.learnstats.vocabulary.Period;

/**
 * A calendar quarter, written {@code 2025-Q3} as in indicators.csv: the pack's view of the
 * vocabulary's {@link Period} (its calendar comes from there), with the pack's own readings
 * (2025年第三季度, 2025年Q3).
 */
record Quarter(int year, int number) implements Comparable<Quarter> {

	private static final String[] CHINESE = { "一", "二", "三", "四" };

	Quarter {
		if (number < 1 || number > 4) {
			throw new IllegalArgumentException("quarter number " + number);
		}
	}

	static Quarter parse(String id) {
		Period period = Period.parse(id);
		if (period == null || period.granularity() != 'Q') {
			throw new IllegalArgumentException("not a quarter (expected e.g. 2025-Q3): " + id);
		}
		return of(period);
	}

	static Quarter of(LocalDate day) {
		return of(Period.of(day, 'Q'));
	}

	private static Quarter of(Period period) {
		return new Quarter(period.year(), period.index());
	}

	/** The vocabulary's period this quarter is. */
	Period period() {
		return new Period('Q', this.year, this.number);
	}

	String id() {
		return period().toString();
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
		return period().first();
	}

	LocalDate lastDay() {
		return period().last();
	}

	/** Closed on D when D is on or after its last day. */
	boolean closedOn(LocalDate asOf) {
		return period().closedBy(asOf);
	}

	Quarter previous() {
		return of(period().previous());
	}

	Quarter next() {
		return of(period().next());
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
		return period().compareTo(other.period());
	}

	@Override
	public String toString() {
		return id();
	}

}
