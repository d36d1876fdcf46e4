package org.learnstats.outputs.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.PieLabelLinkStyle;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleInsets;
import org.learnstats.vocabulary.Rank;

/**
 * The look of every learnstats chart: the shipped CJK font for every text element (titles,
 * legends, axes, tick and item labels, markers, the no-data note), dark text on a white
 * background, a light grid, flat bars and a palette that stays distinct in print and for the
 * common colour-vision deficiencies. Chart builders call {@link #apply(JFreeChart, ChartStyle)}
 * last, after adding their markers, so the theme reaches every element; the style gives the sizes
 * (screen or print), the theme the colours, the same in both.
 */
public final class ChartTheme {

	/** Dark grey for text: softer than black, readable on white and in print. */
	public static final Color TEXT = new Color(0x26, 0x32, 0x38);

	/** Mid grey for secondary text (subtitles, notes). */
	public static final Color MUTED = new Color(0x5F, 0x6B, 0x73);

	/** The light grid. */
	public static final Color GRID = new Color(0xDD, 0xE1, 0xE4);

	/** The goal line and "not met" bars. */
	public static final Color GOAL = new Color(0xC6, 0x28, 0x28);

	/** Bars that meet their goal. */
	public static final Color MET = new Color(0x2E, 0x7D, 0x32);

	/** Bars that miss their goal. */
	public static final Color NOT_MET = new Color(0xEF, 0x8A, 0x17);

	/** Series colours, in order: blue, orange, green, purple, teal, grey. */
	public static final Color[] SERIES = { new Color(0x1F, 0x6F, 0xB5), new Color(0xEF, 0x8A, 0x17),
			new Color(0x2E, 0x7D, 0x32), new Color(0x7B, 0x4F, 0xA6), new Color(0x00, 0x89, 0x8A),
			new Color(0x8A, 0x8F, 0x94) };

	/**
	 * The one colour of each rank in every chart that shows ranks (Okabe–Ito colours, distinct for
	 * the common colour-vision deficiencies and from the met/not-met colours of rankings): 厅级 is
	 * the same blue in the credits and the research-days distributions, 科级 the same green.
	 */
	private static final Map<Rank, Color> RANKS = new EnumMap<>(Map.of(Rank.BUREAU, new Color(0x00, 0x72, 0xB2),
			Rank.DIVISION, new Color(0xCC, 0x79, 0xA7), Rank.SECTION, new Color(0x00, 0x9E, 0x73), Rank.STAFF,
			new Color(0x8A, 0x8F, 0x94)));

	/** The dashed stroke of goal lines on screen. */
	public static final Stroke GOAL_STROKE = ChartStyle.SCREEN.goal();

	private static final Map<String, Theme> THEMES = Map.of(ChartStyle.SCREEN.name(), new Theme(ChartStyle.SCREEN),
			ChartStyle.PRINT.name(), new Theme(ChartStyle.PRINT));

	static {
		// rotated labels as rotated drawString calls, not TextLayout outlines, so the SVG
		// medium can share glyph outlines (the workaround was for JDKs before 1.6)
		TextUtils.setUseDrawRotatedStringWorkaround(false);
	}

	private ChartTheme() {
	}

	/** The colour of a rank, the same in every chart (see {@link #RANKS}). */
	public static Color rank(Rank rank) {
		return RANKS.get(rank);
	}

	/** Applies the learnstats look to a chart, markers and no-data note included, at the sizes of {@code style}. */
	public static void apply(JFreeChart chart, ChartStyle style) {
		Theme theme = THEMES.get(style.name());
		(theme == null ? new Theme(style) : theme).apply(chart);
		chart.setAntiAlias(true);
		chart.setTextAntiAlias(true);
		chart.setPadding(style.padding());
	}

	/** The theme, with the marker and no-data fonts {@link StandardChartTheme} leaves alone. */
	private static final class Theme extends StandardChartTheme {

