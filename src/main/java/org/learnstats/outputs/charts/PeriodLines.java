package org.learnstats.outputs.charts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.vocabulary.Granularity;

/**
 * The dataset of a trend chart: one indicator over consecutive periods, one line per unit. The
 * dashboard's trend ({@link TrendData}, one line) and the pack's (a line per root) are both drawn
 * from it by {@link Charts#trend(PeriodLines, String, ChartStyle)}.
 *
 * @param indicator the indicator, with its label and goal
 * @param title the chart's title
 * @param periodAxis the label of the period axis ("季度")
 * @param periods the periods, oldest first, each starting with its year ("2026-Q3")
 * @param lines the lines, each with one value (or {@code null}) per period
 * @param partial the periods whose values cover part of the period only: marked {@link #PARTIAL}
 * @param restartsYearly a year-to-date measure: it restarts on 1 January, so each line is drawn
 * year by year (a series per year, in the line's colour, named in the legend once) rather than as
 * one line falling at each year end
 */
public record PeriodLines(IndicatorDefinition indicator, String title, String periodAxis, List<String> periods,
		List<Line> lines, Set<String> partial, boolean restartsYearly) {

	/** The mark of a period whose value covers part of it. */
	public static final String PARTIAL = "*";

	public PeriodLines {
		periods = List.copyOf(periods);
		lines = List.copyOf(lines);
		partial = Set.copyOf(partial);
		for (Line l : lines) {
			if (l.values().size() != periods.size()) {
				throw new IllegalArgumentException("periods and values of " + l.name() + " differ in length");
			}
		}
	}

	/** One unit's values, {@code null} where a period has none. */
	public record Line(String name, List<Double> values) {

		public Line {
			values = Collections.unmodifiableList(new ArrayList<>(values));
		}

	}

	/** A series as drawn: a line, or the part of a line in one year; {@code line} is its colour. */
	record Series(String name, List<Double> values, int line) {
	}

	/** The dashboard's trend: its one line, titled by the granularity ("学习出勤率：月度趋势"). */
	static PeriodLines of(TrendData data) {
		Granularity g = Granularity.of(data.granularity());
		IndicatorDefinition def = data.indicator();
		return new PeriodLines(def, title(data), g.axisLabel(), data.periods(),
				List.of(new Line(def.label(), data.values())), Set.of(), false);
	}

	/** The dashboard trend's title ("学习出勤率：月度趋势"). */
	static String title(TrendData data) {
		return data.indicator().label() + "：" + Granularity.of(data.granularity()).adjective() + "趋势";
	}

	/** Whether no period holds a value. */
	public boolean isEmpty() {
		return this.lines.stream().flatMap((l) -> l.values().stream()).allMatch(Objects::isNull);
	}

	/** The period labels as drawn: the period, marked where partial. */
	List<String> categories() {
		return this.periods.stream().map((p) -> this.partial.contains(p) ? p + PARTIAL : p).toList();
	}

	/** Every value, nulls included. */
	List<Double> values() {
		return this.lines.stream().flatMap((l) -> l.values().stream()).toList();
	}

	/** The series to draw, in order: one per line, or one per line and year when {@link #restartsYearly}. */
	List<Series> series() {
		List<Series> out = new ArrayList<>();
		List<String> years = this.periods.stream().map((p) -> p.substring(0, 4)).distinct().toList();
		for (int l = 0; l < this.lines.size(); l++) {
			Line line = this.lines.get(l);
			if (!this.restartsYearly) {
				out.add(new Series(line.name(), line.values(), l));
				continue;
			}
			for (String year : years) {
				List<Double> part = new ArrayList<>();
				for (int i = 0; i < this.periods.size(); i++) {
					part.add(this.periods.get(i).startsWith(year) ? line.values().get(i) : null);
				}
				// the first part names the line in the legend; the others only need a distinct key
				out.add(new Series(year.equals(years.get(0)) ? line.name() : line.name() + "（" + year + "年）", part, l));
			}
		}
		return out;
	}

}
