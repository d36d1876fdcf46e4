package org.learnstats.outputs.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.labels.StandardPieSectionLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultPieDataset;
import org.jfree.data.xy.CategoryTableXYDataset;
import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.indicators.IndicatorDefinition.Type;
import org.learnstats.outputs.charts.RankingData.RankedUnit;
import org.learnstats.vocabulary.Granularity;

/**
 * The learnstats charts, each built from its dataset (see {@link IndicatorValues} and
 * {@link PeopleDistributions}) and styled by {@link ChartTheme}; {@link ChartMedia} puts them on
 * PNG or SVG. Titles, axes and legends are Chinese; rate trends read on an axis zoomed around the
 * data and the goal ({@link RateAxis}), rankings on 0–100 % (a bar's length is its value); goals
 * are dashed red lines named in the legend. A chart given an empty dataset shows "暂无数据"
 * rather than an empty frame (the nightly {@link ChartsPart} skips such charts altogether).
 */
public final class Charts {

	/** The note an empty chart shows. */
	public static final String NO_DATA = "暂无数据";

	/** At most this many units in a ranking; more show the best and worst half of it. */
	public static final int MAX_RANKED = 40;

	/** Periods beyond which period labels are turned 45°. */
	static final int UPRIGHT_PERIOD_LABELS = 12;

	/** Unit names in rankings are cut to this many characters. */
	static final int MAX_NAME = 16;

	private static final Color[] EDUCATION_COLORS = { new Color(0x0D, 0x47, 0xA1), new Color(0x42, 0x8B, 0xD6),
			new Color(0x26, 0xA6, 0x9A), new Color(0xF2, 0xA1, 0x3B) };

	private Charts() {
	}

