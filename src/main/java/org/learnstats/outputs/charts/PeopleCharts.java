package org.learnstats.outputs.charts;

import java.awt.Color;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.StandardPieSectionLabelGenerator;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.general.DefaultPieDataset;
import org.jfree.data.xy.CategoryTableXYDataset;
import org.learnstats.vocabulary.ChineseDate;

/**
 * The charts of a subtree's people: the education pie ({@link EducationShares}) and the histogram
 * of a yearly quantity per person stacked by target group ({@link Histogram}).
 */
final class PeopleCharts {

	/** Pixels above the first target label, and per row of target labels. */
	static final int LABEL_TOP = 4;

	static final int LABEL_ROW = 18;

	private static final Color[] EDUCATION_COLORS = { new Color(0x0D, 0x47, 0xA1), new Color(0x42, 0x8B, 0xD6),
			new Color(0x26, 0xA6, 0x9A), new Color(0xF2, 0xA1, 0x3B) };

	private PeopleCharts() {
	}

	/** The degree structure's title. */
	static final String DEGREE_TITLE = "学历结构";

	/** A distribution's title ("2026年学分分布"). */
	static String title(Histogram histogram) {
		return histogram.year() + "年" + histogram.quantity().noun() + "分布";
	}

	static JFreeChart degreeStructure(EducationShares shares, String subtitle, ChartStyle style) {
		DefaultPieDataset<String> dataset = new DefaultPieDataset<>();
		long[] counts = shares.counts();
		for (int i = 0; i < counts.length; i++) {
			if (counts[i] > 0) {
				dataset.setValue(EducationShares.LABELS[i], counts[i]);
			}
		}
		JFreeChart chart = ChartFactory.createPieChart(DEGREE_TITLE, dataset, false, false, false);
		ChartParts.subtitle(chart, subtitle, style);
		if (!shares.isEmpty()) {
			ChartParts.subtitle(chart, "在职人员共" + shares.total() + "人", style);
		}
		@SuppressWarnings("unchecked")
		PiePlot<String> plot = (PiePlot<String>) chart.getPlot();
		plot.setNoDataMessage(Charts.NO_DATA);
		plot.setAutoPopulateSectionPaint(false);
		for (int i = 0; i < counts.length; i++) {
			plot.setSectionPaint(EducationShares.LABELS[i], EDUCATION_COLORS[i]);
		}
		plot.setLabelGenerator(new StandardPieSectionLabelGenerator("{0} {1}人（{2}）", ChartFormats.integerFormat(),
				ChartFormats.decimalFormat("0.0%")));
		plot.setIgnoreZeroValues(true);
		plot.setMaximumLabelWidth(0.25);
		plot.setLabelGap(0.02);
		plot.setInteriorGap(0.06);
		plot.setStartAngle(90);
		ChartTheme.apply(chart, style);
		return chart;
	}

