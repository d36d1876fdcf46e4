package org.learnstats.outputs.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.learnstats.indicators.IndicatorCatalog;
import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.outputs.charts.RankingData.RankedUnit;
import org.learnstats.outputs.fonts.CjkFont;
import org.learnstats.vocabulary.Rank;

class ChartsTest {

	static final IndicatorDefinition ATTENDANCE = IndicatorCatalog.find("attendance_rate").orElseThrow();

	static final IndicatorDefinition SATISFACTION = IndicatorCatalog.find("satisfaction_mean").orElseThrow();

	@Test
	void trendHoldsEveryPeriodWithGapsOnAZoomedPercentAxisAndTheGoalLine() {
		TrendData data = new TrendData(ATTENDANCE, 'Q', "省教育厅", List.of("2025-Q4", "2026-Q1", "2026-Q2"),
				Arrays.asList(0.8125, null, 0.95));
		JFreeChart chart = Charts.trend(data, "省教育厅");
		CategoryPlot plot = chart.getCategoryPlot();
		CategoryDataset ds = plot.getDataset();
		assertThat(ds.getColumnKeys()).containsExactly("2025-Q4", "2026-Q1", "2026-Q2");
		assertThat(ds.getValue(0, 0).doubleValue()).isEqualTo(0.8125);
		assertThat(ds.getValue(0, 1)).isNull();
		assertThat(ds.getValue(0, 2).doubleValue()).isEqualTo(0.95);
		// 81.25 %–95 % and the 90 % goal: 75 %–100 % in steps of 5, room above for the point labels
		NumberAxis axis = (NumberAxis) plot.getRangeAxis();
		assertThat(axis.getLowerBound()).isEqualTo(0.75);
		assertThat(axis.getUpperBound()).isEqualTo(1 + 0.25 * 0.14, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(axis.getTickUnit().getSize()).isEqualTo(0.05);
		assertThat(axis.getTickUnit().valueToString(0.8)).isEqualTo("80%");
		assertThat(axis.getTickUnit().valueToString(1.05)).isEmpty();
		assertThat(axis.getLabel()).isEqualTo("比率（纵轴自 75% 起）");
		assertThat(goalLines(plot.getRangeMarkers(Layer.BACKGROUND))).containsExactly(0.9);
		assertThat(chart.getTitle().getText()).isEqualTo("学习出勤率：季度趋势");
		assertThat(plot.getDomainAxis().getLabel()).isEqualTo("季度");
		assertThat(ChartText.of(chart).texts()).contains("目标 90%", "学习出勤率");
		// point labels round half up, like indicators.csv: 81.25 % shows as 81.3 %
		assertThat(plot.getRenderer().getItemLabelGenerator(0, 0).generateLabel(ds, 0, 0)).isEqualTo("81.3%");
		assertThat(plot.getRenderer().getDefaultItemLabelsVisible()).isTrue();
		assertThat(plot.getDomainAxis().getCategoryLabelPositions()).isEqualTo(CategoryLabelPositions.STANDARD);
	}

	@Test
	void rateAxesZoomAroundTheDataAndTheGoal() {
		// the monthly trend of the issue: 88–93 % around a 90 % goal reads on 86 %–94 %, ticks every 2 points
		List<Double> months = List.of(0.912, 0.899, 0.905, 0.88, 0.93, 0.893);
		RateAxis tight = RateAxis.of(months, 0.9);
		assertThat(tight.lower()).isEqualTo(0.86);
		assertThat(tight.top()).isEqualTo(0.94);
		assertThat(tight.step()).isEqualTo(0.02);
		JFreeChart chart = Charts.trend(new TrendData(ATTENDANCE, 'M', "省教育厅",
				List.of("2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"), months), null);
		NumberAxis axis = (NumberAxis) chart.getCategoryPlot().getRangeAxis();
		assertThat(axis.getLowerBound()).isEqualTo(0.86);
		assertThat(axis.getUpperBound()).isBetween(0.94, 0.96);
		assertThat(axis.getLabel()).isEqualTo("比率（纵轴自 86% 起）");
		// a goal of 100 % with values from 10 %: the whole scale, from zero, and the label says nothing more
		RateAxis wide = RateAxis.of(List.of(0.1, 0.827, 0.591), 1.0);
		assertThat(wide).isEqualTo(new RateAxis(0, 1, 0.2));
		assertThat(wide.label("比率")).isEqualTo("比率");
		// never above 100 %, gaps ignored, and the goal counts even below every value
		RateAxis high = RateAxis.of(Arrays.asList(0.97, null, 1.0), 0.9);
		assertThat(high.top()).isEqualTo(1.0);
		assertThat(high.lower()).isEqualTo(0.88);
		// a single value without a goal: one point either side, in steps of one
		assertThat(RateAxis.of(List.of(0.5), null)).isEqualTo(new RateAxis(0.49, 0.51, 0.01));
	}

	@Test
	void longTrendsTurnTheirPeriodLabelsAndDropValueLabels() {
		List<String> months = new ArrayList<>();
		List<Double> values = new ArrayList<>();
		for (int m = 1; m <= 18; m++) {
			months.add(String.format("%d-%02d", 2025 + (m - 1) / 12, (m - 1) % 12 + 1));
			values.add(0.5 + m / 100.0);
		}
		JFreeChart chart = Charts.trend(new TrendData(ATTENDANCE, 'M', "省教育厅", months, values), null);
		CategoryPlot plot = chart.getCategoryPlot();
		assertThat(plot.getDomainAxis().getCategoryLabelPositions()).isEqualTo(CategoryLabelPositions.UP_45);
		assertThat(plot.getRenderer().getDefaultItemLabelsVisible()).isFalse();
		assertThat(plot.getDataset().getColumnCount()).isEqualTo(18);
		assertThat(chart.getTitle().getText()).isEqualTo("学习出勤率：月度趋势");
	}

	@Test
	void satisfactionReadsOnItsOneToFiveScale() {
		JFreeChart chart = Charts.trend(new TrendData(SATISFACTION, 'Q', "省教育厅", List.of("2026-Q1", "2026-Q2"),
				List.of(3.75, 4.2)), null);
		NumberAxis axis = (NumberAxis) chart.getCategoryPlot().getRangeAxis();
		assertThat(axis.getLowerBound()).isEqualTo(1.0);
		assertThat(axis.getUpperBound()).isBetween(5.0, 5.5);
		assertThat(goalLines(chart.getCategoryPlot().getRangeMarkers(Layer.BACKGROUND))).containsExactly(4.0);
	}

	@Test
	void countsStartAtZeroWithIntegerTicks() {
		IndicatorDefinition count = IndicatorCatalog.find("suggestion_count").orElseThrow();
		JFreeChart chart = Charts.trend(new TrendData(count, 'Y', "省教育厅", List.of("2025", "2026"), List.of(3.0, 12.0)),
				null);
		NumberAxis axis = (NumberAxis) chart.getCategoryPlot().getRangeAxis();
		assertThat(axis.getLowerBound()).isZero();
		assertThat(axis.getUpperBound()).isGreaterThanOrEqualTo(12.0);
		assertThat(chart.getCategoryPlot().getRangeMarkers(Layer.BACKGROUND)).isNull();
		assertThat(axis.getLabel()).isEqualTo("条数");
	}

	@Test
	void rankingKeepsItsOrderAndColoursByTheGoal() {
		RankingData data = new RankingData(ATTENDANCE, "2026-Q3", "省直机关工作委员会",
				List.of(new RankedUnit("D03", "省教育厅", 0.97), new RankedUnit("D01", "省委办公厅", 0.9),
						new RankedUnit("D02", "省发展和改革委员会", 0.75)),
				2);
		JFreeChart chart = Charts.ranking(data, null);
		CategoryPlot plot = chart.getCategoryPlot();
		assertThat(plot.getDataset().getColumnKeys()).containsExactly("省教育厅", "省委办公厅", "省发展和改革委员会");
		assertThat(plot.getDataset().getValue(0, 2).doubleValue()).isEqualTo(0.75);
		assertThat(plot.getRenderer().getItemPaint(0, 0)).isEqualTo(ChartTheme.MET);
		assertThat(plot.getRenderer().getItemPaint(0, 1)).isEqualTo(ChartTheme.MET);
		assertThat(plot.getRenderer().getItemPaint(0, 2)).isEqualTo(ChartTheme.NOT_MET);
		// the goal line lies behind the bars and the values inside their ends: no label under the line
		assertThat(goalLines(plot.getRangeMarkers(Layer.BACKGROUND))).containsExactly(0.9);
		assertThat(plot.getRangeMarkers(Layer.FOREGROUND)).isNull();
		assertThat(plot.getRenderer().getPositiveItemLabelPosition(0, 0).getItemLabelAnchor())
			.isEqualTo(org.jfree.chart.labels.ItemLabelAnchor.INSIDE3);
		assertThat(plot.getRenderer().getItemLabelPaint(0, 0)).isEqualTo(java.awt.Color.WHITE);
		assertThat(plot.getRenderer().getItemLabelPaint(0, 2)).isEqualTo(ChartTheme.TEXT);
		assertThat(chart.getTitle().getText()).isEqualTo("下级单位排名：学习出勤率（2026-Q3）");
		assertThat(ChartText.of(chart).texts()).contains("另有2个单位本期无数据", "达到目标", "未达目标");
		assertThat(((NumberAxis) plot.getRangeAxis()).getLowerBound()).isZero();
	}

	@Test
	void aFewBarsAreAsThickAsARowOnScreenAndInPrint() {
		for (ChartStyle style : List.of(ChartStyle.SCREEN, ChartStyle.PRINT)) {
			double width = (style == ChartStyle.SCREEN) ? 800 : 495;
			List<Integer> many = RankingBars.thickness(Charts.ranking(ranks(20), null, style), width,
					Charts.rankingHeight(ranks(20), style), style);
			assertThat(many).as(style.name()).hasSize(20);
			for (int n : new int[] { 2, 3, 4 }) {
				RankingData few = ranks(n);
				// a row of the style (22 px on screen, 13 pt = 54 px in print), not a share of a tall plot
				assertThat(RankingBars.thickness(Charts.ranking(few, null, style), width, Charts.rankingHeight(few, style),
						style))
					.as(style.name() + ", " + n + " bars")
					.hasSize(n)
					.allSatisfy((px) -> assertThat(px).isBetween(style.pixels(style.rankingRow()) - 2,
							style.pixels(style.rankingRow())))
					.allSatisfy((px) -> assertThat(px).isGreaterThanOrEqualTo(java.util.Collections.max(many)));
			}
		}
	}

	@Test
	void aValueThatDoesNotFitInsideItsBarIsWrittenDarkAfterIt() {
		// 20 bars in print are thinner than their labels: every value is drawn after its bar, legibly
		// (a label such as "97.0%" is over 12 dark pixels per square point of the print PNG)
		RankingData data = ranks(20);
		double perPoint = ChartStyle.PRINT.pixelsPerUnit() * ChartStyle.PRINT.pixelsPerUnit();
		assertThat(RankingBars.inkAfterBars(Charts.ranking(data, null, ChartStyle.PRINT), 495,
				Charts.rankingHeight(data, ChartStyle.PRINT), ChartStyle.PRINT))
			.hasSize(20)
			.allSatisfy((dark) -> assertThat(dark).isGreaterThan((int) (12 * perPoint)));
		// on screen they fit inside, white: nothing after the bars of those that meet the goal
		assertThat(RankingBars.inkAfterBars(Charts.ranking(data, null), 800, Charts.rankingHeight(data), ChartStyle.SCREEN)
			.subList(0, 3)).containsOnly(0);
	}

	@Test
	void aSatisfactionRankingStartsAtZeroAndItsTrendOnItsScale() {
		RankingData data = new RankingData(SATISFACTION, "2026-Q3", "根",
				List.of(new RankedUnit("A", "甲", 4.4), new RankedUnit("B", "乙", 3.9)), 0);
		for (ChartStyle style : List.of(ChartStyle.SCREEN, ChartStyle.PRINT)) {
			NumberAxis axis = (NumberAxis) Charts.ranking(data, null, style).getCategoryPlot().getRangeAxis();
			assertThat(axis.getLowerBound()).isZero();
			assertThat(axis.getUpperBound()).isBetween(5.0, 6.0);
		}
	}

	/** {@code n} child units, attendance from 97 % down by 3 points: the first three meet the 90 % goal. */
	private static RankingData ranks(int n) {
		List<RankedUnit> units = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			units.add(new RankedUnit("U" + i, "第" + i + "单位", 0.97 - i * 0.03));
		}
		return new RankingData(ATTENDANCE, "2026-Q3", "根", units, 0);
	}

