package org.learnstats.outputs.pack;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.List;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.outputs.charts.ChartMedia;
import org.learnstats.outputs.fonts.CjkFont;
import org.learnstats.indicators.IndicatorDefinition.Type;

/**
 * The pack's charts: quarterly trends with the goal line and top units ranked, drawn with
 * JFreeChart in the bundled CJK font, as PNG at print resolution and as SVG with text as outlines.
 * <p>
 * The builders are the pack's own (print layout: points, 300 dpi, rankings of top-level units);
 * the font and the SVG medium are the shared {@link CjkFont} and {@link ChartMedia}.
 */
final class PackCharts {

	static final Color INK = new Color(0x22, 0x2B, 0x36);

	static final Color[] SERIES = { new Color(0x1F, 0x4E, 0x79), new Color(0x2E, 0x86, 0x8C),
			new Color(0x8E, 0x6C, 0x2A), new Color(0x6A, 0x4C, 0x93) };

	static final Color BAR = new Color(0x9D, 0xBC, 0xDB);

	static final Color GOAL = new Color(0xC0, 0x50, 0x4D);

	static final Color GRID = new Color(0xDD, 0xE2, 0xE8);

	private PackCharts() {
	}

	/**
	 * A named series of values, one per category, null where unknown, drawn in colour {@code colour}
	 * of {@link #SERIES}; series of one colour are the parts of one line (e.g. a year-to-date measure
	 * drawn year by year) and only the first names it in the legend.
	 */
	record Series(String name, List<BigDecimal> values, int colour) {

		Series(String name, List<BigDecimal> values) {
			this(name, values, 0);
		}

	}

	/** A chart and the size (in points) it is drawn at. */
	record Chart(String name, JFreeChart chart, double width, double height) {
	}

	static Font font(float size) {
		return CjkFont.font(Font.PLAIN, size);
	}