	/**
	 * A line of an indicator over periods, with its goal as a dashed line; gaps where a period has
	 * no value.
	 */
	public static JFreeChart trend(TrendData data, String subtitle) {
		IndicatorDefinition def = data.indicator();
		DefaultCategoryDataset dataset = new DefaultCategoryDataset();
		if (!data.isEmpty()) {
			for (int i = 0; i < data.periods().size(); i++) {
				dataset.addValue(data.values().get(i), def.label(), data.periods().get(i));
			}
		}
		JFreeChart chart = ChartFactory.createLineChart(def.label() + "：" + Granularity.of(data.granularity()).adjective() + "趋势",
				Granularity.of(data.granularity()).axisLabel(), valueAxisLabel(def), dataset, PlotOrientation.VERTICAL, false,
				false, false);
		subtitle(chart, subtitle);
		CategoryPlot plot = chart.getCategoryPlot();
		plot.setNoDataMessage(NO_DATA);
		LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
		renderer.setAutoPopulateSeriesPaint(false);
		renderer.setAutoPopulateSeriesStroke(false);
		renderer.setSeriesPaint(0, ChartTheme.SERIES[0]);
		renderer.setSeriesStroke(0, new BasicStroke(2.5f));
		renderer.setDefaultShapesVisible(true);
		renderer.setDrawOutlines(true);
		renderer.setUseFillPaint(true);
		renderer.setDefaultFillPaint(Color.WHITE);
		if (data.periods().size() <= UPRIGHT_PERIOD_LABELS) {
			renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", labelFormat(def)));
			renderer.setDefaultItemLabelsVisible(true);
			renderer.setItemLabelAnchorOffset(7);
			renderer.setDefaultPositiveItemLabelPosition(
					new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
		}
		CategoryAxis periods = plot.getDomainAxis();
		periods.setLowerMargin(0.02);
		periods.setUpperMargin(0.02);
		if (data.periods().size() > UPRIGHT_PERIOD_LABELS) {
			periods.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
		}
		NumberAxis axis;
		if (def.type() == Type.RATE) {
			// zoomed around the data and the goal, saying so when it does not start at zero
			axis = RateAxis.of(data.values(), (def.goal() == null) ? null : goal(def)).axis(valueAxisLabel(def),
					renderer.getDefaultItemLabelsVisible());
		}
		else {
			axis = valueAxis(def, Math.max(data.max(), goal(def)));
		}
		plot.setRangeAxis(axis);
		// the goal behind the line and its point labels: a label is never crossed out by the goal
		goalMarker(def).ifPresent((m) -> plot.addRangeMarker(m, Layer.BACKGROUND));
		if (!data.isEmpty()) {
			LegendItemCollection legend = new LegendItemCollection();
			legend.add(lineItem(def.label(), ChartTheme.SERIES[0], new BasicStroke(2.5f)));
			goalItem(def).ifPresent(legend::add);
			legend(chart, plot, legend);
		}
		ChartTheme.apply(chart);
		return chart;
	}

	/**
	 * Horizontal bars of child units, best at the top, green where the goal is met and orange
	 * where it is not, with the goal as a dashed line.
	 */
	public static JFreeChart ranking(RankingData data, String subtitle) {
		IndicatorDefinition def = data.indicator();
		List<RankedUnit> shown = shownInRanking(data);
		DefaultCategoryDataset dataset = new DefaultCategoryDataset();
		Set<String> names = new HashSet<>();
		List<Paint> paints = new ArrayList<>();
		for (RankedUnit u : shown) {
			String name = shorten(u.name());
			if (!names.add(name)) {
				name = shorten(u.name()) + "（" + u.code() + "）";
				names.add(name);
			}
			dataset.addValue(u.value(), def.label(), name);
			Boolean meets = def.meets(BigDecimal.valueOf(u.value()));
			paints.add((meets == null) ? ChartTheme.SERIES[0] : meets ? ChartTheme.MET : ChartTheme.NOT_MET);
		}
		JFreeChart chart = ChartFactory.createBarChart("下级单位排名：" + def.label() + "（" + data.period() + "）", null,
				valueAxisLabel(def), dataset, PlotOrientation.HORIZONTAL, false, false, false);
		subtitle(chart, subtitle);
		List<String> notes = new ArrayList<>();
		int total = data.units().size();
		if (shown.size() < total) {
			notes.add("共" + total + "个单位，显示前" + MAX_RANKED / 2 + "名和后" + MAX_RANKED / 2 + "名");
		}
		if (data.withoutData() > 0) {
			notes.add("另有" + data.withoutData() + "个单位本期无数据");
		}
		if (!notes.isEmpty()) {
			subtitle(chart, String.join("；", notes));
		}
		CategoryPlot plot = chart.getCategoryPlot();
		plot.setNoDataMessage(NO_DATA);
		double max = shown.stream().mapToDouble(RankedUnit::value).max().orElse(0);
		NumberAxis axis = valueAxis(def, Math.max(max, goal(def)));
		if (def.type() == Type.RATE) {
			axis.setRange(0, 1.12);
		}
		else {
			axis.setUpperBound(axis.getUpperBound() * 1.08);
		}
		double axisTop = axis.getUpperBound();
		BarRenderer renderer = new BarRenderer() {
			@Override
			public Paint getItemPaint(int row, int column) {
				return paints.get(column);
			}

			@Override
			public Paint getItemLabelPaint(int row, int column) {
				return labelPaint(paints.get(column), shown.get(column).value() / axisTop);
			}
		};
		renderer.setMaximumBarWidth(0.08);
		renderer.setItemMargin(0);
		renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", valueFormat(def)));
		renderer.setDefaultItemLabelsVisible(true);
		// values inside the bar's end, the goal line behind the bars: no label is crossed by the line
		renderer.setDefaultPositiveItemLabelPosition(
				new ItemLabelPosition(ItemLabelAnchor.INSIDE3, TextAnchor.CENTER_RIGHT));
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
		goalMarker(def).ifPresent((m) -> plot.addRangeMarker(m, Layer.BACKGROUND));
		if (def.goal() != null && !data.isEmpty()) {
			LegendItemCollection legend = new LegendItemCollection();
			legend.add(new LegendItem("达到目标", ChartTheme.MET));
			legend.add(new LegendItem("未达目标", ChartTheme.NOT_MET));
			goalItem(def).ifPresent(legend::add);
			legend(chart, plot, legend);
		}
		ChartTheme.apply(chart);
		return chart;
	}

	/** Bars shorter than this share of the axis hold no label inside: it goes after the bar's end. */
	static final double LABEL_INSIDE = 0.12;

	/**
	 * The colour of a ranking's value label: white inside a dark bar, dark text inside a light bar
	 * and after a bar too short to hold it.
	 */
	static Paint labelPaint(Paint bar, double shareOfAxis) {
		return (shareOfAxis < LABEL_INSIDE || ChartTheme.NOT_MET.equals(bar)) ? ChartTheme.TEXT : Color.WHITE;
	}

	/** A suggested pixel height for a ranking: room for every bar, at least 400. */
	public static int rankingHeight(RankingData data) {
		return Math.max(400, 150 + 22 * shownInRanking(data).size());
	}

	/** The education of a subtree's active people as a pie with counts and shares. */
	public static JFreeChart degreeStructure(EducationShares shares, String subtitle) {
		DefaultPieDataset<String> dataset = new DefaultPieDataset<>();
		long[] counts = shares.counts();
		for (int i = 0; i < counts.length; i++) {
			if (counts[i] > 0) {
				dataset.setValue(EducationShares.LABELS[i], counts[i]);
			}
		}
		JFreeChart chart = ChartFactory.createPieChart("学历结构", dataset, false, false, false);
		subtitle(chart, subtitle);
		if (!shares.isEmpty()) {
			subtitle(chart, "在职人员共" + shares.total() + "人");
		}
		@SuppressWarnings("unchecked")
		PiePlot<String> plot = (PiePlot<String>) chart.getPlot();
		plot.setNoDataMessage(NO_DATA);
		plot.setAutoPopulateSectionPaint(false);
		for (int i = 0; i < counts.length; i++) {
			plot.setSectionPaint(EducationShares.LABELS[i], EDUCATION_COLORS[i]);
		}
		plot.setLabelGenerator(new StandardPieSectionLabelGenerator("{0} {1}人（{2}）", integerFormat(),
				percentFormat("0.0%")));
		plot.setIgnoreZeroValues(true);
		plot.setMaximumLabelWidth(0.25);
		plot.setLabelGap(0.02);
		plot.setInteriorGap(0.06);
		plot.setStartAngle(90);
		ChartTheme.apply(chart);
		return chart;
	}

	/**
	 * A histogram of a yearly quantity per person, stacked by target group, with each group's
	 * target as a dashed line; the last bucket is open-ended ("≥").
	 */
	public static JFreeChart distribution(Histogram histogram, String subtitle) {
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
		JFreeChart chart = ChartFactory.createXYBarChart(histogram.year() + "年" + q.noun() + "分布",
				"本年" + q.noun() + "（" + q.unit() + "）", false, "人数", dataset, PlotOrientation.VERTICAL, true, false,
				false);
		subtitle(chart, subtitle);
		if (!histogram.isEmpty()) {
			subtitle(chart, "统计有" + q.noun() + "要求的在职人员共" + histogram.total() + "人，" + histogram.year()
					+ "年1月1日起累计");
		}
		XYPlot plot = chart.getXYPlot();
		plot.setNoDataMessage(NO_DATA);
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
		x.setTickUnit(new NumberTickUnit((buckets > 20) ? width * 2 : width, openEndedFormat(histogram.openFrom())));
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
			m.setStroke(ChartTheme.GOAL_STROKE);
			m.setLabel(line.label() + "目标" + plain(line.target()) + q.unit());
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
		ChartTheme.apply(chart);
		return chart;
	}

	/** Pixels above the first target label, and per row of target labels. */
	static final int LABEL_TOP = 4;

	static final int LABEL_ROW = 18;

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
		java.util.TreeMap<BigDecimal, List<Histogram.Group>> byTarget = new java.util.TreeMap<>(
				java.util.Comparator.reverseOrder());
		for (Histogram.Group g : histogram.groups()) {
			byTarget.computeIfAbsent(g.target().stripTrailingZeros(), (t) -> new ArrayList<>()).add(g);
		}
		List<TargetLine> out = new ArrayList<>();
		byTarget.forEach((t, groups) -> out.add(new TargetLine(t,
				String.join("、", groups.stream().map(Histogram.Group::label).toList()),
				(groups.size() == 1) ? ChartTheme.rank(groups.get(0).rank()) : ChartTheme.TEXT)));
		return out;
	}