	@Test
	void longRankingsShowTheBestAndWorstTwentyAndLongNamesAreCut() {
		List<RankedUnit> units = new ArrayList<>();
		for (int i = 0; i < 55; i++) {
			units.add(new RankedUnit(String.format("U%02d", i), "第" + i + "个单位机关党委办公室综合处党支部", 1 - i / 100.0));
		}
		RankingData data = new RankingData(ATTENDANCE, "2026-Q3", "省直机关工作委员会", units, 0);
		JFreeChart chart = Charts.ranking(data, null);
		List<?> keys = chart.getCategoryPlot().getDataset().getColumnKeys();
		assertThat(keys).hasSize(40);
		assertThat(keys.get(0).toString()).startsWith("第0个单位").endsWith("…").hasSize(ChartFormats.MAX_NAME);
		assertThat(keys.get(39).toString()).startsWith("第54个单位");
		assertThat(ChartText.of(chart).texts()).contains("共55个单位，显示前20名和后20名");
		assertThat(Charts.rankingHeight(data)).isGreaterThanOrEqualTo(40 * 20);
	}

	@Test
	void degreeStructureIsAPieOfTheFourLevels() {
		JFreeChart chart = Charts.degreeStructure(new EducationShares(3, 10, 6, 0), "省教育厅");
		@SuppressWarnings("unchecked")
		PiePlot<String> plot = (PiePlot<String>) chart.getPlot();
		assertThat(plot.getDataset().getKeys()).containsExactly("研究生", "本科", "大专");
		assertThat(plot.getDataset().getValue("本科").intValue()).isEqualTo(10);
		assertThat(ChartText.of(chart).texts()).contains("学历结构", "在职人员共19人");
		assertThat(plot.getLabelGenerator().generateSectionLabel(plot.getDataset(), "本科")).isEqualTo("本科 10人（52.6%）");
	}

