package org.learnstats.outputs.charts;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.CategoryItemEntity;

/**
 * The bars of a ranking as drawn: the chart is drawn as {@link ChartMedia#image} draws it, and a
 * column of pixels just right of the value axis's zero is read top to bottom; each run of a bar's
 * colour is a bar, its length the bar's thickness in pixels; the pixels after each bar's end are
 * its label's, when the label does not fit inside.
 */
final class RankingBars {

	private static final Set<Integer> BAR_COLOURS = Set.of(((Color) ChartTheme.MET).getRGB(),
			((Color) ChartTheme.NOT_MET).getRGB(), ((Color) ChartTheme.SERIES[0]).getRGB());

	private RankingBars() {
	}

	/** The thickness in pixels of every bar, top to bottom. */
	static List<Integer> thickness(JFreeChart chart, double width, double height, ChartStyle style) {
		ChartRenderingInfo info = new ChartRenderingInfo();
		BufferedImage image = draw(chart, width, height, style, info);
		double scale = style.pixelsPerUnit();
		Rectangle2D data = info.getPlotInfo().getDataArea();
		int x = (int) Math.round((data.getMinX() + 2) * scale);
		List<Integer> bars = new ArrayList<>();
		int run = 0;
		for (int y = (int) (data.getMinY() * scale); y <= (int) Math.ceil(data.getMaxY() * scale); y++) {
			if (BAR_COLOURS.contains(image.getRGB(x, y))) {
				run++;
			}
			else if (run > 0) {
				bars.add(run);
				run = 0;
			}
		}
		return bars;
	}

	/**
	 * For every bar, top to bottom, the dark pixels (text) between its end and the plot's right
	 * edge within its height: its value label when that is drawn after the bar, legibly.
	 */
	static List<Integer> inkAfterBars(JFreeChart chart, double width, double height, ChartStyle style) {
		ChartRenderingInfo info = new ChartRenderingInfo();
		BufferedImage image = draw(chart, width, height, style, info);
		double scale = style.pixelsPerUnit();
		Rectangle2D data = info.getPlotInfo().getDataArea();
		List<Integer> ink = new ArrayList<>();
		for (Object e : info.getEntityCollection().getEntities()) {
			if (!(e instanceof CategoryItemEntity item)) {
				continue;
			}
			Rectangle2D bar = item.getArea().getBounds2D();
			int dark = 0;
			for (int y = (int) Math.ceil(bar.getMinY() * scale); y < (int) (bar.getMaxY() * scale); y++) {
				for (int x = (int) Math.ceil(bar.getMaxX() * scale) + 1; x < (int) (data.getMaxX() * scale); x++) {
					Color c = new Color(image.getRGB(x, y));
					if (c.getRed() < 110 && c.getGreen() < 110 && c.getBlue() < 110) {
						dark++;
					}
				}
			}
			ink.add(dark);
		}
		return ink;
	}

	private static BufferedImage draw(JFreeChart chart, double width, double height, ChartStyle style,
			ChartRenderingInfo info) {
		BufferedImage image = new BufferedImage(style.pixels(width), style.pixels(height), BufferedImage.TYPE_INT_RGB);
		Graphics2D g2 = image.createGraphics();
		try {
			g2.scale(style.pixelsPerUnit(), style.pixelsPerUnit());
			chart.draw(g2, new Rectangle2D.Double(0, 0, width, height), info);
		}
		finally {
			g2.dispose();
		}
		return image;
	}

}
