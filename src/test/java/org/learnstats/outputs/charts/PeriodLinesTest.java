package org.learnstats.outputs.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;
import org.learnstats.indicators.IndicatorCatalog;
import org.learnstats.indicators.IndicatorDefinition;

/** The trend chart type of both media: lines, year-to-date breaks, partial marks, and the two styles. */
class PeriodLinesTest {

	static final IndicatorDefinition CREDITS = IndicatorCatalog.find("avg_credits").orElseThrow();

	static final List<String> QUARTERS = List.of("2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3");

	@Test
	void aYearToDateLineIsDrawnYearByYearInOneColourAndNamedOnce() {
		PeriodLines data = new PeriodLines(CREDITS, "人均学分（年初至季末累计）", "季度", QUARTERS,
				List.of(new PeriodLines.Line("甲委员会", List.of(20.0, 40.0, 8.0, 18.0, 30.0)),
						new PeriodLines.Line("乙委员会", Arrays.asList(null, 35.0, 9.0, 17.0, 28.0))),
				Set.of("2025-Q3"), true);
		JFreeChart chart = Charts.trend(data, null, ChartStyle.PRINT);
		CategoryPlot plot = chart.getCategoryPlot();
		// a series per line and year: no segment from Q4 (a year's total) down to Q1 (a new year's start)
		assertThat(plot.getDataset().getRowKeys()).containsExactly("甲委员会", "甲委员会（2026年）", "乙委员会",
				"乙委员会（2026年）");
		assertThat(plot.getDataset().getValue("甲委员会", "2025-Q4")).isEqualTo(40.0);
		assertThat(plot.getDataset().getValue("甲委员会", "2026-Q1")).isNull();
		assertThat(plot.getDataset().getValue("甲委员会（2026年）", "2026-Q1")).isEqualTo(8.0);
		assertThat(plot.getDataset().getColumnKeys()).containsExactly("2025-Q3*", "2025-Q4", "2026-Q1", "2026-Q2",
				"2026-Q3");
		CategoryItemRenderer r = plot.getRenderer();
		assertThat(r.getSeriesPaint(1)).isEqualTo(r.getSeriesPaint(0)).isEqualTo(ChartTheme.SERIES[0]);
		assertThat(r.getSeriesPaint(3)).isEqualTo(r.getSeriesPaint(2)).isEqualTo(ChartTheme.SERIES[1]);
		// the legend: each line once, then the goal
		List<String> legend = new java.util.ArrayList<>();
		for (int i = 0; i < plot.getFixedLegendItems().getItemCount(); i++) {
			legend.add(plot.getFixedLegendItems().get(i).getLabel());
		}
		assertThat(legend).startsWith("甲委员会", "乙委员会").hasSize(CREDITS.goal() == null ? 2 : 3);
	}

	@Test
	void bothStylesGiveTheSameChartAtTheirOwnSizes() {
		PeriodLines data = new PeriodLines(ChartsTest.ATTENDANCE, "学习出勤率（季度）", "季度", QUARTERS,
				List.of(new PeriodLines.Line("甲", List.of(0.8, 0.85, 0.9, 0.92, 0.95))), Set.of(), false);
		JFreeChart screen = Charts.trend(data, null, ChartStyle.SCREEN);
		JFreeChart print = Charts.trend(data, null, ChartStyle.PRINT);
		CategoryPlot s = screen.getCategoryPlot();
		CategoryPlot p = print.getCategoryPlot();
		assertThat(p.getDataset().getRowKeys()).isEqualTo(s.getDataset().getRowKeys());
		assertThat(p.getDataset().getColumnKeys()).isEqualTo(s.getDataset().getColumnKeys());
		// the same zoomed axis and ticks; the smaller print plot keeps a larger share above for point labels
		assertThat(p.getRangeAxis().getLowerBound()).isEqualTo(s.getRangeAxis().getLowerBound());
		assertThat(((org.jfree.chart.axis.NumberAxis) p.getRangeAxis()).getTickUnit())
			.isEqualTo(((org.jfree.chart.axis.NumberAxis) s.getRangeAxis()).getTickUnit());
		assertThat(p.getRangeAxis().getUpperBound()).isGreaterThan(s.getRangeAxis().getUpperBound());
		assertThat(p.getRangeAxis().getLabel()).isEqualTo(s.getRangeAxis().getLabel());
		assertThat(p.getRangeMarkers(Layer.BACKGROUND)).hasSameSizeAs(s.getRangeMarkers(Layer.BACKGROUND));
		assertThat(p.getRenderer().getSeriesPaint(0)).isEqualTo(s.getRenderer().getSeriesPaint(0));
		// sizes differ: print fonts are points of the printed page
		assertThat(print.getTitle().getFont().getSize2D()).isEqualTo(ChartStyle.PRINT.title().getSize2D());
		assertThat(screen.getTitle().getFont().getSize2D()).isEqualTo(18f);
		assertThat(print.getTitle().getFont().getStyle()).isEqualTo(Font.BOLD);
		// the print style's PNG is at 150 dpi: 241.5 × 190 points are 503 × 396 pixels
		BufferedImage image = ChartMedia.image(print, 241.5, 190, ChartStyle.PRINT);
		assertThat(image.getWidth()).isEqualTo(503);
		assertThat(image.getHeight()).isEqualTo(396);
		assertThat(ChartMedia.image(screen, 800, 400, ChartStyle.SCREEN).getWidth()).isEqualTo(800);
	}

	@Test
	void theDashboardTrendIsAOneLineTrend() {
		TrendData trend = new TrendData(ChartsTest.ATTENDANCE, 'Q', "省教育厅", QUARTERS, List.of(0.8, 0.85, 0.9, 0.92, 0.95));
		PeriodLines lines = PeriodLines.of(trend);
		assertThat(lines.lines()).hasSize(1);
		assertThat(lines.title()).isEqualTo(ChartsTest.ATTENDANCE.label() + "：季度趋势");
		assertThat(ChartMedia.png(Charts.trend(trend, "x"), 400, 200))
			.isEqualTo(ChartMedia.png(Charts.trend(lines, "x", ChartStyle.SCREEN), 400, 200));
	}

}
