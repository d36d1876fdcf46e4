package org.learnstats.vocabulary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reported period (spec section 1) as written in {@code indicators.csv}: month
 * {@code 2025-07}, quarter {@code 2025-Q3} or year {@code 2025}. The one period type of the
 * programme: the indicators, the tables, the charts, the dashboard and the pack step, parse and
 * label periods with it.
 *
 * @param granularity {@code 'M'}, {@code 'Q'} or {@code 'Y'}
 * @param year the calendar year
 * @param index the month (1-12), the quarter (1-4), or 1 for a year
 */
public record Period(char granularity, int year, int index) implements Comparable<Period> {

	private static final Pattern TEXT = Pattern.compile("(\\d{4})(?:-(?:(\\d{2})|Q([1-4])))?");

	public static Period of(LocalDate day, char granularity) {
		return switch (granularity) {
			case 'M' -> new Period('M', day.getYear(), day.getMonthValue());
			case 'Q' -> new Period('Q', day.getYear(), (day.getMonthValue() + 2) / 3);
			case 'Y' -> new Period('Y', day.getYear(), 1);
			default -> throw new IllegalArgumentException("granularity " + granularity);
		};
	}

	/**
	 * The latest period of a granularity that has ended by D: the one holding D when D is its last
	 * day, else the one before it.
	 */
	public static Period latestClosed(LocalDate asOf, char granularity) {
		Period p = of(asOf, granularity);
		return p.closedBy(asOf) ? p : p.previous();
	}

	/** Parses {@code 2025-07}, {@code 2025-Q3} or {@code 2025}; {@code null} for anything else. */
	public static Period parse(String text) {
		Matcher m = TEXT.matcher(text == null ? "" : text.trim());
		if (!m.matches()) {
			return null;
		}
		int year = Integer.parseInt(m.group(1));
		if (m.group(2) != null) {
			int month = Integer.parseInt(m.group(2));
			return (month >= 1 && month <= 12) ? new Period('M', year, month) : null;
		}
		if (m.group(3) != null) {
			return new Period('Q', year, Integer.parseInt(m.group(3)));
		}
		return new Period('Y', year, 1);
	}

	/** Every period of one granularity from the one holding {@code from} to the one holding {@code to}. */
	public static List<Period> range(LocalDate from, LocalDate to, char granularity) {
		List<Period> out = new ArrayList<>();
		Period last = of(to, granularity);
		for (Period p = of(from, granularity); p.compareTo(last) <= 0; p = p.next()) {
			out.add(p);
		}
		return out;
	}

	public LocalDate first() {
		return switch (this.granularity) {
			case 'M' -> LocalDate.of(this.year, this.index, 1);
			case 'Q' -> LocalDate.of(this.year, this.index * 3 - 2, 1);
			default -> LocalDate.of(this.year, 1, 1);
		};
	}

	/** Its last day. */
	public LocalDate last() {
		return next().first().minusDays(1);
	}

	/** Whether it has ended by D (D on or after its last day). */
	public boolean closedBy(LocalDate asOf) {
		return !asOf.isBefore(last());
	}

	/** Its end (spec section 1): its last day, or D when D falls inside it. */
	public LocalDate end(LocalDate asOf) {
		LocalDate last = last();
		return last.isAfter(asOf) ? asOf : last;
	}

	/** Its granularity as a word of the vocabulary. */
	public Granularity unit() {
		return Granularity.of(this.granularity);
	}

	public Period previous() {
		return switch (this.granularity) {
			case 'M' -> (this.index == 1) ? new Period('M', this.year - 1, 12) : new Period('M', this.year, this.index - 1);
			case 'Q' -> (this.index == 1) ? new Period('Q', this.year - 1, 4) : new Period('Q', this.year, this.index - 1);
			default -> new Period('Y', this.year - 1, 1);
		};
	}

	public Period next() {
		return switch (this.granularity) {
			case 'M' -> (this.index == 12) ? new Period('M', this.year + 1, 1) : new Period('M', this.year, this.index + 1);
			case 'Q' -> (this.index == 4) ? new Period('Q', this.year + 1, 1) : new Period('Q', this.year, this.index + 1);
			default -> new Period('Y', this.year + 1, 1);
		};
	}

	/** The Chinese reading of the period: 2025年7月, 2025年第3季度, 2025年. */
	public String label() {
		return switch (this.granularity) {
			case 'M' -> this.year + "年" + this.index + "月";
			case 'Q' -> this.year + "年第" + this.index + "季度";
			default -> this.year + "年";
		};
	}

	@Override
	public int compareTo(Period other) {
		int c = Character.compare(this.granularity, other.granularity);
		if (c == 0) {
			c = Integer.compare(this.year, other.year);
		}
		return (c == 0) ? Integer.compare(this.index, other.index) : c;
	}

	@Override
	public String toString() {
		return switch (this.granularity) {
			case 'M' -> this.year + ((this.index < 10) ? "-0" : "-") + this.index;
			case 'Q' -> this.year + "-Q" + this.index;
			default -> String.valueOf(this.year);
		};
	}

}
