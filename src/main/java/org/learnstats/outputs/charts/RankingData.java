package org.learnstats.outputs.charts;

import java.util.List;

import org.learnstats.indicators.IndicatorDefinition;

/**
 * The child units of one unit ranked by an indicator in one period: the dataset of a ranking
 * chart. Units are ordered best first (highest first, or lowest first where lower is better), ties
 * by unit code.
 *
 * @param indicator the indicator, with its label and goal
 * @param period the period ranked
 * @param parentName the unit whose children are ranked
 * @param units the ranked child units holding a value, best first
 * @param withoutData how many child units hold no value in the period
 */
public record RankingData(IndicatorDefinition indicator, String period, String parentName, List<RankedUnit> units,
		int withoutData) {

	public RankingData {
		units = List.copyOf(units);
	}

	public boolean isEmpty() {
		return this.units.isEmpty();
	}

	/** Whether a chart of it ranks anything: one bar (a single child unit with data) does not. */
	public boolean worthDrawing() {
		return this.units.size() >= 2;
	}

	/** One ranked unit. */
	public record RankedUnit(String code, String name, double value) {
	}

}
