package org.learnstats.indicators;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link IndicatorNumbers#parse} is {@code new BigDecimal(text).stripTrailingZeros()}, to the
 * unscaled value and scale, for the texts PostgreSQL (plain) and H2 (plain or with an exponent)
 * give for a decimal column.
 */
class IndicatorNumbersParseTest {

	@Test
	void examples() {
		assertThat(IndicatorNumbers.parse(null)).isNull();
		assertSame("12.000000000000000000", "12");
		assertSame("0.000000000000000000", "0");
		assertSame("-0.000", "0");
		assertSame("0E-18", "0");
		assertSame("120.000", "1.2E+2");
		assertSame("120", "1.2E+2");
		assertSame("0.500000000000000000", "0.5");
		assertSame("-3.250", "-3.25");
		assertSame("1.00000000000E-7", "1E-7");
		assertSame("7", "7");
	}

	@Test
	void sameAsParsingAndStrippingForAnyDecimalText() {
		Random random = new Random(11);
		for (int i = 0; i < 200_000; i++) {
			BigInteger unscaled = new BigInteger(1 + random.nextInt(120), random);
			if (random.nextInt(4) == 0) {
				unscaled = unscaled.multiply(BigInteger.TEN.pow(random.nextInt(20)));
			}
			if (random.nextBoolean()) {
				unscaled = unscaled.negate();
			}
			BigDecimal number = new BigDecimal(unscaled, random.nextInt(40) - 4);
			String text = random.nextBoolean() ? number.toPlainString() : number.toString();
			BigDecimal expected = new BigDecimal(text).stripTrailingZeros();
			BigDecimal parsed = IndicatorNumbers.parse(text);
			assertThat(parsed.unscaledValue()).as(text).isEqualTo(expected.unscaledValue());
			assertThat(parsed.scale()).as(text).isEqualTo(expected.scale());
		}
	}

	private static void assertSame(String text, String stripped) {
		BigDecimal parsed = IndicatorNumbers.parse(text);
		assertThat(parsed.toString()).as(text).isEqualTo(stripped);
		assertThat(parsed).isEqualTo(new BigDecimal(text).stripTrailingZeros());
	}

}
