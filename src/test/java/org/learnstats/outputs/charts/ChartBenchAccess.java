package org.learnstats.outputs.charts;

import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;

public class ChartBenchAccess {

	public static JFreeChart chart() {
		List<String> months = new ArrayList<>();
		List<Double> values = new ArrayList<>();
		for (int m = 1; m <= 23; m++) {
			months.add(String.format("%d-%02d", 2025 + (m - 1) / 12, (m - 1) % 12 + 1));
			values.add(0.5 + m / 100.0);
		}
		return Charts.trend(new TrendData(ChartsTest.ATTENDANCE, 'M', "省教育厅", months, values), "省教育厅（含下级单位）　数据截至2026-11-20");
	}

}
