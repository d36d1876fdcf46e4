package org.learnstats.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvValuesTest {

	@Test
	void ordinalIsCodePointOrder() {
		assertThat(Ordinal.compare("A2", "a10")).isNegative();
		assertThat(Ordinal.compare("a10", "b1")).isNegative();
		assertThat(Ordinal.compare("2025", "2025-01")).isNegative();
		assertThat(Ordinal.compare("2025-12", "2025-Q1")).isNegative();
		// U+FF5E before U+20000, although its UTF-16 unit is larger
		assertThat(Ordinal.compare("\uFF5E", "\uD840\uDC00")).isNegative();
		assertThat("\uFF5E".compareTo("\uD840\uDC00")).isPositive();
		assertThat(Ordinal.compare("ab", "ab")).isZero();
	}

	@Test
	void plainNumbers() {
		assertThat(IndicatorNumbers.plain(new java.math.BigDecimal("12.000000000000000000"))).isEqualTo("12");
		assertThat(IndicatorNumbers.plain(new java.math.BigDecimal("0E-18"))).isEqualTo("0");
		assertThat(IndicatorNumbers.plain(new java.math.BigDecimal("1200"))).isEqualTo("1200");
		assertThat(IndicatorNumbers.plain(new java.math.BigDecimal("36.250"))).isEqualTo("36.25");
		assertThat(IndicatorNumbers.value(new java.math.BigDecimal("1"), new java.math.BigDecimal("20000")))
			.isEqualByComparingTo("0.0001");
	}

}
