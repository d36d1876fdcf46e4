package org.learnstats.outputs.tables;

/** A cell's style: a number format (or {@code null}: general), bold, fill, bottom border, wrap, indent. */
public record XlsxStyle(String format, boolean bold, int fillColor, boolean bottomBorder, boolean wrap, int indent) {

	/** No fill. */
	public static final int NO_FILL = -1;

	/** Excel's indexed colours used here (POI's {@code IndexedColors}): 25 % grey, pale blue. */
	public static final int GREY_25 = 22;

	public static final int PALE_BLUE = 44;

	public static final XlsxStyle GENERAL = new XlsxStyle(null, false, NO_FILL, false, false, 0);

	public static XlsxStyle number(String format) {
		return new XlsxStyle(format, false, NO_FILL, false, false, 0);
	}

	public static XlsxStyle header(int fillColor, boolean bottomBorder, boolean wrap) {
		return new XlsxStyle(null, true, fillColor, bottomBorder, wrap, 0);
	}

	public static XlsxStyle indented(int indent) {
		return new XlsxStyle(null, false, NO_FILL, false, false, indent);
	}

}