	@Test
	void distributionStacksRanksWithTheirTargetLinesAboveTheBars() {
		Histogram h = new Histogram(Histogram.Quantity.CREDITS, LocalDate.of(2026, 11, 30), 2,
				List.of(new Histogram.Group(Rank.BUREAU, new BigDecimal("18"), new long[] { 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 5 }),
						new Histogram.Group(Rank.DIVISION, new BigDecimal("18"), new long[] { 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 3 }),
						new Histogram.Group(Rank.SECTION, new BigDecimal("12"), new long[] { 0, 0, 0, 0, 0, 0, 7, 0, 0, 0, 1 })));
		JFreeChart chart = Charts.distribution(h, "省教育厅");
		XYPlot plot = chart.getXYPlot();
		XYDataset ds = plot.getDataset();
		assertThat(ds.getSeriesCount()).isEqualTo(3);
		assertThat(ds.getSeriesKey(0)).isEqualTo("厅级（目标18分）");
		assertThat(ds.getSeriesKey(1)).isEqualTo("处级（目标18分）");
		assertThat(ds.getSeriesKey(2)).isEqualTo("科级（目标12分）");
		assertThat(ds.getXValue(0, 2)).isEqualTo(4.0);
		assertThat(ds.getYValue(0, 2)).isEqualTo(2.0);
		assertThat(ds.getYValue(2, 6)).isEqualTo(7.0);
		assertThat(((org.jfree.data.xy.IntervalXYDataset) ds).getEndXValue(2, 6)).isEqualTo(14.0);
		// one line per distinct target: 厅级 and 处级 share 18
		assertThat(goalLines(plot.getDomainMarkers(Layer.FOREGROUND))).containsExactly(18.0, 12.0);
		NumberAxis x = (NumberAxis) plot.getDomainAxis();
		assertThat(x.getTickUnit().valueToString(20)).isEqualTo("≥20");
		assertThat(x.getTickUnit().valueToString(8)).isEqualTo("8");
		assertThat(x.getUpperBound()).isEqualTo(22.0);
		assertThat(chart.getTitle().getText()).isEqualTo("2026年学分分布");
		// the year it shows, not "this year": in January the distributions are the year before's
		assertThat(plot.getDomainAxis().getLabel()).isEqualTo("2026年学分（分）");
		assertThat(ChartText.of(chart).texts()).contains("统计有学分要求的在职人员共20人，2026年1月1日至11月30日累计", "厅级、处级目标18分",
				"科级目标12分");
		// the target labels' rows lie above the tallest bar (5 + 3 + 1 = 9 people) in the drawn plot
		assertThat(h.tallestBar()).isEqualTo(9);
		ChartRenderingInfo info = new ChartRenderingInfo();
		chart.draw(new BufferedImage(800, 400, BufferedImage.TYPE_INT_RGB).createGraphics(),
				new Rectangle2D.Double(0, 0, 800, 400), info);
		double plotHeight = info.getPlotInfo().getDataArea().getHeight();
		double aboveTallest = (1 - 9 / plot.getRangeAxis().getUpperBound()) * plotHeight;
		assertThat(aboveTallest).isGreaterThanOrEqualTo(PeopleCharts.LABEL_TOP + 2 * PeopleCharts.LABEL_ROW);
	}

