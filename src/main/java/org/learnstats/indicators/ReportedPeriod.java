package org.learnstats.indicators;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.learnstats.vocabulary.Period;

/**
 * One reported period (spec section 1): month {@code 2025-07}, quarter {@code 2025-Q3} or year
 * {@code 2025}, with what the refresh's SQL needs of it as of D (the calendar is the vocabulary's
 * {@link Period}).
 *
 * @param id the period as written in indicators.csv
 * @param granularity M, Q or Y
 * @param start its first day
 * @param last its last day
 * @param end its end: the last day, or D when D falls inside it
 * @param year its year
 * @param quarter the quarter number (Q), 4 (Y) or 0 (M)
 */
record ReportedPeriod(String id, char granularity, LocalDate start, LocalDate last, LocalDate end, int year,
		int quarter) {

	/** Whether the period has ended by D (D on or after its last day). */
	boolean closedBy(LocalDate asOf) {
		return !asOf.isBefore(this.last);
	}

	/** The months it covers, up to D's month. */
	List<YearMonth> months() {
		return monthsBetween(YearMonth.from(this.start), YearMonth.from(this.end));
	}

	/** The months from January of its year up to its end's month (year to date). */
	List<YearMonth> monthsToDate() {
		return monthsBetween(YearMonth.of(this.year, 1), YearMonth.from(this.end));
	}

	static int ym(YearMonth month) {
		return month.getYear() * 100 + month.getMonthValue();
	}

	/** Every month, quarter and year from the ones holding {@code first} to the ones holding D. */
	static List<ReportedPeriod> between(LocalDate first, LocalDate asOf) {
		if (first.isAfter(asOf)) {
			first = asOf;
		}
		List<ReportedPeriod> periods = new ArrayList<>();
		for (char granularity : new char[] { 'M', 'Q', 'Y' }) {
			for (Period p : Period.range(first, asOf, granularity)) {
				int quarter = switch (granularity) {
					case 'Q' -> p.index();
					case 'Y' -> 4;
					default -> 0;
				};
				periods.add(new ReportedPeriod(p.toString(), granularity, p.first(), p.last(), p.end(asOf), p.year(),
						quarter));
			}
		}
		return periods;
	}

	private static List<YearMonth> monthsBetween(YearMonth from, YearMonth to) {
		List<YearMonth> months = new ArrayList<>();
		for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
			months.add(m);
		}
		return months;
	}

}
