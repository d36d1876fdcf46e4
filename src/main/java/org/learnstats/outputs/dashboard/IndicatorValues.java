package org.learnstats.outputs.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.learnstats.readmodel.IndicatorValueReader;
import org.learnstats.vocabulary.Period;

/**
 * The indicator values the pages show, read at once: for every unit, the periods
 * holding the as-of date (month, quarter, year) and the period before each.
 */
final class IndicatorValues {

	/** One row of {@code indicator_value}. */
	record Value(BigDecimal numerator, BigDecimal denominator, BigDecimal value) {
	}

	private final Map<String, Value> values;

	private IndicatorValues(Map<String, Value> values) {
		this.values = values;
	}

	/** The current period of a granularity: the one holding the as-of date. */
	static Period current(LocalDate asOf, char granularity) {
		return Period.of(asOf, granularity);
	}

	static IndicatorValues load(IndicatorValueReader read, LocalDate asOf) {
		List<String> periods = new ArrayList<>();
		for (char g : "MQY".toCharArray()) {
			Period p = current(asOf, g);
			periods.add(p.toString());
			periods.add(p.previous().toString());
		}
		Map<String, Value> values = new HashMap<>();
		read.ofPeriods(periods, (v) -> values.put(key(v.period(), v.unitCode(), v.indicator()),
				new Value(v.numerator(), v.denominator(), v.value())));
		return new IndicatorValues(values);
	}

	static IndicatorValues of(Map<String, Value> values) {
		return new IndicatorValues(values);
	}

	Value get(Period period, String unitCode, String indicator) {
		return this.values.get(key(period.toString(), unitCode, indicator));
	}

	static String key(String period, String unitCode, String indicator) {
		return period + '\u0000' + unitCode + '\u0000' + indicator;
	}

}