	static List<RankedUnit> shownInRanking(RankingData data) {
		List<RankedUnit> all = data.units();
		if (all.size() <= MAX_RANKED) {
			return all;
		}
		List<RankedUnit> shown = new ArrayList<>(all.subList(0, MAX_RANKED / 2));
		shown.addAll(all.subList(all.size() - MAX_RANKED / 2, all.size()));
		return shown;
	}

	static String seriesName(Histogram.Group g, Histogram.Quantity q) {
		return g.label() + "（目标" + plain(g.target()) + q.unit() + "）";
	}

	private static void subtitle(JFreeChart chart, String text) {
		if (text == null || text.isBlank()) {
			return;
		}
		TextTitle t = new TextTitle(text);
		t.setFont(ChartTheme.SUBTITLE_FONT);
		t.setPaint(ChartTheme.MUTED);
		t.setPadding(new RectangleInsets(2, 0, 2, 0));
		chart.addSubtitle(t);
	}

	private static Optional<ValueMarker> goalMarker(IndicatorDefinition def) {
		if (def.goal() == null) {
			return Optional.empty();
		}
		ValueMarker m = new ValueMarker(def.goal().doubleValue());
		m.setPaint(ChartTheme.GOAL);
		m.setStroke(ChartTheme.GOAL_STROKE);
		return Optional.of(m);
	}

