package org.learnstats.outputs.charts;

import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.learnstats.outputs.charts.RankingData.RankedUnit;

/** Not a test: times building, PNG and SVG of the chart kinds (run by hand). */
public class ChartBench {

	static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

	public static void main(String[] args) {
		List<String> months = new ArrayList<>();
		List<Double> values = new ArrayList<>();
		for (int m = 1; m <= 23; m++) {
			months.add(String.format("%d-%02d", 2025 + (m - 1) / 12, (m - 1) % 12 + 1));
			values.add(0.5 + m / 100.0);
		}
		TrendData trend = new TrendData(ChartsTest.ATTENDANCE, 'M', "省教育厅", months, values);
		List<RankedUnit> units = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			units.add(new RankedUnit("u" + i, "第" + i + "个单位", 1 - i / 10.0));
		}
		RankingData ranking = new RankingData(ChartsTest.ATTENDANCE, "2026-Q3", "x", units, 0);
		for (int round = 0; round < 3; round++) {
			long build = 0, png = 0, svg = 0, svgBytes = 0;
			int n = 40;
			for (int i = 0; i < n; i++) {
				long t0 = CPU.getCurrentThreadCpuTime();
				JFreeChart c = (i % 2 == 0) ? Charts.trend(trend, "省教育厅（含下级单位）　数据截至2026-11-20")
						: Charts.ranking(ranking, "省教育厅");
				long t1 = CPU.getCurrentThreadCpuTime();
				ChartMedia.png(c, 800, 400);
				long t2 = CPU.getCurrentThreadCpuTime();
				svgBytes += ChartMedia.svg(c, 800, 400).length();
				long t3 = CPU.getCurrentThreadCpuTime();
				build += t1 - t0;
				png += t2 - t1;
				svg += t3 - t2;
			}
			System.out.printf("per chart: build %.1f ms, png %.1f ms, svg %.1f ms, svg %d KB%n", build / 1e6 / n,
					png / 1e6 / n, svg / 1e6 / n, svgBytes / n / 1024);
		}
	}

}
