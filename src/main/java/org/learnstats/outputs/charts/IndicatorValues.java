package org.learnstats.outputs.charts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.outputs.charts.RankingData.RankedUnit;
import org.learnstats.readmodel.IndicatorValueReader;
import org.learnstats.store.UnitForest;
import org.learnstats.vocabulary.Granularity;
import org.learnstats.vocabulary.Period;

/**
 * The values of some indicators for every unit and period, read from the run's read model at once, and the trend and ranking datasets built from them. The periods are every period of
 * the table (whatever indicator holds it), so all units' trends share one time axis and a period
 * without a value shows as a gap rather than disappearing.
 */
public final class IndicatorValues {

	private final Map<Character, List<String>> periods;

	private final Map<String, Integer> periodIndex = new HashMap<>();

	/** indicator + '\0' + unit code → value per period index, NaN where none. */
	private final Map<String, double[]> values = new HashMap<>();

	private IndicatorValues(Collection<String> allPeriods) {
		this.periods = new HashMap<>();
		for (char g : new char[] { 'M', 'Q', 'Y' }) {
			this.periods.put(g, new ArrayList<>());
		}
		for (String p : new TreeSet<>(allPeriods)) {
			this.periods.get(Granularity.ofPeriod(p).letter()).add(p);
		}
		int i = 0;
		for (char g : new char[] { 'M', 'Q', 'Y' }) {
			for (String p : this.periods.get(g)) {
				this.periodIndex.put(p, i++);
			}
		}
	}

	/** Reads the values of the given indicators for every unit and period. */
	public static IndicatorValues load(IndicatorValueReader read, Collection<String> indicators) {
		IndicatorValues out = new IndicatorValues(read.periods());
		if (indicators.isEmpty()) {
			return out;
		}
		read.ofIndicators(indicators,
				(v) -> out.put(v.indicator(), v.unitCode(), v.period(), v.value().doubleValue()));
		return out;
	}

	/** Every period of one granularity ('M', 'Q' or 'Y') in the table, oldest first. */
	public List<String> periods(char granularity) {
		return List.copyOf(this.periods.getOrDefault(granularity, List.of()));
	}

	/** The value of an indicator for a unit's subtree in a period, or {@code null}. */
	public Double value(String unitCode, String indicator, String period) {
		double[] v = this.values.get(key(indicator, unitCode));
		Integer i = this.periodIndex.get(period);
		if (v == null || i == null || Double.isNaN(v[i])) {
			return null;
		}
		return v[i];
	}

	/**
	 * The trend of an indicator for a unit's subtree over the last {@code lastPeriods} periods of a
	 * granularity that have ended by {@code asOf} (all of them when fewer): the running period is
	 * not a point of a trend (the dashboard shows its pace), so a trend changes when a period
	 * closes or a correction arrives, not every night.
	 */
	public TrendData trend(IndicatorDefinition indicator, char granularity, UnitForest.Unit unit, int lastPeriods,
			LocalDate asOf) {
		List<String> all = closed(granularity, asOf);
		List<String> window = all.subList(Math.max(0, all.size() - lastPeriods), all.size());
		List<Double> values = new ArrayList<>(window.size());
		for (String p : window) {
			values.add(value(unit.code(), indicator.id(), p));
		}
		return new TrendData(indicator, granularity, unit.name(), window, values);
	}

	/** The periods of a granularity in the table that have ended by {@code asOf}, oldest first. */
	private List<String> closed(char granularity, LocalDate asOf) {
		List<String> all = this.periods.getOrDefault(granularity, List.of());
		int end = all.size();
		while (end > 0 && !Period.parse(all.get(end - 1)).closedBy(asOf)) {
			end--;
		}
		return all.subList(0, end);
	}

	/**
	 * The child units of {@code parent} ranked by an indicator in a period, best first (ties by
	 * unit code).
	 */
	public RankingData ranking(IndicatorDefinition indicator, String period, UnitForest forest, UnitForest.Unit parent) {
		List<RankedUnit> ranked = new ArrayList<>();
		int without = 0;
		for (UnitForest.Unit child : forest.children(parent.code())) {
			Double v = value(child.code(), indicator.id(), period);
			if (v == null) {
				without++;
			}
			else {
				ranked.add(new RankedUnit(child.code(), child.name(), v));
			}
		}
		Comparator<RankedUnit> byValue = Comparator.comparingDouble(RankedUnit::value);
		if (indicator.higherIsBetter()) {
			byValue = byValue.reversed();
		}
		ranked.sort(byValue.thenComparing(RankedUnit::code));
		return new RankingData(indicator, period, parent.name(), ranked, without);
	}

	/**
	 * The latest period of a granularity ended by {@code asOf} in which at least one of the child
	 * units of {@code parent} holds a value of the indicator, or {@code null}: a ranking colours
	 * units by their goal, a verdict only an ended period can take.
	 */
	public String latestPeriodOfChildren(IndicatorDefinition indicator, char granularity, UnitForest forest,
			UnitForest.Unit parent, LocalDate asOf) {
		List<String> all = closed(granularity, asOf);
		for (int i = all.size() - 1; i >= 0; i--) {
			for (UnitForest.Unit child : forest.children(parent.code())) {
				if (value(child.code(), indicator.id(), all.get(i)) != null) {
					return all.get(i);
				}
			}
		}
		return null;
	}

	private void put(String indicator, String unitCode, String period, double value) {
		Integer i = this.periodIndex.get(period);
		if (i == null) {
			return;
		}
		double[] v = this.values.computeIfAbsent(key(indicator, unitCode), (k) -> {
			double[] fresh = new double[this.periodIndex.size()];
			Arrays.fill(fresh, Double.NaN);
			return fresh;
		});
		v[i] = value;
	}

	private static String key(String indicator, String unitCode) {
		return indicator + '\0' + unitCode;
	}

}
