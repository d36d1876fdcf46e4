package org.learnstats.outputs.charts;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.util.Arrays;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * A chart on a medium, chosen last: PNG bytes for the dashboard and the pack's ZIP (one encoder,
 * {@link PngEncoder}; a chart laid out in units of its {@link ChartStyle}, drawn at the style's
 * pixels per unit: 1 on screen, {@link ChartStyle#PRINT_DPI} in print), an SVG document for zooming
 * and print, and a PDF form for the pack's pages (vectors, so it prints sharp at any size and has no
 * pixels to encode). All are deterministic (no timestamps, no random ids), so the same data gives the
 * same bytes.
 * <p>
 * SVG text is drawn as outlines of the shipped font, each glyph defined once and placed with
 * {@code <use>} ({@link SvgGlyphs}), so Chinese shows in any browser, with or without a CJK font
 * installed; JFreeSVG's own vector text looks the same at 6 to 13 times the bytes (see
 * {@link SvgGlyphs} for the comparison).
 */
public final class ChartMedia {

	/**
	 * Each dashboard chart thread's last canvas, drawn again for the next PNG of its size: a
	 * dashboard chart's pixels are 1.25 MB, allocated and zeroed anew for every chart. The PNG is
	 * encoded before the canvas is used again, and the canvas is cleared to what a new one holds
	 * (black, all zeros) unless the next chart paints every pixel first ({@link #paintsEveryPixel}).
	 * Only {@link #png(JFreeChart, int, int)} uses it, which the charts part
	 * calls from threads of its own, one chart after another. The pack's PNGs are drawn in parallel
	 * streams on the common pool, where a thread waiting for a task may run another: they keep new
	 * images (stop 24 reused pixels there too, and CI once found a pack's chart that differed from
	 * its rebuild, cause not found; 114efa0 reverted it).
	 */
	private static final ThreadLocal<BufferedImage> CANVAS = new ThreadLocal<>();

	private ChartMedia() {
	}

	/** The chart as an opaque RGB PNG of {@code width} × {@code height} pixels. */
	public static byte[] png(JFreeChart chart, int width, int height) {
		BufferedImage image = canvas(width, height, paintsEveryPixel(chart));
		draw(chart, image, 1, width, height);
		return PngEncoder.encode(image);
	}

	/**
	 * The chart laid out at {@code width} × {@code height} units of {@code style} (pixels on screen,
	 * points in print) as an opaque RGB PNG at the style's pixels per unit.
	 */
	public static byte[] png(JFreeChart chart, double width, double height, ChartStyle style) {
		return PngEncoder.encode(image(chart, width, height, style));
	}

	/** The chart laid out in the style's units, drawn at its pixels per unit. */
	public static BufferedImage image(JFreeChart chart, double width, double height, ChartStyle style) {
		BufferedImage image = new BufferedImage(style.pixels(width), style.pixels(height), BufferedImage.TYPE_INT_RGB);
		draw(chart, image, style.pixelsPerUnit(), width, height);
		return image;
	}

	/** The chart drawn into an opaque RGB image. */
	public static BufferedImage image(JFreeChart chart, int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		draw(chart, image, 1, width, height);
		return image;
	}

	/** The chart laid out at {@code width} × {@code height} units, drawn at {@code scale} pixels per unit. */
	private static void draw(JFreeChart chart, BufferedImage image, double scale, double width, double height) {
		Graphics2D g2 = image.createGraphics();
		try {
			if (scale != 1) {
				g2.scale(scale, scale);
			}
			chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
		}
		finally {
			g2.dispose();
		}
	}

	/**
	 * This thread's canvas of the size: all zeros, as a new image is, unless the chart about to be
	 * drawn on it paints every pixel over whatever is there first (clearing 1.25 MB for every
	 * dashboard chart took a twentieth of the charts' time).
	 */
	private static BufferedImage canvas(int width, int height, boolean paintedOver) {
		BufferedImage image = CANVAS.get();
		if (image == null || image.getWidth() != width || image.getHeight() != height) {
			image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
			CANVAS.set(image);
			return image;
		}
		if (!paintedOver) {
			Arrays.fill(((DataBufferInt) image.getRaster().getDataBuffer()).getData(), 0);
		}
		return image;
	}

	/**
	 * Whether drawing the chart at whole pixels begins by painting every pixel opaque: JFreeChart
	 * fills the whole chart area with the chart's background paint before anything else, so an
	 * opaque colour there (the theme's white) leaves nothing of what the canvas held.
	 */
	static boolean paintsEveryPixel(JFreeChart chart) {
		return chart.getBackgroundPaint() instanceof Color c && c.getAlpha() == 255;
	}

	/**
	 * The chart laid out at {@code width} × {@code height} points as a form of the document of
	 * {@code glyphs}, drawn in vectors. Its text is drawn as the outlines of the shipped font's
	 * glyphs, each defined once in the document ({@link PdfGlyphs}), with AWT's metrics and the
	 * synthetic bold of the PNG, so the page shows what the PNG shows; the form's box is
	 * {@code width} × {@code height} with its origin at the bottom left.
	 */
	public static PDFormXObject pdf(JFreeChart chart, PdfGlyphs glyphs, double width, double height)
			throws IOException {
		PdfBoxGraphics2D g2 = new PdfBoxGraphics2D(glyphs.document(), (float) width, (float) height);
		g2.setFontTextDrawer(glyphs);
		try {
			chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
		}
		finally {
			g2.dispose();
		}
		return g2.getXFormObject();
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
