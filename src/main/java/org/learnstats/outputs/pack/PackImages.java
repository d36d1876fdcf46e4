package org.learnstats.outputs.pack;

import java.awt.image.BufferedImage;
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

	/** A ranking chart shows at most this many units (the best and the worst half) so its labels stay legible. */
	static final int MAX_BARS = 40;

	/** A chart with its image, PNG bytes and SVG text. */
	record Rendered(PackCharts.Chart chart, BufferedImage image, byte[] png, String svg) {
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
		Map<String, Rendered> out = new LinkedHashMap<>();
		List<String> categories = report.data().trend().stream().map(Quarter::axisLabel).toList();
		for (String id : PackReport.KEY) {
			IndicatorDefinition def = PackReport.def(id);
			List<PackCharts.Series> series = new ArrayList<>();
			for (Unit root : report.data().roots()) {
				series.add(new PackCharts.Series(root.name(), report.trend(root.code(), id)));
			}
			if (series.stream().flatMap((s) -> s.values().stream()).anyMatch(Objects::nonNull)) {
				out.put(trendName(id), render(PackCharts.trend(trendName(id), def.label()
						+ (PackReport.YEAR_TO_DATE.contains(id) ? "（年初至季末累计）" : "（季度）"), def, categories,
						series, WIDTH, 290)));
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
			out.put(rankingName(id), render(PackCharts.ranking(rankingName(id), title, def, names, values, WIDTH)));
		}
		return out;
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
		BufferedImage image = PackCharts.image(chart, DPI);
		return new Rendered(chart, image, PackCharts.png(image), PackCharts.svg(chart));
	}

}
