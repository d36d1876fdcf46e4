package org.learnstats.outputs.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.util.List;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.text.TextBlock;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.indicators.IndicatorDefinition.Type;

/**
 * The trend chart: an indicator over periods, a line per unit (a series per year of it where the
 * measure restarts yearly), gaps where a period has no value, the goal as a dashed line behind
 * the lines. Rates read on an axis zoomed around the data and the goal ({@link RateAxis}); values
 * are written over the points while they fit (at most {@link Charts#UPRIGHT_PERIOD_LABELS}
 * periods and two lines).
 */
final class TrendChart {

	private static final Shape[] SHAPES = DefaultDrawingSupplier.createStandardSeriesShapes();

	private TrendChart() {
	}

	static JFreeChart of(PeriodLines data, String subtitle, ChartStyle style) {
		IndicatorDefinition def = data.indicator();
		List<PeriodLines.Series> series = data.series();
		List<String> categories = data.categories();
		DefaultCategoryDataset dataset = new DefaultCategoryDataset();
		if (!data.isEmpty()) {
			for (PeriodLines.Series s : series) {
				for (int i = 0; i < categories.size(); i++) {
					dataset.addValue(s.values().get(i), s.name(), categories.get(i));
				}
			}
		}
		JFreeChart chart = ChartFactory.createLineChart(data.title(), data.periodAxis(), ChartParts.valueAxisLabel(def),
				dataset, PlotOrientation.VERTICAL, false, false, false);
		ChartParts.subtitle(chart, subtitle, style);
		CategoryPlot plot = chart.getCategoryPlot();
		plot.setNoDataMessage(Charts.NO_DATA);
		LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
		renderer.setAutoPopulateSeriesPaint(false);
		renderer.setAutoPopulateSeriesStroke(false);
		renderer.setAutoPopulateSeriesShape(false);
		for (int i = 0; i < series.size(); i++) {
			int line = series.get(i).line();
			renderer.setSeriesPaint(i, colour(line));
			renderer.setSeriesStroke(i, style.lineStroke());
			renderer.setSeriesShape(i, shape(line, style));
		}
		renderer.setDefaultShapesVisible(true);
		renderer.setDrawOutlines(true);
		renderer.setUseFillPaint(true);
		renderer.setDefaultFillPaint(Color.WHITE);
		int periods = categories.size();
		if (periods <= Charts.UPRIGHT_PERIOD_LABELS && data.lines().size() <= 2) {
			renderer.setDefaultItemLabelGenerator(
					new StandardCategoryItemLabelGenerator("{2}", ChartFormats.labelFormat(def)));
			renderer.setDefaultItemLabelsVisible(true);
			renderer.setItemLabelAnchorOffset(style.labelOffset());
			renderer.setDefaultPositiveItemLabelPosition(
					new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
		}
		CategoryAxis axis = periodAxis(data.periodAxis(), categories);
		plot.setDomainAxis(axis);
		axis.setLowerMargin(0.02);
		axis.setUpperMargin(0.02);
		if (periods > Charts.UPRIGHT_PERIOD_LABELS) {
			axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
		}
		plot.setRangeAxis(valueAxis(data, renderer.getDefaultItemLabelsVisible() ? style.labelRoom() : RateAxis.LINE_ROOM));
		// the goal behind the lines and their point labels: a label is never crossed out by the goal
		ChartParts.goalMarker(def, style).ifPresent((m) -> plot.addRangeMarker(m, Layer.BACKGROUND));
		if (!data.isEmpty()) {
			LegendItemCollection legend = new LegendItemCollection();
			for (int l = 0; l < data.lines().size(); l++) {
				legend.add(ChartParts.lineItem(data.lines().get(l).name(), colour(l), style.lineStroke()));
			}
			ChartParts.goalItem(def, style).ifPresent(legend::add);
			ChartParts.legend(chart, plot, legend);
		}
		ChartTheme.apply(chart, style);
		return chart;
	}

	/**
	 * The period axis: each label upright on one line or, when the widest does not fit its
	 * category, every label on two lines, the year over the rest ("2025" over "Q3*"), all alike
	 * rather than some broken at random places; turned labels are left to JFreeChart.
	 */
	private static CategoryAxis periodAxis(String label, List<String> categories) {
		return new CategoryAxis(label) {
			@Override
			protected TextBlock createLabel(@SuppressWarnings("rawtypes") Comparable category, float width, RectangleEdge edge,
					Graphics2D g2) {
				String text = category.toString();
				int dash = text.indexOf('-');
				Font font = getTickLabelFont(category);
				FontMetrics metrics = g2.getFontMetrics(font);
				if (dash < 0 || getCategoryLabelPositions() == CategoryLabelPositions.UP_45
						|| categories.stream().allMatch((c) -> metrics.stringWidth(c) <= width)) {
					return super.createLabel(category, width, edge, g2);
				}
				TextBlock block = new TextBlock();
				block.addLine(text.substring(0, dash), font, getTickLabelPaint(category));
				block.addLine(text.substring(dash + 1), font, getTickLabelPaint(category));
				return block;
			}
		};
	}

	private static NumberAxis valueAxis(PeriodLines data, double labelRoom) {
		IndicatorDefinition def = data.indicator();
		if (def.type() == Type.RATE) {
			// zoomed around the data and the goal, saying so when it does not start at zero
			return RateAxis.of(data.values(), (def.goal() == null) ? null : ChartParts.goal(def))
				.axis(ChartParts.valueAxisLabel(def), labelRoom);
		}
		double max = data.values().stream().filter((v) -> v != null).mapToDouble(Double::doubleValue).max().orElse(0);
		return ChartParts.valueAxis(def, Math.max(max, ChartParts.goal(def)));
	}

	static Color colour(int line) {
		return ChartTheme.SERIES[line % ChartTheme.SERIES.length];
	}

	/** The standard shape of a line (a square, a circle, ...), scaled with the line's width. */
	private static Shape shape(int line, ChartStyle style) {
		double scale = style.line() / ChartStyle.SCREEN.line();
		return AffineTransform.getScaleInstance(scale, scale).createTransformedShape(SHAPES[line % SHAPES.length]);
	}

}
