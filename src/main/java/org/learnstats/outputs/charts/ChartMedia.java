package org.learnstats.outputs.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * A chart on a medium: PNG bytes for the dashboard and the pack, an SVG document for zooming and
 * print. Both are deterministic (no timestamps, no random ids), so the same data gives the same
 * bytes. SVG text is drawn as outlines of the shipped font (each glyph defined once, see
 * {@link SvgGlyphs}), so Chinese shows in any browser, with or without a CJK font installed.
 */
public final class ChartMedia {

	private ChartMedia() {
	}

	/** The chart as an opaque RGB PNG of {@code width} × {@code height} pixels. */
	public static byte[] png(JFreeChart chart, int width, int height) {
		return PngEncoder.encode(image(chart, width, height));
	}

	/** The chart drawn into an opaque RGB image. */
	public static BufferedImage image(JFreeChart chart, int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g2 = image.createGraphics();
		try {
			chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
		}
		finally {
			g2.dispose();
		}
		return image;
	}

	/** The chart as a standalone SVG document of {@code width} × {@code height} user units. */
	public static String svg(JFreeChart chart, int width, int height) {
		SVGGraphics2D g2 = new SVGGraphics2D(width, height);
		g2.setDefsKeyPrefix("ls");
		g2.setGeomDoubleConverter(ChartMedia::oneDecimal);
		chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
		// a viewBox, so the dashboard can scale the chart to its column; no DOCTYPE to fetch
		String element = g2.getSVGElement(null, true, new ViewBox(0, 0, width, height), null, null);
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + SvgGlyphs.outline(element) + "\n";
	}

	/** Geometry to a tenth of a unit: invisible at screen and print sizes, and a third of the bytes. */
	private static String oneDecimal(double d) {
		if (Double.isNaN(d) || Double.isInfinite(d)) {
			return "0";
		}
		long tenths = Math.round(d * 10);
		long abs = Math.abs(tenths);
		String sign = (tenths < 0) ? "-" : "";
		return (abs % 10 == 0) ? sign + (abs / 10) : sign + (abs / 10) + "." + (abs % 10);
	}

}