	/** The legend entry of a goal line: "目标 90.0%". */
	private static Optional<LegendItem> goalItem(IndicatorDefinition def) {
		if (def.goal() == null) {
			return Optional.empty();
		}
		return Optional.of(lineItem("目标 " + goalText(def), ChartTheme.GOAL, ChartTheme.GOAL_STROKE));
	}

	private static LegendItem lineItem(String label, Paint paint, java.awt.Stroke stroke) {
		LegendItem item = new LegendItem(label, null, null, null, false, new Rectangle2D.Double(-4, -4, 8, 8), false,
				paint, false, paint, stroke, true, new Line2D.Double(-12, 0, 12, 0), stroke, paint);
		return item;
	}

	private static void legend(JFreeChart chart, org.jfree.chart.plot.Plot plot, LegendItemCollection items) {
		if (plot instanceof CategoryPlot c) {
			c.setFixedLegendItems(items);
		}
		LegendTitle legend = new LegendTitle(plot);
		legend.setPosition(RectangleEdge.BOTTOM);
		chart.addSubtitle(legend);
	}

	/** A goal as readers write it: "90%", "4.0", "0". */
	static String goalText(IndicatorDefinition def) {
		NumberFormat f = (def.type() == Type.RATE) ? percentFormat("0.#%") : valueFormat(def);
		return f.format(def.goal().doubleValue());
	}

	private static double goal(IndicatorDefinition def) {
		return (def.goal() == null) ? 0 : def.goal().doubleValue();
	}

	/** The value axis of an indicator: 0–100 % for rates, 1–5 for satisfaction, from 0 otherwise. */
	static NumberAxis valueAxis(IndicatorDefinition def, double max) {
		NumberAxis axis = new NumberAxis(valueAxisLabel(def));
		axis.setAutoRangeIncludesZero(true);
		if (def.type() == Type.RATE) {
			axis.setRange(0, 1.08);
			axis.setTickUnit(new NumberTickUnit(0.2, percentFormat("0%")));
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

	static NumberFormat valueFormat(IndicatorDefinition def) {
		return switch (def.type()) {
			case RATE -> percentFormat("0.0%");
			case MEAN -> decimalFormat("0.0");
			case COUNT -> integerFormat();
		};
	}

	/** Point labels: "61%", "62.5%", "4.2", "12". */
	static NumberFormat labelFormat(IndicatorDefinition def) {
		return (def.type() == Type.RATE) ? percentFormat("0.#%") : valueFormat(def);
	}

	private static NumberFormat percentFormat(String pattern) {
		return decimalFormat(pattern);
	}

	private static NumberFormat integerFormat() {
		return decimalFormat("0");
	}

	/** Rounded half up, like the values of indicators.csv. */
	private static NumberFormat decimalFormat(String pattern) {
		DecimalFormat f = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
		f.setRoundingMode(RoundingMode.HALF_UP);
		return f;
	}

	private static String plain(BigDecimal d) {
		return d.stripTrailingZeros().toPlainString();
	}

	private static String shorten(String name) {
		return (name.codePointCount(0, name.length()) <= MAX_NAME) ? name
				: name.substring(0, name.offsetByCodePoints(0, MAX_NAME - 1)) + "…";
	}

	/** Tick labels of a histogram axis: plain numbers, "≥n" at the open bucket, nothing beyond. */
	private static NumberFormat openEndedFormat(double openFrom) {
		DecimalFormat plain = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
		return new NumberFormat() {
			@Override
			public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
				if (number > openFrom + 1e-9) {
					return to;
				}
				if (openFrom > 0 && Math.abs(number - openFrom) < 1e-9) {
					to.append('≥');
				}
				return plain.format(number, to, pos);
			}

			@Override
			public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
				return format((double) number, to, pos);
			}

			@Override
			public Number parse(String source, ParsePosition pos) {
				return plain.parse(source, pos);
			}
		};
	}

}
