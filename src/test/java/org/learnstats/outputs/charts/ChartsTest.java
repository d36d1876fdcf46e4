package org.learnstats.outputs.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

class ChartsTest {

	static final IndicatorDefinition ATTENDANCE = IndicatorCatalog.find("attendance_rate").orElseThrow();

	static final IndicatorDefinition SATISFACTION = IndicatorCatalog.find("satisfaction_mean").orElseThrow();

	@Test
	void trendHoldsEveryPeriodWithGapsOnAPercentAxisAndTheGoalLine() {
		TrendData data = new TrendData(ATTENDANCE, 'Q', "省教育厅", List.of("2025-Q4", "2026-Q1", "2026-Q2"),
				Arrays.asList(0.8125, null, 0.95));
		JFreeChart chart = Charts.trend(data, "省教育厅");
		CategoryPlot plot = chart.getCategoryPlot();
		CategoryDataset ds = plot.getDataset();
		assertThat(ds.getColumnKeys()).containsExactly("2025-Q4", "2026-Q1", "2026-Q2");
		assertThat(ds.getValue(0, 0).doubleValue()).isEqualTo(0.8125);
		assertThat(ds.getValue(0, 1)).isNull();
		assertThat(ds.getValue(0, 2).doubleValue()).isEqualTo(0.95);
		NumberAxis axis = (NumberAxis) plot.getRangeAxis();
		assertThat(axis.getLowerBound()).isZero();
		assertThat(axis.getUpperBound()).isBetween(1.0, 1.2);
		assertThat(axis.getTickUnit().valueToString(0.6)).isEqualTo("60%");
		assertThat(axis.getTickUnit().getSize()).isEqualTo(0.2);
		assertThat(goalLines(plot.getRangeMarkers(Layer.FOREGROUND))).containsExactly(0.9);
		assertThat(chart.getTitle().getText()).isEqualTo("学习出勤率：季度趋势");
		assertThat(plot.getDomainAxis().getLabel()).isEqualTo("季度");
		assertThat(ChartText.of(chart).texts()).contains("目标 90%", "学习出勤率");
		// point labels round half up, like indicators.csv: 81.25 % shows as 81.3 %
		assertThat(plot.getRenderer().getItemLabelGenerator(0, 0).generateLabel(ds, 0, 0)).isEqualTo("81.3%");
		assertThat(plot.getRenderer().getDefaultItemLabelsVisible()).isTrue();
		assertThat(plot.getDomainAxis().getCategoryLabelPositions()).isEqualTo(CategoryLabelPositions.STANDARD);
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
		assertThat(goalLines(chart.getCategoryPlot().getRangeMarkers(Layer.FOREGROUND))).containsExactly(4.0);
	}

	@Test
	void countsStartAtZeroWithIntegerTicks() {
		IndicatorDefinition count = IndicatorCatalog.find("suggestion_count").orElseThrow();
		JFreeChart chart = Charts.trend(new TrendData(count, 'Y', "省教育厅", List.of("2025", "2026"), List.of(3.0, 12.0)),
				null);
		NumberAxis axis = (NumberAxis) chart.getCategoryPlot().getRangeAxis();
		assertThat(axis.getLowerBound()).isZero();
		assertThat(axis.getUpperBound()).isGreaterThanOrEqualTo(12.0);
		assertThat(chart.getCategoryPlot().getRangeMarkers(Layer.FOREGROUND)).isNull();
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
		assertThat(goalLines(plot.getRangeMarkers(Layer.FOREGROUND))).containsExactly(0.9);
		assertThat(chart.getTitle().getText()).isEqualTo("下级单位排名：学习出勤率（2026-Q3）");
		assertThat(ChartText.of(chart).texts()).contains("另有2个单位本期无数据", "达到目标", "未达目标");
		assertThat(((NumberAxis) plot.getRangeAxis()).getLowerBound()).isZero();
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
		assertThat(keys.get(0).toString()).startsWith("第0个单位").endsWith("…").hasSize(Charts.MAX_NAME);
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
	void distributionStacksTargetGroupsWithTheirTargetLines() {
		Histogram h = new Histogram(Histogram.Quantity.CREDITS, 2026, 2,
				List.of(new Histogram.Group("厅级、处级", new BigDecimal("18"), new long[] { 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 5 }),
						new Histogram.Group("科级", new BigDecimal("12"), new long[] { 0, 0, 0, 0, 0, 0, 7, 0, 0, 0, 1 })));
		JFreeChart chart = Charts.distribution(h, "省教育厅");
		XYPlot plot = chart.getXYPlot();
		XYDataset ds = plot.getDataset();
		assertThat(ds.getSeriesCount()).isEqualTo(2);
		assertThat(ds.getSeriesKey(0)).isEqualTo("厅级、处级（目标18分）");
		assertThat(ds.getSeriesKey(1)).isEqualTo("科级（目标12分）");
		assertThat(ds.getXValue(0, 2)).isEqualTo(4.0);
		assertThat(ds.getYValue(0, 2)).isEqualTo(2.0);
		assertThat(ds.getYValue(1, 6)).isEqualTo(7.0);
		assertThat(((org.jfree.data.xy.IntervalXYDataset) ds).getEndXValue(1, 6)).isEqualTo(14.0);
		assertThat(goalLines(plot.getDomainMarkers(Layer.FOREGROUND))).containsExactly(18.0, 12.0);
		NumberAxis x = (NumberAxis) plot.getDomainAxis();
		assertThat(x.getTickUnit().valueToString(20)).isEqualTo("≥20");
		assertThat(x.getTickUnit().valueToString(8)).isEqualTo("8");
		assertThat(x.getUpperBound()).isEqualTo(22.0);
		assertThat(chart.getTitle().getText()).isEqualTo("2026年学分分布");
		assertThat(ChartText.of(chart).texts()).contains("统计有学分要求的在职人员共16人，2026年1月1日起累计", "厅级、处级目标18分");
	}

	@Test
	void emptyDataShowsTheNoDataNote() {
		List<JFreeChart> charts = List.of(
				Charts.trend(new TrendData(ATTENDANCE, 'M', "x", List.of("2026-01"), Arrays.asList((Double) null)), null),
				Charts.ranking(new RankingData(ATTENDANCE, "2026-Q1", "x", List.of(), 3), null),
				Charts.degreeStructure(new EducationShares(0, 0, 0, 0), null),
				Charts.distribution(new Histogram(Histogram.Quantity.RESEARCH_DAYS, 2026, 10, List.of()), null));
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
			charts.add(Charts.distribution(new Histogram(q, 2026, 10,
					List.of(new Histogram.Group("厅级", BigDecimal.TEN, new long[] { 1, 2, 3 }))), "省教育厅"));
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
