package org.learnstats.outputs.charts;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Stroke;

import org.jfree.chart.ui.RectangleInsets;
import org.learnstats.outputs.fonts.CjkFont;

/**
 * The sizes of a chart for its medium, chosen with the medium: fonts, line widths, paddings and the
 * pixels per chart unit. {@link #SCREEN} is the dashboard's (an 800 × 400 pixel chart, one unit a
 * pixel); {@link #PRINT} the quarterly pack's (a chart laid out in points at the size it is printed
 * on A4, fonts of 7.5 to 11 points, its PNG at 150 dpi). Colours, palettes and the chart types are the
 * same in both (see {@link ChartTheme} and {@link Charts}).
 *
 * @param name for fingerprints and messages
 * @param title the chart title's font
 * @param subtitle subtitles and notes
 * @param label axis labels and the no-data note
 * @param tick tick labels, legends and item labels
 * @param small marker labels and pie labels
 * @param line the width of a trend's line
 * @param goal the dashed stroke of goal lines
 * @param padding around the chart
 * @param labelOffset between a point and its label
 * @param labelRoom room above a rate trend's highest tick for point labels, a share of the axis
 * (the same labels take a larger share of a smaller plot)
 * @param rankingBase a ranking's height without bars
 * @param rankingRow a ranking's height per bar
 * @param rankingMin a ranking's least height
 * @param pixelsPerUnit pixels of the PNG per chart unit (1 on screen, 150/72 in print)
 */
public record ChartStyle(String name, Font title, Font subtitle, Font label, Font tick, Font small, float line,
		Stroke goal, RectangleInsets padding, double labelOffset, double labelRoom, int rankingBase, int rankingRow, int rankingMin,
		double pixelsPerUnit) {

	/**
	 * The resolution of the pack's PNGs (the ZIP's, for slides and documents; the PDF draws its
	 * charts in vectors): a trend is 503 × 396 pixels, a ranking 1,032 pixels wide.
	 */
	public static final int PRINT_DPI = 150;

	/** The dashboard: units are pixels. */
	public static final ChartStyle SCREEN = new ChartStyle("screen", font(Font.BOLD, 18f), font(Font.PLAIN, 12f),
			font(Font.PLAIN, 13f), font(Font.PLAIN, 12f), font(Font.PLAIN, 11f), 2.5f, dashed(2f, 8f, 5f),
			new RectangleInsets(8, 8, 8, 12), 7, 0.14, 150, 22, 400, 1);

	/** The pack: units are points of the printed A4 page, drawn at {@link #PRINT_DPI}. */
	public static final ChartStyle PRINT = new ChartStyle("print", font(Font.BOLD, 11f), font(Font.PLAIN, 8f),
			font(Font.PLAIN, 8.5f), font(Font.PLAIN, 8f), font(Font.PLAIN, 7.5f), 1.6f, dashed(1.3f, 5f, 3.5f),
			new RectangleInsets(4, 4, 4, 8), 4, 0.24, 96, 13, 160, PRINT_DPI / 72.0);

	/** The stroke of a trend's line. */
	public Stroke lineStroke() {
		return new BasicStroke(this.line);
	}

	/** Pixels of a PNG drawn from {@code units} chart units. */
	public int pixels(double units) {
		return (int) Math.round(units * this.pixelsPerUnit);
	}

	private static Font font(int style, float size) {
		return CjkFont.font(style, size);
	}

	private static Stroke dashed(float width, float dash, float gap) {
		return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] { dash, gap }, 0f);
	}

}
