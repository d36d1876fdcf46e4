package org.learnstats.outputs.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;
import org.learnstats.outputs.charts.ChartMedia;
import org.learnstats.outputs.charts.ChartStyle;
import org.learnstats.outputs.charts.Charts;
import org.learnstats.outputs.charts.PeriodLines;
import org.learnstats.outputs.charts.RankingData;
import org.learnstats.outputs.charts.TrendData;
import org.learnstats.store.UnitForest.Unit;

/** The pack draws with the dashboard's chart factory, in the print style (its PNGs at {@link ChartStyle#PRINT_DPI}). */
class PackChartsTest {

	private static final List<String> QUARTERS = List.of("2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3");

	@Test
	void thePackDrawsItsChartsWithTheDashboardsFactoryInThePrintStyle() {
		PackReport report = new PackReport(data());
		Map<String, PackImages.Rendered> charts = PackImages.of(report);
		assertThat(charts).containsKeys(PackImages.trendName("attendance_rate"), PackImages.rankingName("attendance_rate"));

		// the pack's trend PNG is the factory's chart of the pack's dataset, at print resolution (150 dpi)
		PeriodLines lines = PackImages.trend(report, "attendance_rate");
		PackImages.Rendered trend = charts.get(PackImages.trendName("attendance_rate"));
		assertThat(trend.png()).isEqualTo(ChartMedia.png(Charts.trend(lines, null, ChartStyle.PRINT), trend.width(),
				trend.height(), ChartStyle.PRINT));
		assertThat(size(trend.png())).containsExactly(Math.round(PackImages.TREND_WIDTH * ChartStyle.PRINT_DPI / 72),
				Math.round(PackImages.TREND_HEIGHT * ChartStyle.PRINT_DPI / 72));
		RankingData ranking = PackImages.ranking(report, "attendance_rate");
		PackImages.Rendered ranked = charts.get(PackImages.rankingName("attendance_rate"));
		assertThat(ranked.height()).isEqualTo(Charts.rankingHeight(ranking, ChartStyle.PRINT));
		assertThat(size(ranked.png())).containsExactly(Math.round(PackImages.WIDTH * ChartStyle.PRINT_DPI / 72),
				Math.round(ranked.height() * ChartStyle.PRINT_DPI / 72));

		// the dashboard's trend of the same values is the same chart: series, periods, values, axis, goal
		TrendData dashboard = new TrendData(PackReport.def("attendance_rate"), 'Q', "根", lines.periods(),
				lines.lines().get(0).values());
		CategoryPlot screen = Charts.trend(dashboard, null).getCategoryPlot();
		CategoryPlot print = Charts.trend(lines, null, ChartStyle.PRINT).getCategoryPlot();
		assertThat(print.getDataset().getColumnKeys()).isEqualTo(screen.getDataset().getColumnKeys());
		assertThat(print.getDataset().getRowCount()).isEqualTo(screen.getDataset().getRowCount());
		for (int c = 0; c < QUARTERS.size(); c++) {
			assertThat(print.getDataset().getValue(0, c)).isEqualTo(screen.getDataset().getValue(0, c));
		}
		// the same zoomed axis and ticks; the smaller print plot keeps a larger share above for point labels
		assertThat(print.getRangeAxis().getLowerBound()).isEqualTo(screen.getRangeAxis().getLowerBound());
		assertThat(((org.jfree.chart.axis.NumberAxis) print.getRangeAxis()).getTickUnit())
			.isEqualTo(((org.jfree.chart.axis.NumberAxis) screen.getRangeAxis()).getTickUnit());
		assertThat(print.getRangeAxis().getUpperBound()).isGreaterThan(screen.getRangeAxis().getUpperBound());
		assertThat(print.getRangeMarkers(Layer.BACKGROUND)).hasSameSizeAs(screen.getRangeMarkers(Layer.BACKGROUND));
		assertThat(print.getRenderer().getClass()).isEqualTo(screen.getRenderer().getClass());

		// and the ranking: the same bars, in the same order and colours, on screen and in print
		JFreeChart s = Charts.ranking(ranking, null);
		JFreeChart p = Charts.ranking(ranking, null, ChartStyle.PRINT);
		assertThat(p.getCategoryPlot().getDataset().getColumnKeys()).containsExactly("甲单位", "乙单位", "丙单位")
			.isEqualTo(s.getCategoryPlot().getDataset().getColumnKeys());
		for (int c = 0; c < 3; c++) {
			assertThat(p.getCategoryPlot().getRenderer().getItemPaint(0, c))
				.isEqualTo(s.getCategoryPlot().getRenderer().getItemPaint(0, c));
		}
		assertThat(p.getTitle().getText()).isEqualTo(s.getTitle().getText());
	}

	/** Width and height from a PNG's header. */
	private static List<Long> size(byte[] png) {
		ByteBuffer b = ByteBuffer.wrap(png);
		return List.of((long) b.getInt(16), (long) b.getInt(20));
	}

	/** One root with three top units, attendance over four quarters. */
	private static PackData data() {
		Unit root = new Unit("R", "根", null, "committee");
		List<Unit> top = List.of(new Unit("A", "甲单位", "R", "office"), new Unit("B", "乙单位", "R", "office"),
				new Unit("C", "丙单位", "R", "office"));
		Map<String, PackData.Value> values = new TreeMap<>();
		double[] trend = { 0.82, 0.88, 0.91, 0.93 };
		for (int i = 0; i < QUARTERS.size(); i++) {
			values.put(PackData.key(QUARTERS.get(i), "R", "attendance_rate"),
					new PackData.Value(null, null, BigDecimal.valueOf(trend[i])));
		}
		double[] units = { 0.95, 0.90, 0.70 };
		for (int i = 0; i < top.size(); i++) {
			values.put(PackData.key("2026-Q3", top.get(i).code(), "attendance_rate"),
					new PackData.Value(null, null, BigDecimal.valueOf(units[i])));
		}
		return new PackData(Quarter.parse("2026-Q3"), null, List.of(root), top, List.of(),
				QUARTERS.stream().map(Quarter::parse).toList(), new TreeMap<>(values),
				List.of(new PackData.Completeness(null, "全部单位", 4, List.of(4, 4, 4, 4, 4), List.of(4, 4, 4, 4, 4))),
				List.of(), List.of(), new TreeMap<>(Map.of("R", 0, "A", 1, "B", 1, "C", 1)), PackTargets.defaults(),
				LocalDate.of(2020, 1, 1));
	}

}
