package org.learnstats.outputs.charts;

import org.jfree.chart.JFreeChart;

/**
 * The one chart factory of learnstats, for the dashboard and the quarterly pack alike: a chart type
 * is built from its dataset ({@link PeriodLines}, {@link TrendData}, {@link RankingData},
 * {@link EducationShares}, {@link Histogram}) in a {@link ChartStyle} ({@link ChartStyle#SCREEN} or
 * {@link ChartStyle#PRINT}: sizes only, the same colours and structure), and put on a medium last
 * by {@link ChartMedia} (PNG through {@link PngEncoder}, SVG with text as glyph outlines). Titles,
 * axes and legends are Chinese; goals are dashed red lines named in the legend. A chart given an
 * empty dataset shows "暂无数据" rather than an empty frame (the nightly {@link ChartsPart} and the
 * pack skip such charts altogether).
 */
public final class Charts {

	/** The note an empty chart shows. */
	public static final String NO_DATA = "暂无数据";

	/** At most this many units in a ranking; more show the best and worst half of it. */
	public static final int MAX_RANKED = 40;

	/** Periods beyond which period labels are turned 45° and values are no longer written over points. */
	static final int UPRIGHT_PERIOD_LABELS = 12;

	private Charts() {
	}

	/** The dashboard's trend of one unit's subtree (see {@link TrendChart}), on screen. */
	public static JFreeChart trend(TrendData data, String subtitle) {
		return trend(data, subtitle, ChartStyle.SCREEN);
	}

	public static JFreeChart trend(TrendData data, String subtitle, ChartStyle style) {
		return trend(PeriodLines.of(data), subtitle, style);
	}

	/** A trend of one or more lines, year by year where the measure restarts yearly (see {@link TrendChart}). */
	public static JFreeChart trend(PeriodLines data, String subtitle, ChartStyle style) {
		return TrendChart.of(data, subtitle, style);
	}

	/** Child units ranked, best at the top (see {@link RankingChart}), on screen. */
	public static JFreeChart ranking(RankingData data, String subtitle) {
		return ranking(data, subtitle, ChartStyle.SCREEN);
	}

	public static JFreeChart ranking(RankingData data, String subtitle, ChartStyle style) {
		return RankingChart.of(data, subtitle, style);
	}

	/** A screen ranking's height in pixels: room for every bar, at least 400. */
	public static int rankingHeight(RankingData data) {
		return rankingHeight(data, ChartStyle.SCREEN);
	}

	/** A ranking's height in the style's units (points in print). */
	public static int rankingHeight(RankingData data, ChartStyle style) {
		return RankingChart.height(data, style);
	}

	/** The education of a subtree's active people as a pie with counts and shares, on screen. */
	public static JFreeChart degreeStructure(EducationShares shares, String subtitle) {
		return PeopleCharts.degreeStructure(shares, subtitle, ChartStyle.SCREEN);
	}

	/**
	 * A histogram of a yearly quantity per person, stacked by target group, with each group's
	 * target as a dashed line; the last bucket is open-ended ("≥"); on screen.
	 */
	public static JFreeChart distribution(Histogram histogram, String subtitle) {
		return PeopleCharts.distribution(histogram, subtitle, ChartStyle.SCREEN);
	}

}
