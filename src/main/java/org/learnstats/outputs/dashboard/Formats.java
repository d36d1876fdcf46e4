package org.learnstats.outputs.dashboard;

import java.math.BigDecimal;

import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.indicators.IndicatorDefinition.Type;
import org.learnstats.indicators.IndicatorNumbers;
import org.learnstats.vocabulary.ValueFormat;

/** How values, goals and changes read on the pages (numbers only: no escaping needed). */
final class Formats {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private Formats() {
	}

	/** A rate as a percentage with two decimals (92.31%, 50.00%), a mean with two decimals, a count as an integer. */
	static String value(IndicatorDefinition indicator, BigDecimal value) {
		return indicator.format().screen(value);
	}

	/** The goal with its direction: ≥ 90%, ≤ 0. */
	static String goal(IndicatorDefinition indicator) {
		if (indicator.goal() == null) {
			return "—";
		}
		String goal = switch (indicator.type()) {
			case RATE -> plain(indicator.goal().multiply(HUNDRED)) + "%";
			default -> plain(indicator.goal());
		};
		return (indicator.higherIsBetter() ? "≥ " : "≤ ") + goal;
	}

	/** The change from the previous value: percentage points for rates, plain difference otherwise. */
	static String change(IndicatorDefinition indicator, BigDecimal current, BigDecimal previous) {
		if (current == null || previous == null) {
			return "—";
		}
		BigDecimal diff = current.subtract(previous);
		String sign = (diff.signum() > 0) ? "+" : (diff.signum() < 0) ? "−" : "±";
		ValueFormat format = indicator.format();
		String abs = format.displayed(diff.abs(), format.screenDecimals()).toPlainString();
		return (indicator.type() == Type.RATE) ? sign + abs + " 个百分点" : sign + abs;
	}

	/** Whether a change is for the better (1), the worse (-1) or neither (0). */
	static int direction(IndicatorDefinition indicator, BigDecimal current, BigDecimal previous) {
		if (current == null || previous == null) {
			return 0;
		}
		int cmp = current.compareTo(previous);
		return indicator.higherIsBetter() ? cmp : -cmp;
	}

	/** numerator / denominator for rates and means, for the reader who wants the counts. */
	static String fraction(IndicatorDefinition indicator, IndicatorValues.Value value) {
		if (value == null || value.denominator() == null || indicator.type() == Type.COUNT) {
			return "";
		}
		return plain(value.numerator()) + " / " + plain(value.denominator());
	}

	static String plain(BigDecimal value) {
		return IndicatorNumbers.plain(value);
	}

}