	@Test
	void aRankHasOneColourInEveryChart() {
		Histogram credits = new Histogram(Histogram.Quantity.CREDITS, LocalDate.of(2026, 11, 30), 2,
				List.of(new Histogram.Group(Rank.BUREAU, new BigDecimal("18"), new long[] { 1, 2 }),
						new Histogram.Group(Rank.DIVISION, new BigDecimal("18"), new long[] { 1, 2 }),
						new Histogram.Group(Rank.SECTION, new BigDecimal("12"), new long[] { 3, 1 })));
		Histogram days = new Histogram(Histogram.Quantity.RESEARCH_DAYS, LocalDate.of(2026, 11, 30), 10,
				List.of(new Histogram.Group(Rank.DIVISION, new BigDecimal("60"), new long[] { 1, 2 }),
						new Histogram.Group(Rank.SECTION, new BigDecimal("30"), new long[] { 3, 1 })));
		java.util.Map<String, java.awt.Paint> seen = new java.util.HashMap<>();
		for (Histogram h : List.of(credits, days)) {
			XYPlot plot = Charts.distribution(h, null).getXYPlot();
			for (int i = 0; i < h.groups().size(); i++) {
				Rank rank = h.groups().get(i).rank();
				java.awt.Paint paint = plot.getRenderer().getSeriesPaint(i);
				assertThat(paint).as(rank.chinese()).isEqualTo(ChartTheme.rank(rank));
				assertThat(seen.merge(rank.code(), paint, (a, b) -> a)).as(rank.chinese()).isEqualTo(paint);
			}
		}
		// 科级 is series 3 of one chart and series 2 of the other, and the same colour in both
		assertThat(seen.get("section")).isEqualTo(new java.awt.Color(0x00, 0x9E, 0x73));
		assertThat(java.util.Arrays.stream(Rank.values()).map(ChartTheme::rank).distinct().count())
			.isEqualTo(Rank.values().length);
		assertThat(java.util.Arrays.stream(Rank.values()).map(ChartTheme::rank))
			.doesNotContain(ChartTheme.MET, ChartTheme.NOT_MET, ChartTheme.GOAL);
	}

