package org.learnstats.outputs.charts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.learnstats.indicators.IndicatorDefinition;

/**
 * An indicator of one unit's subtree over consecutive periods of one granularity: the dataset of
 * a trend chart.
 *
 * @param indicator the indicator, with its label and goal
 * @param granularity 'M', 'Q' or 'Y'
 * @param unitName the unit the subtree belongs to
 * @param periods the periods, oldest first, consecutive
 * @param values the value of each period, {@code null} where none was written (no denominator)
 */
public record TrendData(IndicatorDefinition indicator, char granularity, String unitName, List<String> periods,
		List<Double> values) {

	public TrendData {
		if (periods.size() != values.size()) {
			throw new IllegalArgumentException("periods and values differ in length");
		}
		periods = List.copyOf(periods);
		values = Collections.unmodifiableList(new ArrayList<>(values));
	}

	/** Whether no period holds a value. */
	public boolean isEmpty() {
		return this.values.stream().allMatch(Objects::isNull);
	}

	/** The largest value, or 0 when there is none. */
	public double max() {
		return this.values.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(0);
	}

}
