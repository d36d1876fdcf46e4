package org.learnstats.outputs.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.lang.ref.SoftReference;
import java.util.Arrays;

import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * A chart on a medium, chosen last: PNG bytes for the dashboard and the pack (one encoder,
 * {@link PngEncoder}; a chart laid out in units of its {@link ChartStyle}, drawn at the style's
 * pixels per unit: 1 on screen, 300 dpi in print), an SVG document for zooming and print. Both are
 * deterministic (no timestamps, no random ids), so the same data gives the same bytes.
 * <p>
 * SVG text is drawn as outlines of the shipped font, each glyph defined once and placed with
 * {@code <use>} ({@link SvgGlyphs}), so Chinese shows in any browser, with or without a CJK font
 * installed; JFreeSVG's own vector text looks the same at 6 to 13 times the bytes (see
 * {@link SvgGlyphs} for the comparison).
 */
public final class ChartMedia {

	/** The colour model of {@link BufferedImage#TYPE_INT_RGB}: an image on it is of that type. */
	private static final DirectColorModel RGB = new DirectColorModel(24, 0xff0000, 0xff00, 0xff, 0);

	/**
	 * Per thread, the pixels the last PNG was drawn on, used again for the next: a night draws
	 * thousands of charts and a print raster is up to 21 MB, which G1 allocates as a humongous
	 * object in the old generation. Allocating one per chart was half of the night's allocation and
	 * kept G1 in concurrent cycles through the charts and packs (a thread in a JNI critical section,
	 * such as a deflater, then can fail such an allocation with an OutOfMemoryError). Soft: a thread
	 * that stays idle gives its pixels back under memory pressure.
	 */
	private static final ThreadLocal<SoftReference<int[]>> PIXELS = new ThreadLocal<>();

	private ChartMedia() {
	}

	/** The chart as an opaque RGB PNG of {@code width} × {@code height} pixels. */
	public static byte[] png(JFreeChart chart, int width, int height) {
		return PngEncoder.encode(draw(chart, canvas(width, height), width, height, 1));
	}

	/**
	 * The chart laid out at {@code width} × {@code height} units of {@code style} (pixels on screen,
	 * points in print) as an opaque RGB PNG at the style's pixels per unit.
	 */
	public static byte[] png(JFreeChart chart, double width, double height, ChartStyle style) {
		BufferedImage canvas = canvas(style.pixels(width), style.pixels(height));
		return PngEncoder.encode(draw(chart, canvas, width, height, style.pixelsPerUnit()));
	}

	/** The chart laid out in the style's units, drawn at its pixels per unit into a new image. */
	public static BufferedImage image(JFreeChart chart, double width, double height, ChartStyle style) {
		BufferedImage image = new BufferedImage(style.pixels(width), style.pixels(height), BufferedImage.TYPE_INT_RGB);
		return draw(chart, image, width, height, style.pixelsPerUnit());
	}

	/** The chart drawn into a new opaque RGB image. */
	public static BufferedImage image(JFreeChart chart, int width, int height) {
		return draw(chart, new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), width, height, 1);
	}

	private static BufferedImage draw(JFreeChart chart, BufferedImage image, double width, double height,
			double scale) {
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
		return image;
	}

	/**
	 * An opaque RGB image of {@code width} × {@code height} on this thread's pixels, cleared to what
	 * a new image holds (every pixel 0), so a chart drawn on it gives the same bytes. Valid until
	 * the thread's next canvas: only for a PNG encoded at once.
	 */
	static BufferedImage canvas(int width, int height) {
		int size = Math.multiplyExact(width, height);
		SoftReference<int[]> kept = PIXELS.get();
		int[] pixels = (kept == null) ? null : kept.get();
		if (pixels == null || pixels.length < size) {
			pixels = new int[size];
			PIXELS.set(new SoftReference<>(pixels));
		}
		else {
			Arrays.fill(pixels, 0, size, 0);
		}
		WritableRaster raster = Raster.createPackedRaster(new DataBufferInt(pixels, size), width, height, width,
				new int[] { RGB.getRedMask(), RGB.getGreenMask(), RGB.getBlueMask() }, null);
		return new BufferedImage(RGB, raster, false, null);
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