	/** The indicator over quarters, one line per series, with its goal as a dashed line. */
	static Chart trend(String name, String title, IndicatorDefinition def, List<String> categories, List<Series> series,
			double width, double height) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		for (Series s : series) {
			for (int i = 0; i < categories.size(); i++) {
				BigDecimal v = s.values().get(i);
				data.addValue(v == null ? null : v.doubleValue(), s.name(), categories.get(i));
			}
		}
		CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(), new NumberAxis(), new LineAndShapeRenderer());
		long lines = series.stream().mapToInt(Series::colour).distinct().count();
		JFreeChart chart = new JFreeChart(title, font(15f), plot, lines > 1);
		theme().apply(chart);
		LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
		java.util.Set<Integer> named = new java.util.HashSet<>();
		for (int i = 0; i < series.size(); i++) {
			int colour = series.get(i).colour();
			renderer.setSeriesPaint(i, SERIES[colour % SERIES.length]);
			renderer.setSeriesStroke(i, new BasicStroke(2.2f));
			renderer.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-3.5, -3.5, 7, 7));
			renderer.setSeriesVisibleInLegend(i, named.add(colour));
		}
		renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", format(def)));
		renderer.setDefaultItemLabelsVisible(lines <= 2);
		renderer.setDefaultItemLabelFont(font(10f));
		renderer.setDefaultItemLabelPaint(INK);
		renderer.setItemLabelAnchorOffset(5);
		styleAxes(plot, def, series, def.goal());
		plot.getDomainAxis().setCategoryMargin(0.1);
		plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
		plot.getDomainAxis().setMaximumCategoryLabelLines(2);
		return new Chart(name, chart, width, height);
	}

	/** Top units ranked on the indicator, best first, with the goal as a dashed line. */
	static Chart ranking(String name, String title, IndicatorDefinition def, List<String> units,
			List<BigDecimal> values, double width) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		for (int i = 0; i < units.size(); i++) {
			data.addValue(values.get(i) == null ? null : values.get(i).doubleValue(), def.label(), units.get(i));
		}
		CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(), new NumberAxis(), new BarRenderer());
		plot.setOrientation(PlotOrientation.HORIZONTAL);
		JFreeChart chart = new JFreeChart(title, font(15f), plot, false);
		theme().apply(chart);
		BarRenderer renderer = (BarRenderer) plot.getRenderer();
		renderer.setBarPainter(new StandardBarPainter());
		renderer.setShadowVisible(false);
		renderer.setSeriesPaint(0, BAR);
		renderer.setMaximumBarWidth(0.7);
		renderer.setItemMargin(0);
		renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", format(def)));
		renderer.setDefaultItemLabelsVisible(true);
		renderer.setDefaultItemLabelFont(font(9.5f));
		renderer.setDefaultPositiveItemLabelPosition(
				new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
		renderer.setItemLabelAnchorOffset(4);
		renderer.setDefaultItemLabelPaint(INK);
		styleAxes(plot, def, List.of(new Series(def.label(), values)), def.goal());
		NumberAxis range = (NumberAxis) plot.getRangeAxis();
		range.setRange(0, range.getUpperBound() * 1.12);
		plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
		CategoryAxis domain = plot.getDomainAxis();
		domain.setMaximumCategoryLabelWidthRatio(0.32f);
		domain.setCategoryMargin(0.3);
		domain.setLowerMargin(units.size() <= 4 ? 0.2 : 0.9 / units.size());
		domain.setUpperMargin(0.02);
		double step = Math.min(17, 560.0 / Math.max(units.size(), 1));
		if (step < 14) {
			domain.setTickLabelFont(font((float) Math.max(6, step * 0.7)));
			renderer.setDefaultItemLabelFont(font((float) Math.max(6, step * 0.65)));
		}
		double height = 80 + step * Math.max(units.size(), 3);
		return new Chart(name, chart, width, height);
	}

	private static void styleAxes(CategoryPlot plot, IndicatorDefinition def, List<Series> series, BigDecimal goal) {
		plot.setBackgroundPaint(Color.WHITE);
		plot.setOutlineVisible(false);
		plot.setRangeGridlinePaint(GRID);
		plot.setRangeGridlineStroke(new BasicStroke(0.8f));
		plot.setDomainGridlinesVisible(false);
		plot.setInsets(new RectangleInsets(6, 4, 4, 14));
		NumberAxis range = (NumberAxis) plot.getRangeAxis();
		range.setNumberFormatOverride(axisFormat(def));
		if (def.type() == Type.COUNT) {
			range.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		}
		double min = Double.MAX_VALUE;
		double max = -Double.MAX_VALUE;
		for (Series s : series) {
			for (BigDecimal v : s.values()) {
				if (v != null) {
					min = Math.min(min, v.doubleValue());
					max = Math.max(max, v.doubleValue());
				}
			}
		}
		if (goal != null) {
			min = Math.min(min, goal.doubleValue());
			max = Math.max(max, goal.doubleValue());
			ValueMarker marker = new ValueMarker(goal.doubleValue(), GOAL,
					new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] { 6f, 4f }, 0f));
			marker.setLabel("目标 " + PackText.value(def, goal));
			marker.setLabelFont(font(10f));
			marker.setLabelPaint(GOAL);
			marker.setLabelBackgroundColor(new Color(255, 255, 255, 0));
			if (plot.getOrientation() == PlotOrientation.HORIZONTAL) {
				marker.setLabelAnchor(RectangleAnchor.TOP);
				marker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
				marker.setLabelOffset(new RectangleInsets(2, 3, 2, 3));
			}
			else {
				marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
				marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
				marker.setLabelOffset(new RectangleInsets(2, 4, 2, 4));
			}
			plot.addRangeMarker(marker, Layer.BACKGROUND);
		}
		if (min == Double.MAX_VALUE) {
			min = 0;
			max = def.type() == Type.RATE ? 1 : 1;
		}
		double lower = Math.min(0, min);
		if (def.type() != Type.COUNT && min > 0) {
			double span = Math.max(max - min, def.type() == Type.RATE ? 0.1 : Math.abs(max) * 0.1 + 0.5);
			lower = Math.max(0, min - span * 0.6);
			if (def.type() == Type.RATE && lower < 0.1) {
				lower = 0;
			}
		}
		double upper = max + Math.max((max - lower) * 0.18, def.type() == Type.RATE ? 0.02 : 0.5);
		range.setRange(lower, upper);
	}

	private static NumberFormat axisFormat(IndicatorDefinition def) {
		return switch (def.type()) {
			case RATE -> new AtMostOne(new DecimalFormat("0%"));
			case MEAN -> new DecimalFormat("0.0#");
			case COUNT -> new DecimalFormat("0");
		};
	}

	/** A share's tick format that leaves ticks above 100% blank: no share exceeds it. */
	private static final class AtMostOne extends NumberFormat {

		private final NumberFormat format;

		AtMostOne(NumberFormat format) {
			this.format = format;
		}

		@Override
		public StringBuffer format(double number, StringBuffer toAppendTo, java.text.FieldPosition pos) {
			return number > 1.0000001 ? toAppendTo : this.format.format(number, toAppendTo, pos);
		}

		@Override
		public StringBuffer format(long number, StringBuffer toAppendTo, java.text.FieldPosition pos) {
			return format((double) number, toAppendTo, pos);
		}

		@Override
		public Number parse(String source, java.text.ParsePosition parsePosition) {
			return this.format.parse(source, parsePosition);
		}

	}

	private static NumberFormat format(IndicatorDefinition def) {
		return new DecimalFormat(def.format().printPattern());
	}

	private static StandardChartTheme theme() {
		StandardChartTheme theme = new StandardChartTheme("learnstats-pack");
		theme.setExtraLargeFont(font(15f));
		theme.setLargeFont(font(12f));
		theme.setRegularFont(font(11f));
		theme.setSmallFont(font(10f));
		theme.setChartBackgroundPaint(Color.WHITE);
		theme.setPlotBackgroundPaint(Color.WHITE);
		theme.setTitlePaint(INK);
		theme.setAxisLabelPaint(INK);
		theme.setTickLabelPaint(new Color(0x44, 0x4C, 0x56));
		theme.setLegendItemPaint(INK);
		theme.setRangeGridlinePaint(GRID);
		theme.setShadowVisible(false);
		return theme;
	}

	/** The chart as an image at {@code dpi} (the chart's size is in points, 72 to the inch). */
	static BufferedImage image(Chart c, int dpi) {
		double scale = dpi / 72.0;
		int w = (int) Math.round(c.width() * scale);
		int h = (int) Math.round(c.height() * scale);
		BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, w, h);
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
			g.scale(scale, scale);
			c.chart().draw(g, new Rectangle2D.Double(0, 0, c.width(), c.height()));
		}
		finally {
			g.dispose();
		}
		return image;
	}

	static byte[] png(BufferedImage image) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** The chart as an SVG document; text is drawn as outlines so it needs no font on the reader's side. */
	static String svg(Chart c) {
		return ChartMedia.svg(c.chart(), (int) Math.round(c.width()), (int) Math.round(c.height()));
	}

	static LegendTitle legend(JFreeChart chart) {
		LegendTitle legend = chart.getLegend();
		if (legend != null) {
			legend.setPosition(RectangleEdge.BOTTOM);
		}
		return legend;
	}

}
