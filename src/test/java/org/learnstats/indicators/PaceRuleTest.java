package org.learnstats.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.learnstats.indicators.PaceRule.Capacity;
import org.learnstats.vocabulary.Pace;

/**
 * The pace rule worked by hand at the start, middle and end of a month, a quarter and a year.
 * due = floor(T × E / L); one-a-day targets cannot reach when T - done > R (days left after D).
 */
class PaceRuleTest {

	private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);

	private static final LocalDate NOV_30 = LocalDate.of(2026, 11, 30);

	private static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);

	private static final LocalDate DEC_31 = LocalDate.of(2026, 12, 31);

	private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);

	private static Pace day(String target, String done, LocalDate first, LocalDate last, String asOf) {
		return PaceRule.of(new BigDecimal(target), new BigDecimal(done), first, last, LocalDate.parse(asOf),
				Capacity.ONE_A_DAY);
	}

	private static Pace credits(String target, String done, LocalDate first, LocalDate last, String asOf) {
		return PaceRule.of(new BigDecimal(target), new BigDecimal(done), first, last, LocalDate.parse(asOf),
				Capacity.UNBOUNDED);
	}

	@Test
	void branchStudyDaysInAMonth() {
		// 1 Nov: E 1 of 30, due floor(2 × 1/30) = 0, 29 days left
		assertThat(day("2", "0", NOV_1, NOV_30, "2026-11-01")).isEqualTo(Pace.ON_TRACK);
		// 15 Nov: due floor(2 × 15/30) = 1
		assertThat(day("2", "0", NOV_1, NOV_30, "2026-11-15")).isEqualTo(Pace.BEHIND);
		assertThat(day("2", "1", NOV_1, NOV_30, "2026-11-15")).isEqualTo(Pace.ON_TRACK);
		assertThat(day("2", "2", NOV_1, NOV_30, "2026-11-15")).isEqualTo(Pace.REACHED);
		// 29 Nov: one day left cannot hold 2 missing days; 1 missing fits, due floor(58/30) = 1
		assertThat(day("2", "0", NOV_1, NOV_30, "2026-11-29")).isEqualTo(Pace.UNREACHABLE);
		assertThat(day("2", "1", NOV_1, NOV_30, "2026-11-29")).isEqualTo(Pace.ON_TRACK);
		// 28 Nov: two days left hold 2 missing, but due floor(56/30) = 1
		assertThat(day("2", "0", NOV_1, NOV_30, "2026-11-28")).isEqualTo(Pace.BEHIND);
		// the last day is the verdict
		assertThat(day("2", "1", NOV_1, NOV_30, "2026-11-30")).isEqualTo(Pace.UNREACHABLE);
	}

	@Test
	void centralGroupSessionsInAQuarter() {
		// 1 Oct: E 1 of 92, due floor(3/92) = 0
		assertThat(day("3", "0", OCT_1, DEC_31, "2026-10-01")).isEqualTo(Pace.ON_TRACK);
		// 15 Nov: E 31 + 15 = 46, due floor(3 × 46/92) = 1
		assertThat(day("3", "0", OCT_1, DEC_31, "2026-11-15")).isEqualTo(Pace.BEHIND);
		assertThat(day("3", "1", OCT_1, DEC_31, "2026-11-15")).isEqualTo(Pace.ON_TRACK);
		// the issue: 1 session, 2 more needed, 3 weeks left (10 Dec: E 71, due floor(213/92) = 2)
		assertThat(day("3", "1", OCT_1, DEC_31, "2026-12-10")).isEqualTo(Pace.BEHIND);
		// 30 Dec: 1 day left holds 1 missing session, not 2
		assertThat(day("3", "1", OCT_1, DEC_31, "2026-12-30")).isEqualTo(Pace.UNREACHABLE);
		assertThat(day("3", "2", OCT_1, DEC_31, "2026-12-30")).isEqualTo(Pace.ON_TRACK);
		assertThat(day("3", "3", OCT_1, DEC_31, "2026-12-30")).isEqualTo(Pace.REACHED);
	}

	@Test
	void creditsInAYearAreNeverOutOfReachBeforeItEnds() {
		// 1 Jan: due floor(18/365) = 0
		assertThat(credits("18", "0", JAN_1, DEC_31, "2026-01-01")).isEqualTo(Pace.ON_TRACK);
		// 2 Jul: E 183, due floor(18 × 183/365) = floor(9.02) = 9
		assertThat(credits("18", "9", JAN_1, DEC_31, "2026-07-02")).isEqualTo(Pace.ON_TRACK);
		assertThat(credits("18", "8.5", JAN_1, DEC_31, "2026-07-02")).isEqualTo(Pace.BEHIND);
		// the issue: 4 of 18 on 20 Nov: E 324, due floor(15.98) = 15
		assertThat(credits("18", "4", JAN_1, DEC_31, "2026-11-20")).isEqualTo(Pace.BEHIND);
		// 30 Dec with nothing: still behind (one course may carry 18 credits), on 31 Dec the verdict
		assertThat(credits("18", "0", JAN_1, DEC_31, "2026-12-30")).isEqualTo(Pace.BEHIND);
		assertThat(credits("18", "17", JAN_1, DEC_31, "2026-12-30")).isEqualTo(Pace.ON_TRACK);
		assertThat(credits("18", "17.9", JAN_1, DEC_31, "2026-12-31")).isEqualTo(Pace.UNREACHABLE);
		assertThat(credits("18", "18", JAN_1, DEC_31, "2026-12-31")).isEqualTo(Pace.REACHED);
	}

	@Test
	void creditsOnTrackByTheEndOfAQuarter() {
		// Q2: 9 of 18 by 30 June, paced over 1 Jan - 30 Jun (181 days); 15 May: E 135, due floor(6.71) = 6
		LocalDate jun30 = LocalDate.of(2026, 6, 30);
		assertThat(credits("9", "6", JAN_1, jun30, "2026-05-15")).isEqualTo(Pace.ON_TRACK);
		assertThat(credits("9", "5.5", JAN_1, jun30, "2026-05-15")).isEqualTo(Pace.BEHIND);
		// 1 Apr, the quarter's first day: E 91, due floor(9 × 91/181) = 4
		assertThat(credits("9", "4", JAN_1, jun30, "2026-04-01")).isEqualTo(Pace.ON_TRACK);
		assertThat(credits("9", "3", JAN_1, jun30, "2026-04-01")).isEqualTo(Pace.BEHIND);
		// 29 Jun: E 180, due floor(8.95) = 8
		assertThat(credits("9", "8", JAN_1, jun30, "2026-06-29")).isEqualTo(Pace.ON_TRACK);
	}

	@Test
	void researchDaysInAYear() {
		// 1 Jan: due floor(60/365) = 0
		assertThat(day("60", "0", JAN_1, DEC_31, "2026-01-01")).isEqualTo(Pace.ON_TRACK);
		// 2 Jul: due floor(60 × 183/365) = floor(30.08) = 30
		assertThat(day("60", "30", JAN_1, DEC_31, "2026-07-02")).isEqualTo(Pace.ON_TRACK);
		assertThat(day("60", "29", JAN_1, DEC_31, "2026-07-02")).isEqualTo(Pace.BEHIND);
		// 1 Dec: 30 days left; 29 done misses 31 > 30; 30 done misses 30 but due floor(60 × 335/365) = 55
		assertThat(day("60", "29", JAN_1, DEC_31, "2026-12-01")).isEqualTo(Pace.UNREACHABLE);
		assertThat(day("60", "30", JAN_1, DEC_31, "2026-12-01")).isEqualTo(Pace.BEHIND);
		// 30 Dec: 1 day left
		assertThat(day("60", "59", JAN_1, DEC_31, "2026-12-30")).isEqualTo(Pace.ON_TRACK);
		assertThat(day("60", "58", JAN_1, DEC_31, "2026-12-30")).isEqualTo(Pace.UNREACHABLE);
	}

	@Test
	void oneReportAYearHasNoPaceUntilTheLastDay() {
		assertThat(day("1", "0", JAN_1, DEC_31, "2026-07-02")).isEqualTo(Pace.ON_TRACK);
		assertThat(day("1", "0", JAN_1, DEC_31, "2026-12-30")).isEqualTo(Pace.ON_TRACK);
		assertThat(day("1", "0", JAN_1, DEC_31, "2026-12-31")).isEqualTo(Pace.UNREACHABLE);
	}

	@Test
	void ratesOfEventsCompareTheValueSoFar() {
		IndicatorDefinition attendance = IndicatorCatalog.find("attendance_rate").orElseThrow();
		assertThat(PaceRule.soFar(attendance, new BigDecimal("0.9"))).isEqualTo(Pace.ON_TRACK);
		assertThat(PaceRule.soFar(attendance, new BigDecimal("0.8999"))).isEqualTo(Pace.BEHIND);
		IndicatorDefinition young = IndicatorCatalog.find("under_age_limit_without_college").orElseThrow();
		assertThat(PaceRule.soFar(young, BigDecimal.ONE)).isEqualTo(Pace.BEHIND);
		assertThat(PaceRule.soFar(young, BigDecimal.ZERO)).isEqualTo(Pace.ON_TRACK);
		assertThat(PaceRule.soFar(IndicatorCatalog.find("bachelor_rate").orElseThrow(), BigDecimal.ONE)).isNull();
	}

}
