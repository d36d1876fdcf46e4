package org.learnstats.outputs.tables;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.vocabulary.Period;

/**
 * One indicator at one granularity as units × periods: the rows in tree order, the periods
 * as columns, and the values by period and unit code (a missing value is an empty cell).
 */
record WideTable(IndicatorDefinition indicator, char granularity, List<UnitRow> rows, List<Period> periods,
		Map<String, Map<String, BigDecimal>> values) {

	static final List<String> FIXED_HEADERS = List.of("单位代码", "单位名称", "层级");

	/** A unit in tree order with its depth (0 for a root). */
	record UnitRow(String code, String name, int depth) {
	}

	BigDecimal value(Period period, String unitCode) {
		Map<String, BigDecimal> byUnit = this.values.get(period.toString());
		return (byUnit != null) ? byUnit.get(unitCode) : null;
	}

	/** A value as written in CSV: a plain decimal, integers without a fraction. */
	static String plain(BigDecimal value) {
		return org.learnstats.indicators.IndicatorNumbers.plain(value);
	}

}
