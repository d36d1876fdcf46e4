package org.learnstats.outputs.pack;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.store.UnitForest.Unit;

/**
 * The pack's charts, each drawn once and used three ways: as an image in the PDF, and as PNG and
 * SVG in the ZIP. Charts without a single value are left out rather than drawn empty.
 */
final class PackImages {

	/** Print resolution of the PNGs. */
	static final int DPI = 300;

	static final double WIDTH = 495;

	/**
	 * A trend chart's size in points as laid out; the PDF draws trends two to a row, scaled to
	 * about three quarters of this (fonts of 7 to 11 points in print).
	 */
	static final double TREND_WIDTH = 330;

	static final double TREND_HEIGHT = 250;

	/** A ranking chart shows at most this many units (the best and the worst half) so its labels stay legible. */
	static final int MAX_BARS = 40;

	/** A chart with its PNG bytes (also the PDF's image) and SVG text. */
	record Rendered(PackCharts.Chart chart, byte[] png, String svg) {
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
		Map<String, PackCharts.Chart> charts = new LinkedHashMap<>();
		List<Quarter> quarters = report.data().trend();
		for (String id : PackReport.KEY) {
			IndicatorDefinition def = PackReport.def(id);
			List<PackCharts.Series> series = trendSeries(report, id);
			if (series.stream().flatMap((s) -> s.values().stream()).anyMatch(Objects::nonNull)) {
				// on two lines (year, quarter) to fit half a page; a quarter whose value covers part of it
				// only is marked (see PackData.partial)
				List<String> categories = quarters.stream()
					.map((q) -> PackText.marked(q.year() + "年 Q" + q.number(), report.data().partial(q.id(), id)))
					.toList();
				charts.put(trendName(id), PackCharts.trend(trendName(id), def.label()
						+ (PackReport.YEAR_TO_DATE.contains(id) ? "（年初至季末累计）" : "（季度）"), def, categories,
						series, TREND_WIDTH, TREND_HEIGHT));
			}
		}
		for (String id : PackReport.KEY) {
			IndicatorDefinition def = PackReport.def(id);
			List<PackReport.Ranked> ranked = report.ranked(id).stream().filter((r) -> r.value() != null).toList();
			if (ranked.isEmpty()) {
				continue;
			}
			String title = def.label() + "：下属单位排名（" + report.quarter().label() + "）";
			if (ranked.size() > MAX_BARS) {
				List<PackReport.Ranked> ends = new ArrayList<>(ranked.subList(0, MAX_BARS / 2));
				ends.addAll(ranked.subList(ranked.size() - MAX_BARS / 2, ranked.size()));
				ranked = ends;
				title = def.label() + "：前" + MAX_BARS / 2 + "名与后" + MAX_BARS / 2 + "名（" + report.quarter().label() + "）";
			}
			List<String> names = labels(ranked.stream().map(PackReport.Ranked::unit).toList());
			List<BigDecimal> values = ranked.stream().map(PackReport.Ranked::value).toList();
			charts.put(rankingName(id), PackCharts.ranking(rankingName(id), title, def, names, values, WIDTH));
		}
		// drawing and encoding a chart is most of a pack's time and each chart is independent: they
		// are rendered on the cores available (the order of the map, and so every byte, is kept)
		List<Rendered> rendered = charts.values().parallelStream().map(PackImages::render).toList();
		Map<String, Rendered> out = new LinkedHashMap<>();
		rendered.forEach((r) -> out.put(r.chart().name(), r));
		return out;
	}

	/**
	 * The lines of a trend chart: one per root; a year-to-date measure restarts on 1 January, so it is
	 * drawn year by year (one series per year, in the root's colour), not as one line falling at each
	 * year end.
	 */
	static List<PackCharts.Series> trendSeries(PackReport report, String id) {
		List<PackCharts.Series> series = new ArrayList<>();
		List<Quarter> quarters = report.data().trend();
		List<Unit> roots = report.data().roots();
		for (int r = 0; r < roots.size(); r++) {
			Unit root = roots.get(r);
			List<BigDecimal> values = report.trend(root.code(), id);
			if (!PackReport.YEAR_TO_DATE.contains(id)) {
				series.add(new PackCharts.Series(root.name(), values, r));
				continue;
			}
			List<Integer> years = quarters.stream().map(Quarter::year).distinct().toList();
			for (int year : years) {
				List<BigDecimal> part = new ArrayList<>();
				for (int i = 0; i < quarters.size(); i++) {
					part.add(quarters.get(i).year() == year ? values.get(i) : null);
				}
				// the first part names the line in the legend; the others only need a distinct key
				String name = year == years.get(0) ? root.name() : root.name() + "（" + year + "年）";
				series.add(new PackCharts.Series(name, part, r));
			}
		}
		return series;
	}

	/** Unit names as chart categories: shortened when long, made unique with the code when repeated. */
	private static List<String> labels(List<Unit> units) {
		Map<String, Integer> seen = new HashMap<>();
		units.forEach((u) -> seen.merge(shorten(u.name()), 1, Integer::sum));
		List<String> out = new ArrayList<>();
		for (Unit u : units) {
			String s = shorten(u.name());
			out.add(seen.get(s) > 1 ? s + "（" + u.code() + "）" : s);
		}
		return out;
	}

	private static String shorten(String name) {
		return name.codePointCount(0, name.length()) <= 16 ? name
				: name.substring(0, name.offsetByCodePoints(0, 15)) + "…";
	}

	private static Rendered render(PackCharts.Chart chart) {
		return new Rendered(chart, PackCharts.png(PackCharts.image(chart, DPI)), PackCharts.svg(chart));
	}

}
