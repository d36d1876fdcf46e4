package org.learnstats.outputs.pack;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jfree.chart.JFreeChart;
import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.outputs.charts.ChartMedia;
import org.learnstats.outputs.charts.ChartStyle;
import org.learnstats.outputs.charts.Charts;
import org.learnstats.outputs.charts.PeriodLines;
import org.learnstats.outputs.charts.RankingData;
import org.learnstats.store.UnitForest.Unit;

/**
 * The pack's charts, built by the dashboard's chart factory ({@link Charts}) in its print style
 * ({@link ChartStyle#PRINT}: laid out in points at the size they are printed), each built once and
 * put on three media: vectors in the PDF ({@link ChartMedia#pdf}, drawn when the page is written),
 * and a PNG at {@link ChartStyle#PRINT_DPI} and an SVG in the ZIP. Charts without a single value are
 * left out rather than drawn empty.
 */
final class PackImages {

	/** A ranking chart is as wide as the text. */
	static final double WIDTH = PdfCanvas.RIGHT - PdfCanvas.LEFT;

	/** The gap between the two trend charts of a row: they are a whole number of points wide, like their SVG. */
	static final double GAP = 13;

	/** A trend chart's size in points: trends are printed two to a row, at this size. */
	static final double TREND_WIDTH = (WIDTH - GAP) / 2;

	static final double TREND_HEIGHT = 190;

	/** A chart as built: its size in points, the chart (for the PDF), its PNG bytes and SVG text. */
	record Rendered(String name, double width, double height, JFreeChart chart, byte[] png, String svg) {
	}

	/** A chart to draw: its name, its size in points and its builder. */
	private record Planned(String name, double width, double height, Supplier<JFreeChart> chart) {
	}

	private PackImages() {
	}

	static String trendName(String indicator) {
		return "trend-" + indicator;
	}

	static String rankingName(String indicator) {
		return "ranking-" + indicator;
	}

	/** All charts of the pack, by name, in the order they appear. */
	static Map<String, Rendered> of(PackReport report) {
		List<Planned> charts = new ArrayList<>();
		for (String id : PackReport.KEY) {
			PeriodLines lines = trend(report, id);
			if (!lines.isEmpty()) {
				charts.add(new Planned(trendName(id), TREND_WIDTH, TREND_HEIGHT,
						() -> Charts.trend(lines, null, ChartStyle.PRINT)));
			}
		}
		for (String id : PackReport.KEY) {
			RankingData ranking = ranking(report, id);
			if (ranking.worthDrawing()) {
				charts.add(new Planned(rankingName(id), WIDTH, Charts.rankingHeight(ranking, ChartStyle.PRINT),
						() -> Charts.ranking(ranking, null, ChartStyle.PRINT)));
			}
		}
		// drawing and encoding a chart is most of a pack's time and each chart is independent: they
		// are rendered on the cores available (the order of the list, and so every byte, is kept)
		List<Rendered> rendered = charts.parallelStream().map(PackImages::render).toList();
		Map<String, Rendered> out = new LinkedHashMap<>();
		rendered.forEach((r) -> out.put(r.name(), r));
		return out;
	}

	/**
	 * The dataset of a trend chart: a line per root over the trend's quarters; a year-to-date
	 * measure restarts on 1 January and is drawn year by year; a quarter whose value covers part of
	 * it only is marked (see {@link PackData#partial}).
	 */
	static PeriodLines trend(PackReport report, String id) {
		IndicatorDefinition def = PackReport.def(id);
		List<Quarter> quarters = report.data().trend();
		List<PeriodLines.Line> lines = new ArrayList<>();
		for (Unit root : report.data().roots()) {
			lines.add(new PeriodLines.Line(root.name(), doubles(report.trend(root.code(), id))));
		}
		Set<String> partial = quarters.stream()
			.map(Quarter::id)
			.filter((q) -> report.data().partial(q, id))
			.collect(Collectors.toSet());
		boolean ytd = PackReport.YEAR_TO_DATE.contains(id);
		return new PeriodLines(def, def.label() + (ytd ? "（年初至季末累计）" : "（季度）"), "季度",
				quarters.stream().map(Quarter::id).toList(), lines, partial, ytd);
	}

	/** The dataset of a ranking chart: the top units holding a value in the quarter, best first. */
	static RankingData ranking(PackReport report, String id) {
		List<PackReport.Ranked> ranked = report.ranked(id);
		List<RankingData.RankedUnit> units = ranked.stream()
			.filter((r) -> r.value() != null)
			.map((r) -> new RankingData.RankedUnit(r.unit().code(), r.unit().name(), r.value().doubleValue()))
			.toList();
		return new RankingData(PackReport.def(id), report.quarter().label(), null, units, ranked.size() - units.size());
	}

	private static List<Double> doubles(List<BigDecimal> values) {
		return values.stream().map((v) -> (v == null) ? null : v.doubleValue()).toList();
	}

	private static Rendered render(Planned p) {
		JFreeChart chart = p.chart().get();
		return new Rendered(p.name(), p.width(), p.height(), chart,
				ChartMedia.png(chart, p.width(), p.height(), ChartStyle.PRINT),
				ChartMedia.svg(chart, (int) Math.round(p.width()), (int) Math.round(p.height())));
	}

}
