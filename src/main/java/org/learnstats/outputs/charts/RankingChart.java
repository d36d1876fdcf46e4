package org.learnstats.outputs.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.indicators.IndicatorDefinition.Type;
import org.learnstats.outputs.charts.RankingData.RankedUnit;

/**
 * The ranking chart: horizontal bars of child units, best at the top, green where the goal is met
 * and orange where it is not, on 0–100 % for rates (a bar's length is its value), with the goal as
 * a dashed line behind the bars and each value at its bar's end. More than
 * {@link Charts#MAX_RANKED} units show the best and the worst half of them.
 */
final class RankingChart {

	/** Bars shorter than this share of the axis hold no label inside: it goes after the bar's end. */
	static final double LABEL_INSIDE = 0.12;

	private RankingChart() {
	}

	/** The ranking's title ("下级单位排名：学习出勤率（2026-Q3）"). */
	static String title(RankingData data) {
		return "下级单位排名：" + data.indicator().label() + "（" + data.period() + "）";
	}

	static JFreeChart of(RankingData data, String subtitle, ChartStyle style) {
		IndicatorDefinition def = data.indicator();
		List<RankedUnit> shown = shown(data);
		DefaultCategoryDataset dataset = new DefaultCategoryDataset();
		Set<String> names = new HashSet<>();
		List<Paint> paints = new ArrayList<>();
		for (RankedUnit u : shown) {
			String name = ChartFormats.shorten(u.name());
			if (!names.add(name)) {
				name = name + "（" + u.code() + "）";
				names.add(name);
			}
			dataset.addValue(u.value(), def.label(), name);
			Boolean meets = def.meets(BigDecimal.valueOf(u.value()));
			paints.add((meets == null) ? ChartTheme.SERIES[0] : meets ? ChartTheme.MET : ChartTheme.NOT_MET);
		}
		JFreeChart chart = ChartFactory.createBarChart(title(data), null,
				ChartParts.valueAxisLabel(def), dataset, PlotOrientation.HORIZONTAL, false, false, false);
		ChartParts.subtitle(chart, subtitle, style);
		List<String> notes = new ArrayList<>();
		int total = data.units().size();
		if (shown.size() < total) {
			notes.add("共" + total + "个单位，显示前" + Charts.MAX_RANKED / 2 + "名和后" + Charts.MAX_RANKED / 2 + "名");
		}
		if (data.withoutData() > 0) {
			notes.add("另有" + data.withoutData() + "个单位本期无数据");
		}
		if (!notes.isEmpty()) {
			ChartParts.subtitle(chart, String.join("；", notes), style);
		}
		CategoryPlot plot = chart.getCategoryPlot();
		plot.setNoDataMessage(Charts.NO_DATA);
		double max = shown.stream().mapToDouble(RankedUnit::value).max().orElse(0);
		NumberAxis axis = ChartParts.valueAxis(def, Math.max(max, ChartParts.goal(def)));
		if (def.type() == Type.RATE) {
			axis.setRange(0, 1.12);
		}
		else {
			// from 0 like every bar chart, satisfaction too (its trend reads on 1–5): a bar's length is its value
			axis.setRange(0, axis.getUpperBound() * 1.08);
		}
		double axisTop = axis.getUpperBound();
		double thickest = style.rankingRow();
		BarRenderer renderer = new BarRenderer() {

			/** Whether the label being drawn does not fit inside its bar (JFreeChart then draws it after the bar's end). */
			private boolean outside;

			@Override
			public Paint getItemPaint(int row, int column) {
				return paints.get(column);
			}

			@Override
			public Paint getItemLabelPaint(int row, int column) {
				return this.outside ? ChartTheme.TEXT : labelPaint(paints.get(column), shown.get(column).value() / axisTop);
			}

			/** Bars as thick as the plot allows, up to a row of the style: few bars are bars, not lines. */
			@Override
			protected void calculateBarWidth(CategoryPlot plot, Rectangle2D dataArea, int rendererIndex,
					CategoryItemRendererState state) {
				super.calculateBarWidth(plot, dataArea, rendererIndex, state);
				state.setBarWidth(Math.min(state.getBarWidth(), thickest));
			}

			@Override
			protected void drawItemLabel(Graphics2D g2, CategoryDataset data, int row, int column, CategoryPlot plot,
					CategoryItemLabelGenerator generator, Rectangle2D bar, boolean negative) {
				this.outside = !fitsInside(g2, generator.generateLabel(data, row, column), getItemLabelFont(row, column),
						bar, getItemLabelAnchorOffset());
				try {
					super.drawItemLabel(g2, data, row, column, plot, generator, bar, negative);
				}
				finally {
					this.outside = false;
				}
			}
		};
		renderer.setMaximumBarWidth(1);
		renderer.setItemMargin(0);
		renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", ChartFormats.valueFormat(def)));
		renderer.setDefaultItemLabelsVisible(true);
		// values inside the bar's end, the goal line behind the bars: no label is crossed by the line
		renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.INSIDE3, TextAnchor.CENTER_RIGHT));
		renderer.setPositiveItemLabelPositionFallback(
				new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
		plot.setRenderer(renderer);
		CategoryAxis units = plot.getDomainAxis();
		units.setMaximumCategoryLabelWidthRatio(0.3f);
		units.setCategoryMargin(0.25);
		units.setLowerMargin(0.02);
		units.setUpperMargin(0.02);
		plot.setRangeAxis(axis);
		plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
		ChartParts.goalMarker(def, style).ifPresent((m) -> plot.addRangeMarker(m, Layer.BACKGROUND));
		if (def.goal() != null && !data.isEmpty()) {
			LegendItemCollection legend = new LegendItemCollection();
			legend.add(new LegendItem("达到目标", ChartTheme.MET));
			legend.add(new LegendItem("未达目标", ChartTheme.NOT_MET));
			ChartParts.goalItem(def, style).ifPresent(legend::add);
			ChartParts.legend(chart, plot, legend);
		}
		ChartTheme.apply(chart, style);
		return chart;
	}

	/**
	 * The colour of a ranking's value label: white inside a dark bar, dark text inside a light bar
	 * and after a bar too short to hold it.
	 */
	static Paint labelPaint(Paint bar, double shareOfAxis) {
		return (shareOfAxis < LABEL_INSIDE || ChartTheme.NOT_MET.equals(bar)) ? ChartTheme.TEXT : Color.WHITE;
	}

	/**
	 * Whether a value label drawn inside a horizontal bar's end (as {@code INSIDE3}, right-aligned
	 * {@code offset} before the end) lies within the bar: JFreeChart's test for its fallback position.
	 */
	static boolean fitsInside(Graphics2D g2, String label, Font font, Rectangle2D bar, double offset) {
		if (label == null) {
			return true;
		}
		g2.setFont(font);
		Shape bounds = TextUtils.calculateRotatedStringBounds(label, g2, (float) (bar.getMaxX() - offset),
				(float) bar.getCenterY(), TextAnchor.CENTER_RIGHT, 0, TextAnchor.CENTER_RIGHT);
		return bounds == null || bar.contains(bounds.getBounds2D());
	}

	/** The height of a ranking in chart units: room for every bar, at least the style's least. */
	static int height(RankingData data, ChartStyle style) {
		return Math.max(style.rankingMin(), style.rankingBase() + style.rankingRow() * shown(data).size());
	}

	static List<RankedUnit> shown(RankingData data) {
		List<RankedUnit> all = data.units();
		if (all.size() <= Charts.MAX_RANKED) {
			return all;
		}
		List<RankedUnit> shown = new ArrayList<>(all.subList(0, Charts.MAX_RANKED / 2));
		shown.addAll(all.subList(all.size() - Charts.MAX_RANKED / 2, all.size()));
		return shown;
	}

}
