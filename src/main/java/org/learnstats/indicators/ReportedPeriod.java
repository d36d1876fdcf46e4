package org.learnstats.indicators;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * One reported period (spec section 1): month {@code 2025-07}, quarter {@code 2025-Q3} or year
 * {@code 2025}.
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
		for (YearMonth m : monthsBetween(YearMonth.from(first), YearMonth.from(asOf))) {
			periods.add(of(String.valueOf(m), 'M', m.atDay(1), m.atEndOfMonth(), asOf, m.getYear(), 0));
		}
		YearMonth q = quarterStart(YearMonth.from(first));
		while (!q.isAfter(YearMonth.from(asOf))) {
			int n = (q.getMonthValue() - 1) / 3 + 1;
			periods.add(of(q.getYear() + "-Q" + n, 'Q', q.atDay(1), q.plusMonths(2).atEndOfMonth(), asOf, q.getYear(),
					n));
			q = q.plusMonths(3);
		}
		for (int y = first.getYear(); y <= asOf.getYear(); y++) {
			periods.add(of(String.valueOf(y), 'Y', LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), asOf, y, 4));
		}
		return periods;
	}

	private static ReportedPeriod of(String id, char granularity, LocalDate start, LocalDate last, LocalDate asOf,
			int year, int quarter) {
		LocalDate end = last.isAfter(asOf) ? asOf : last;
		return new ReportedPeriod(id, granularity, start, last, end, year, quarter);
	}

	private static YearMonth quarterStart(YearMonth m) {
		return YearMonth.of(m.getYear(), (m.getMonthValue() - 1) / 3 * 3 + 1);
	}

	private static List<YearMonth> monthsBetween(YearMonth from, YearMonth to) {
		List<YearMonth> months = new ArrayList<>();
		for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
			months.add(m);
		}
		return months;
	}

}
