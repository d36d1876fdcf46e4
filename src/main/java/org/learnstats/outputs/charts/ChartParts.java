package org.learnstats.outputs.charts;

import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.indicators.IndicatorDefinition.Type;

/** The pieces every chart type shares: subtitles, goal lines and their legend entries, value axes. */
final class ChartParts {

	private ChartParts() {
	}

	static void subtitle(JFreeChart chart, String text, ChartStyle style) {
		if (text == null || text.isBlank()) {
			return;
		}
		TextTitle t = new TextTitle(text);
		t.setFont(style.subtitle());
		t.setPaint(ChartTheme.MUTED);
		t.setPadding(new RectangleInsets(2, 0, 2, 0));
		chart.addSubtitle(t);
	}

	static Optional<ValueMarker> goalMarker(IndicatorDefinition def, ChartStyle style) {
		if (def.goal() == null) {
			return Optional.empty();
		}
		ValueMarker m = new ValueMarker(def.goal().doubleValue());
		m.setPaint(ChartTheme.GOAL);
		m.setStroke(style.goal());
		return Optional.of(m);
	}

	/** The legend entry of a goal line: "目标 90%". */
	static Optional<LegendItem> goalItem(IndicatorDefinition def, ChartStyle style) {
		if (def.goal() == null) {
			return Optional.empty();
		}
		return Optional.of(lineItem("目标 " + ChartFormats.goalText(def), ChartTheme.GOAL, style.goal()));
	}

	static LegendItem lineItem(String label, Paint paint, Stroke stroke) {
		return new LegendItem(label, null, null, null, false, new Rectangle2D.Double(-4, -4, 8, 8), false, paint, false,
				paint, stroke, true, new Line2D.Double(-12, 0, 12, 0), stroke, paint);
	}

	static void legend(JFreeChart chart, Plot plot, LegendItemCollection items) {
		if (plot instanceof CategoryPlot c) {
			c.setFixedLegendItems(items);
		}
		LegendTitle legend = new LegendTitle(plot);
		legend.setPosition(RectangleEdge.BOTTOM);
		chart.addSubtitle(legend);
	}

	static double goal(IndicatorDefinition def) {
		return (def.goal() == null) ? 0 : def.goal().doubleValue();
	}

	/** The value axis of an indicator: 0–100 % for rates, 1–5 for satisfaction, from 0 otherwise. */
	static NumberAxis valueAxis(IndicatorDefinition def, double max) {
		NumberAxis axis = new NumberAxis(valueAxisLabel(def));
		axis.setAutoRangeIncludesZero(true);
		if (def.type() == Type.RATE) {
			axis.setRange(0, 1.08);
			axis.setTickUnit(new NumberTickUnit(0.2, ChartFormats.decimalFormat("0%")));
		}
		else if ("satisfaction_mean".equals(def.id())) {
			axis.setRange(1, 5.3);
			axis.setTickUnit(new NumberTickUnit(1, new DecimalFormat("0", DecimalFormatSymbols.getInstance(Locale.ROOT))));
		}
		else {
			double top = (max <= 0) ? 1 : max * 1.2;
			axis.setRange(0, (def.type() == Type.COUNT) ? Math.max(top, 5) : top);
			if (def.type() == Type.COUNT) {
				axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
			}
		}
		return axis;
	}

	static String valueAxisLabel(IndicatorDefinition def) {
		return switch (def.id()) {
			case "avg_credits" -> "人均学分（分）";
			case "avg_research_days" -> "人均调研天数（天）";
			case "satisfaction_mean" -> "平均满意度（分）";
			case "suggestion_count" -> "条数";
			default -> (def.type() == Type.RATE) ? "比率" : (def.type() == Type.COUNT) ? "人数" : "数值";
		};
	}

}
