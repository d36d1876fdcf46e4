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

	/**
	 * By period text, unit code and indicator id: a page asks for its units' values thousands of
	 * times, and a key made of the three texts per lookup was a fifth of the dashboard's time.
	 */
	private final Map<String, Map<String, Map<String, Value>>> values;

	private IndicatorValues(Map<String, Map<String, Map<String, Value>>> values) {
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
		Map<String, Map<String, Map<String, Value>>> values = new HashMap<>();
		read.ofPeriods(periods, (v) -> values.computeIfAbsent(v.period(), (k) -> new HashMap<>())
			.computeIfAbsent(v.unitCode(), (k) -> new HashMap<>())
			.put(v.indicator(), new Value(v.numerator(), v.denominator(), v.value())));
		return new IndicatorValues(values);
	}

	Value get(Period period, String unitCode, String indicator) {
		Map<String, Value> ofUnit = this.values.getOrDefault(period.toString(), Map.of()).get(unitCode);
		return (ofUnit != null) ? ofUnit.get(indicator) : null;
	}

}
