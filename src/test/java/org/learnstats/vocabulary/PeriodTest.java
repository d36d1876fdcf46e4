package org.learnstats.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PeriodTest {

	@Test
	void readsAndWritesThePeriodsOfIndicatorsCsv() {
		assertThat(Period.parse("2025-07")).isEqualTo(new Period('M', 2025, 7));
		assertThat(Period.parse("2025-Q3")).isEqualTo(new Period('Q', 2025, 3));
		assertThat(Period.parse("2025")).isEqualTo(new Period('Y', 2025, 1));
		assertThat(Period.parse("2025-13")).isNull();
		assertThat(new Period('M', 2025, 7)).hasToString("2025-07");
		assertThat(new Period('Q', 2025, 3)).hasToString("2025-Q3");
		assertThat(new Period('Y', 2025, 1)).hasToString("2025");
	}

	@Test
	void stepsAcrossYearEnds() {
		assertThat(Period.of(LocalDate.of(2025, 1, 31), 'M').previous()).hasToString("2024-12");
		assertThat(Period.of(LocalDate.of(2025, 2, 1), 'Q').previous()).hasToString("2024-Q4");
		assertThat(Period.of(LocalDate.of(2024, 12, 31), 'Q').next()).hasToString("2025-Q1");
		assertThat(Period.range(LocalDate.of(2024, 11, 30), LocalDate.of(2025, 2, 1), 'M')).map(Period::toString)
			.containsExactly("2024-11", "2024-12", "2025-01", "2025-02");
		assertThat(Period.range(LocalDate.of(2024, 11, 30), LocalDate.of(2025, 2, 1), 'Y')).map(Period::toString)
			.containsExactly("2024", "2025");
		assertThat(new Period('Q', 2025, 3).first()).isEqualTo(LocalDate.of(2025, 7, 1));
		assertThat(new Period('M', 2025, 3).label()).isEqualTo("2025年3月");
	}

	@Test
	void theLatestClosedPeriodHoldsDOnlyOnItsLastDay() {
		assertThat(Period.latestClosed(LocalDate.of(2025, 12, 31), 'M')).hasToString("2025-12");
		assertThat(Period.latestClosed(LocalDate.of(2026, 1, 2), 'M')).hasToString("2025-12");
		assertThat(Period.latestClosed(LocalDate.of(2026, 1, 30), 'M')).hasToString("2025-12");
		assertThat(Period.latestClosed(LocalDate.of(2026, 1, 31), 'M')).hasToString("2026-01");
		assertThat(Period.latestClosed(LocalDate.of(2024, 2, 28), 'M')).hasToString("2024-01");
		assertThat(Period.latestClosed(LocalDate.of(2024, 2, 29), 'M').last()).isEqualTo(LocalDate.of(2024, 2, 29));
		assertThat(Period.latestClosed(LocalDate.of(2026, 5, 15), 'Q')).hasToString("2026-Q1");
		assertThat(Period.latestClosed(LocalDate.of(2026, 5, 15), 'Y')).hasToString("2025");
	}

}
