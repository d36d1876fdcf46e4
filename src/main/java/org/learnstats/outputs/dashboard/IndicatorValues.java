package org.learnstats.outputs.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.learnstats.vocabulary.Period;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The indicator values the pages show, loaded in one query: for every unit, the periods
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

	static IndicatorValues load(JdbcTemplate jdbc, LocalDate asOf) {
		List<String> periods = new ArrayList<>();
		for (char g : "MQY".toCharArray()) {
			Period p = current(asOf, g);
			periods.add(p.toString());
			periods.add(p.previous().toString());
		}
		Map<String, Value> values = new HashMap<>();
		new NamedParameterJdbcTemplate(jdbc).query(
				"SELECT period, unit_code, indicator, numerator, denominator, val FROM indicator_value"
						+ " WHERE period IN (:periods)",
				Map.of("periods", periods), (rs) -> {
					values.put(key(rs.getString(1), rs.getString(2), rs.getString(3)),
							new Value(rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6)));
				});
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