	@Test
	void emptyDataShowsTheNoDataNote() {
		List<JFreeChart> charts = List.of(
				Charts.trend(new TrendData(ATTENDANCE, 'M', "x", List.of("2026-01"), Arrays.asList((Double) null)), null),
				Charts.ranking(new RankingData(ATTENDANCE, "2026-Q1", "x", List.of(), 3), null),
				Charts.degreeStructure(new EducationShares(0, 0, 0, 0), null),
				Charts.distribution(new Histogram(Histogram.Quantity.RESEARCH_DAYS, LocalDate.of(2026, 11, 30), 10, List.of()), null));
		for (JFreeChart chart : charts) {
			assertThat(chart.getPlot().getNoDataMessage()).isEqualTo("暂无数据");
		}
		assertThat(charts.get(0).getCategoryPlot().getDataset().getColumnCount()).isZero();
		assertThat(charts.get(1).getCategoryPlot().getDataset().getColumnCount()).isZero();
		assertThat(((PiePlot<?>) charts.get(2).getPlot()).getDataset().getItemCount()).isZero();
		assertThat(charts.get(3).getXYPlot().getDataset().getSeriesCount()).isZero();
	}

	@Test
	void everyTextIsInTheShippedFontAndDisplayable() {
		List<JFreeChart> charts = new ArrayList<>();
		for (IndicatorDefinition def : IndicatorCatalog.ALL) {
			charts.add(Charts.trend(new TrendData(def, 'Q', "省教育厅", List.of("2026-Q1", "2026-Q2"), List.of(0.5, 0.7)),
					"省教育厅（含下级单位）　数据截至2026-11-20"));
			charts.add(Charts.ranking(new RankingData(def, "2026-Q2", "省直机关工作委员会",
					List.of(new RankedUnit("a", "省教育厅", 0.9), new RankedUnit("b", "省财政厅", 0.2)), 1), null));
		}
		charts.add(Charts.degreeStructure(new EducationShares(1, 2, 3, 4), "省教育厅"));
		for (Histogram.Quantity q : Histogram.Quantity.values()) {
			charts.add(Charts.distribution(new Histogram(q, LocalDate.of(2026, 11, 30), 10,
					List.of(new Histogram.Group(Rank.BUREAU, BigDecimal.TEN, new long[] { 1, 2, 3 }))), "省教育厅"));
		}
		charts.add(Charts.ranking(new RankingData(ATTENDANCE, "2026-Q2", "省直机关工作委员会",
				List.of(new RankedUnit("a", "省人力资源和社会保障厅机关党委第一党支部", 0.9), new RankedUnit("b", "省财政厅", 0.2)), 0),
				null));
		Font cjk = CjkFont.font(Font.PLAIN, 12);
		// drawn but not held as chart text: tick labels of the open bucket, separators
		assertThat(cjk.canDisplayUpTo("≥28 ≥140 …、；（）：　%-.0123456789")).isEqualTo(-1);
		for (JFreeChart chart : charts) {
			ChartText text = ChartText.of(chart);
			assertThat(text.fonts()).isNotEmpty().allSatisfy((f) -> assertThat(f.getFamily(java.util.Locale.ROOT))
				.as(chart.getTitle().getText()).isEqualTo(CjkFont.FAMILY));
			assertThat(text.texts()).isNotEmpty().allSatisfy((s) -> assertThat(cjk.canDisplayUpTo(s)).as(s).isEqualTo(-1));
		}
	}

	private static List<Double> goalLines(java.util.Collection<?> markers) {
		return markers.stream().map((m) -> ((ValueMarker) m).getValue()).toList();
	}

}
