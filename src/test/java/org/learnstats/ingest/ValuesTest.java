package org.learnstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTest {

	@ParameterizedTest
	@ValueSource(strings = { "2025-03-05", "2025/3/5", "2025.3.5", "2025年3月5日", "20250305", "2025-3-05", "2025/03/5" })
	void acceptsEveryDateStyle(String text) {
		assertThat(Values.date(text)).isEqualTo(LocalDate.of(2025, 3, 5));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2025-02-30", "2025-13-01", "20250230", "2025/3-5", "25-3-5", "2025-003-05", "2025年3月5",
			"2025-03-05T00:00", "March 5 2025", "2025.3.", "" })
	void rejectsImpossibleAndMalformedDates(String text) {
		assertThat(Values.date(text)).isNull();
	}

	@Test
	void leapDayOnlyInLeapYears() {
		assertThat(Values.date("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
		assertThat(Values.date("2025-02-29")).isNull();
	}

	@Test
	void numbersAreSignDigitsAndAnOptionalFraction() {
		assertThat(Values.decimal("1.5")).isEqualByComparingTo("1.5");
		assertThat(Values.decimal("+2")).isEqualByComparingTo("2");
		assertThat(Values.decimal("-0.25")).isEqualByComparingTo("-0.25");
		assertThat(Values.decimal("12.000")).isEqualByComparingTo(new BigDecimal("12"));
		for (String bad : new String[] { ".5", "5.", "1e3", "1,000", "1 000", "--1", "+", "", "1.2.3", "0x10", "１" }) {
			assertThat(Values.decimal(bad)).as(bad).isNull();
		}
	}

	@Test
	void integersRefuseAnyFraction() {
		assertThat(Values.integer("120")).isEqualByComparingTo("120");
		assertThat(Values.integer("-3")).isEqualByComparingTo("-3");
		assertThat(Values.integer("3.5")).isNull();
		assertThat(Values.integer("3.0")).isNull();
		assertThat(Values.integer("1e2")).isNull();
	}

	@Test
	void yesNoInEveryAcceptedSpelling() {
		for (String yes : new String[] { "yes", "Y", "TRUE", "1", "是", "Yes" }) {
			assertThat(Values.yesNo(yes)).as(yes).isTrue();
		}
		for (String no : new String[] { "no", "n", "False", "0", "否", "NO" }) {
			assertThat(Values.yesNo(no)).as(no).isFalse();
		}
		assertThat(Values.yesNo("maybe")).isNull();
		assertThat(Values.yesNo("对")).isNull();
	}

	@Test
	void codesAreOneTo64Characters() {
		assertThat(Values.codeLengthOk("a".repeat(64))).isTrue();
		assertThat(Values.codeLengthOk("a".repeat(65))).isFalse();
		assertThat(Values.codeLengthOk("单".repeat(64))).isTrue();
	}

	@Test
	void trimsFullWidthSpacesToo() {
		assertThat(Values.trim("\u3000 A01 \t")).isEqualTo("A01");
	}

}