		private final ChartStyle style;

		Theme(ChartStyle style) {
			super("learnstats-" + style.name(), false);
			this.style = style;
			setExtraLargeFont(style.title());
			setLargeFont(style.label());
			setRegularFont(style.tick());
			setSmallFont(style.small());
			setTitlePaint(TEXT);
			setSubtitlePaint(MUTED);
			setChartBackgroundPaint(Color.WHITE);
			setLegendBackgroundPaint(Color.WHITE);
			setLegendItemPaint(TEXT);
			setPlotBackgroundPaint(Color.WHITE);
			setPlotOutlinePaint(GRID);
			setDomainGridlinePaint(GRID);
			setRangeGridlinePaint(GRID);
			setBaselinePaint(MUTED);
			setAxisLabelPaint(TEXT);
			setTickLabelPaint(TEXT);
			setItemLabelPaint(TEXT);
			setLabelLinkPaint(MUTED);
			setLabelLinkStyle(PieLabelLinkStyle.STANDARD);
			double offset = style.padding().getTop() / 2;
			setAxisOffset(new RectangleInsets(offset, offset, offset, offset));
			setShadowVisible(false);
			setBarPainter(new StandardBarPainter());
			setXYBarPainter(new StandardXYBarPainter());
			setDrawingSupplier(new DefaultDrawingSupplier(SERIES, SERIES, SERIES,
					DefaultDrawingSupplier.DEFAULT_STROKE_SEQUENCE, DefaultDrawingSupplier.DEFAULT_OUTLINE_STROKE_SEQUENCE,
					DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
		}

		@Override
		protected void applyToPlot(Plot plot) {
			super.applyToPlot(plot);
			plot.setNoDataMessageFont(this.style.label());
			plot.setNoDataMessagePaint(MUTED);
		}

		@Override
		protected void applyToCategoryPlot(CategoryPlot plot) {
			super.applyToCategoryPlot(plot);
			plot.setRangeGridlineStroke(new BasicStroke(this.style.line() * 0.4f));
			plot.setDomainGridlinesVisible(false);
			markers(plot.getRangeMarkers(Layer.FOREGROUND));
			markers(plot.getRangeMarkers(Layer.BACKGROUND));
			markers(plot.getDomainMarkers(Layer.FOREGROUND));
			markers(plot.getDomainMarkers(Layer.BACKGROUND));
		}

		@Override
		protected void applyToXYPlot(XYPlot plot) {
			super.applyToXYPlot(plot);
			plot.setRangeGridlineStroke(new BasicStroke(this.style.line() * 0.4f));
			plot.setDomainGridlinesVisible(false);
			markers(plot.getRangeMarkers(Layer.FOREGROUND));
			markers(plot.getRangeMarkers(Layer.BACKGROUND));
			markers(plot.getDomainMarkers(Layer.FOREGROUND));
			markers(plot.getDomainMarkers(Layer.BACKGROUND));
		}

		@Override
		protected void applyToPiePlot(PiePlot plot) {
			super.applyToPiePlot(plot);
			plot.setLabelBackgroundPaint(Color.WHITE);
			plot.setLabelOutlinePaint(GRID);
			plot.setLabelShadowPaint(null);
			plot.setShadowPaint(null);
			plot.setOutlineVisible(false);
			plot.setSectionOutlinesVisible(true);
			plot.setDefaultSectionOutlinePaint(Color.WHITE);
			plot.setDefaultSectionOutlineStroke(new BasicStroke(1.5f));
		}

		private void markers(Collection<?> markers) {
			if (markers == null) {
				return;
			}
			for (Object o : markers) {
				Marker m = (Marker) o;
				m.setLabelFont(this.style.small().deriveFont(Font.BOLD));
				Paint p = m.getLabelPaint();
				if (p == null || Color.BLACK.equals(p)) {
					m.setLabelPaint(TEXT);
				}
			}
		}

	}

}
