package org.learnstats.outputs.tables;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.vocabulary.Period;

/**
 * One indicator at one granularity as units × periods: the rows in tree order, the periods
 * as columns, and each column's values by unit code (a missing value is an empty cell).
 */
record WideTable(IndicatorDefinition indicator, char granularity, List<UnitRow> rows, List<Period> periods,
		List<Map<String, BigDecimal>> columns) {

	static final List<String> FIXED_HEADERS = List.of("单位代码", "单位名称", "层级");

	/** A unit in tree order with its depth (0 for a root). */
	record UnitRow(String code, String name, int depth) {
	}

	/**
	 * The table of the periods, from the indicator's values by period text and unit code; each
	 * period's values are looked up once here, not once a cell (a cell's lookup of its period's
	 * text was two fifths of the tables' time).
	 */
	static WideTable of(IndicatorDefinition indicator, char granularity, List<UnitRow> rows, List<Period> periods,
			Map<String, Map<String, BigDecimal>> values) {
		List<Map<String, BigDecimal>> columns = new ArrayList<>(periods.size());
		for (Period p : periods) {
			columns.add(values.getOrDefault(p.toString(), Map.of()));
		}
		return new WideTable(indicator, granularity, rows, periods, List.copyOf(columns));
	}

	/** The value of the period at {@code column} (0 for the first period) for a unit, or null. */
	BigDecimal value(int column, String unitCode) {
		return this.columns.get(column).get(unitCode);
	}

	/** A value as written in CSV: a plain decimal, integers without a fraction. */
	static String plain(BigDecimal value) {
		return org.learnstats.indicators.IndicatorNumbers.plain(value);
	}

}
