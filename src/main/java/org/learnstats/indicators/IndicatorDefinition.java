package org.learnstats.indicators;

import java.math.BigDecimal;

import org.learnstats.vocabulary.ValueFormat;

/**
 * What every reader of an indicator needs to know about it: its id in indicators.csv, its
 * Chinese label, the period granularities it is computed for (any of M, Q, Y), whether it is a
 * rate, a mean or a count, and the goal the dashboard and the pack compare it with.
 *
 * @param id the id written in indicators.csv, e.g. {@code attendance_rate.central_group}
 * @param label the Chinese label shown to analysts and leaders
 * @param granularities the periods it is computed for: a subset of "MQY"
 * @param type how its value reads
 * @param goal the goal value, or {@code null} where none applies
 * @param higherIsBetter whether a value at or above the goal is good (false: at or below)
 */
public record IndicatorDefinition(String id, String label, String granularities, Type type, BigDecimal goal,
		boolean higherIsBetter) {

	/** How a value reads: a share between 0 and 1, a mean (credits, days, score) or a count. */
	public enum Type {

		RATE, MEAN, COUNT

	}

	/** Whether a value meets the goal; {@code null} when the indicator has no goal. */
	public Boolean meets(BigDecimal value) {
		if (this.goal == null || value == null) {
			return null;
		}
		int cmp = value.compareTo(this.goal);
		return this.higherIsBetter ? cmp >= 0 : cmp <= 0;
	}

	/**
	 * How its value reads on screen and in print: rates as percentages, the satisfaction score
	 * (a mean on the five-point scale) with two decimals even in print, other means with one.
	 */
	public ValueFormat format() {
		return switch (this.type) {
			case RATE -> ValueFormat.RATE;
			case MEAN -> "satisfaction_mean".equals(this.id) ? ValueFormat.SCORE : ValueFormat.MEAN;
			case COUNT -> ValueFormat.COUNT;
		};
	}

	public boolean computedFor(char granularity) {
		return this.granularities.indexOf(granularity) >= 0;
	}

}