	static JFreeChart distribution(Histogram histogram, String subtitle, ChartStyle style) {
		Histogram.Quantity q = histogram.quantity();
		CategoryTableXYDataset dataset = new CategoryTableXYDataset();
		if (!histogram.isEmpty()) {
			for (Histogram.Group g : histogram.groups()) {
				long[] counts = g.counts();
				for (int b = 0; b < counts.length; b++) {
					dataset.add(b * histogram.binWidth(), counts[b], seriesName(g, q));
				}
			}
			dataset.setIntervalWidth(histogram.binWidth());
			dataset.setIntervalPositionFactor(0.0);
		}
		JFreeChart chart = ChartFactory.createXYBarChart(title(histogram),
				histogram.year() + "年" + q.noun() + "（" + q.unit() + "）", false, "人数", dataset,
				PlotOrientation.VERTICAL, true, false, false);
		ChartParts.subtitle(chart, subtitle, style);
		if (!histogram.isEmpty()) {
			ChartParts.subtitle(chart, "统计有" + q.noun() + "要求的在职人员共" + histogram.total() + "人，" + histogram.year()
					+ "年1月1日至" + ChineseDate.monthDay(histogram.through()) + "累计", style);
		}
		XYPlot plot = chart.getXYPlot();
		plot.setNoDataMessage(Charts.NO_DATA);
		StackedXYBarRenderer renderer = new StackedXYBarRenderer(0.08);
		renderer.setAutoPopulateSeriesPaint(false);
		renderer.setShadowVisible(false);
		renderer.setDrawBarOutline(false);
		for (int i = 0; i < histogram.groups().size(); i++) {
			renderer.setSeriesPaint(i, ChartTheme.rank(histogram.groups().get(i).rank()));
		}
		plot.setRenderer(renderer);
		NumberAxis x = new NumberAxis(plot.getDomainAxis().getLabel());
		double width = histogram.binWidth();
		int buckets = Math.max(1, histogram.buckets());
		x.setRange(0, buckets * width);
		x.setTickUnit(new NumberTickUnit((buckets > 20) ? width * 2 : width,
				ChartFormats.openEndedFormat(histogram.openFrom())));
		plot.setDomainAxis(x);
		NumberAxis y = (NumberAxis) plot.getRangeAxis();
		y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		y.setUpperMargin(0.15);
		List<TargetLine> lines = targetLines(histogram);
		long tallest = histogram.tallestBar();
		if (tallest > 0) {
			// the target labels sit in rows of a band above the tallest bar: no label over a bar
			y.setRange(0, tallest / (1 - labelBand(lines.size())));
		}
		for (int i = 0; i < lines.size(); i++) {
			TargetLine line = lines.get(i);
			ValueMarker m = new ValueMarker(line.target().doubleValue());
			m.setPaint(line.colour());
			m.setStroke(style.goal());
			m.setLabel(line.label() + "目标" + ChartFormats.plain(line.target()) + q.unit());
			m.setLabelPaint(line.colour().darker());
			m.setLabelBackgroundColor(new Color(255, 255, 255, 220));
			m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
			m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
			m.setLabelOffset(new RectangleInsets(LABEL_TOP + LABEL_ROW * i, 4, 4, 4));
			plot.addDomainMarker(m, Layer.FOREGROUND);
		}
		if (chart.getLegend() != null) {
			chart.getLegend().setPosition(RectangleEdge.BOTTOM);
		}
		ChartTheme.apply(chart, style);
		return chart;
	}

	/**
	 * The share of a distribution's plot height kept free above the tallest bar for {@code rows}
	 * rows of target labels (the plot is about 230 pixels high in an 800 × 400 chart).
	 */
	static double labelBand(int rows) {
		return Math.min(0.5, (LABEL_TOP + 6 + LABEL_ROW * rows) / 230.0);
	}

	/** One target line of a distribution: the ranks sharing a target, coloured as their rank when alone. */
	record TargetLine(BigDecimal target, String label, Color colour) {
	}

	/** The distinct targets of a histogram's groups, highest first; ranks of one target share its line. */
	static List<TargetLine> targetLines(Histogram histogram) {
		TreeMap<BigDecimal, List<Histogram.Group>> byTarget = new TreeMap<>(Comparator.reverseOrder());
		for (Histogram.Group g : histogram.groups()) {
			byTarget.computeIfAbsent(g.target().stripTrailingZeros(), (t) -> new ArrayList<>()).add(g);
		}
		List<TargetLine> out = new ArrayList<>();
		byTarget.forEach((t, groups) -> out.add(new TargetLine(t,
				String.join("、", groups.stream().map(Histogram.Group::label).toList()),
				(groups.size() == 1) ? ChartTheme.rank(groups.get(0).rank()) : ChartTheme.TEXT)));
		return out;
	}

	static String seriesName(Histogram.Group g, Histogram.Quantity q) {
		return g.label() + "（目标" + ChartFormats.plain(g.target()) + q.unit() + "）";
	}

}
