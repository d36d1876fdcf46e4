package org.learnstats.outputs.charts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.learnstats.indicators.IndicatorCatalog;
import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.vocabulary.Rank;

/**
 * A unit's charts of made-up data, each drawn on both media as {@link ChartsPart} draws a unit's
 * and thrown away ({@link ChartsPart#rehearse}): a monthly and a quarterly trend, a ranking of 50
 * branches, a credit distribution and a degree structure.
 */
final class ChartRehearsal {

	private static final String UNIT = "某某集团公司第一党委（含下级单位）";

	private ChartRehearsal() {
	}

	/** Draws the charts; returns the bytes drawn (so that nothing is optimized away). */
	static long draw() {
		long bytes = 0;
		for (Drawn d : charts()) {
			bytes += ChartMedia.png(d.chart(), ChartPlan.WIDTH, d.height()).length;
			bytes += ChartMedia.svg(d.chart(), ChartPlan.WIDTH, d.height()).length();
		}
		return bytes;
	}

	/** A chart and its height in pixels, as {@link ChartPlan} sizes it. */
	private record Drawn(JFreeChart chart, int height) {
	}

	private static List<Drawn> charts() {
		IndicatorDefinition attendance = IndicatorCatalog.find("attendance_rate").orElseThrow();
		IndicatorDefinition credits = IndicatorCatalog.find("credit_on_track_rate").orElseThrow();
		List<String> months = new ArrayList<>();
		List<Double> monthly = new ArrayList<>();
		for (int i = 0; i < ChartPlan.MONTHS; i++) {
			months.add("%d-%02d".formatted(2024 + i / 12, 1 + i % 12));
			monthly.add(0.55 + (i * 7 % 40) / 100.0);
		}
		List<String> quarters = new ArrayList<>();
		List<Double> quarterly = new ArrayList<>();
		for (int i = 0; i < ChartPlan.QUARTERS; i++) {
			quarters.add("%d-Q%d".formatted(2023 + i / 4, 1 + i % 4));
			quarterly.add(0.4 + (i * 11 % 50) / 100.0);
		}
		List<RankingData.RankedUnit> ranked = new ArrayList<>();
		for (int i = 1; i <= 50; i++) {
			ranked.add(new RankingData.RankedUnit("B" + i, "第" + i + "党支部", 0.45 + (i * 13 % 50) / 100.0));
		}
		RankingData ranking = new RankingData(attendance, "2025-Q4", UNIT, ranked, 3);
		Histogram histogram = new Histogram(Histogram.Quantity.CREDITS, LocalDate.of(2025, 11, 30), 2,
				List.of(new Histogram.Group(Rank.DIVISION, BigDecimal.valueOf(18),
						new long[] { 3, 5, 8, 13, 21, 13, 8, 5, 3, 2, 1 }),
						new Histogram.Group(Rank.SECTION, BigDecimal.valueOf(12),
								new long[] { 2, 4, 6, 9, 12, 9, 6, 4, 2, 1, 0 })));
		return List.of(new Drawn(Charts.trend(new TrendData(attendance, 'M', UNIT, months, monthly), UNIT), ChartPlan.HEIGHT),
				new Drawn(Charts.trend(new TrendData(credits, 'Q', UNIT, quarters, quarterly), UNIT), ChartPlan.HEIGHT),
				new Drawn(Charts.ranking(ranking, UNIT), Charts.rankingHeight(ranking)),
				new Drawn(Charts.distribution(histogram, UNIT), ChartPlan.HEIGHT),
				new Drawn(Charts.degreeStructure(new EducationShares(12, 30, 6, 2), UNIT), ChartPlan.HEIGHT));
	}

}
