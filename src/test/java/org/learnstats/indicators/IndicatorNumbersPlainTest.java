package org.learnstats.indicators;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link IndicatorNumbers#plain} is {@code stripTrailingZeros().toPlainString()}, cut from the text. */
class IndicatorNumbersPlainTest {

	@Test
	void examples() {
		assertThat(IndicatorNumbers.plain(null)).isEmpty();
		assertThat(IndicatorNumbers.plain(new BigDecimal("0.000"))).isEqualTo("0");
		assertThat(IndicatorNumbers.plain(new BigDecimal("1.50"))).isEqualTo("1.5");
		assertThat(IndicatorNumbers.plain(new BigDecimal("36.2500"))).isEqualTo("36.25");
		assertThat(IndicatorNumbers.plain(new BigDecimal("12.000"))).isEqualTo("12");
		assertThat(IndicatorNumbers.plain(new BigDecimal("-0.0400"))).isEqualTo("-0.04");
		assertThat(IndicatorNumbers.plain(new BigDecimal("1E+3"))).isEqualTo("1000");
		assertThat(IndicatorNumbers.plain(new BigDecimal("100"))).isEqualTo("100");
		assertThat(IndicatorNumbers.plain(new BigDecimal("0.91234567890123456789000"))).isEqualTo("0.91234567890123456789");
	}

	@Test
	void sameAsStrippingForAnyNumber() {
		Random random = new Random(7);
		for (int i = 0; i < 200_000; i++) {
			BigInteger unscaled = new BigInteger(1 + random.nextInt(90), random);
			if (random.nextInt(4) == 0) {
				unscaled = unscaled.multiply(BigInteger.TEN.pow(random.nextInt(6)));
			}
			if (random.nextBoolean()) {
				unscaled = unscaled.negate();
			}
			BigDecimal number = new BigDecimal(unscaled, random.nextInt(34) - 6);
			String expected = number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
			assertThat(IndicatorNumbers.plain(number)).as(number.toString()).isEqualTo(expected);
		}
	}

}
