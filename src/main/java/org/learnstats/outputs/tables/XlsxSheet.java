package org.learnstats.outputs.tables;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/** A sheet of an {@link XlsxWriter} workbook: its column widths and frozen panes, then its rows in order. */
public final class XlsxSheet {

	final String name;

	private final ToIntFunction<XlsxStyle> styles;

	private final StringBuilder rows = new StringBuilder(4096);

	private final Map<Integer, Double> widths = new TreeMap<>();

	private int frozenColumns;

	private int frozenRows;

	private int row;

	private int column = -1;

	XlsxSheet(String name, ToIntFunction<XlsxStyle> styles) {
		this.name = name;
		this.styles = styles;
	}

	/** Freezes the first {@code columns} columns and {@code rows} rows. */
	public XlsxSheet freeze(int columns, int rows) {
		this.frozenColumns = columns;
		this.frozenRows = rows;
		return this;
	}

	/** The width of column {@code column} (0-based) in characters. */
	public XlsxSheet width(int column, double characters) {
		this.widths.put(column, characters);
		return this;
	}

	/** Starts the next row; cells go into it left to right. */
	public XlsxSheet row() {
		if (this.row > 0) {
			this.rows.append("</row>");
		}
		this.row++;
		this.column = -1;
		this.rows.append("<row r=\"").append(this.row).append("\">");
		return this;
	}

	/** A text cell in column {@code column} of the current row; {@code null} leaves it empty. */
	public XlsxSheet text(int column, String text, XlsxStyle style) {
		if (text == null) {
			return this;
		}
		String t = (text.length() <= XlsxWriter.MAX_TEXT) ? text
				: text.substring(0, Character.isHighSurrogate(text.charAt(XlsxWriter.MAX_TEXT - 1)) ? XlsxWriter.MAX_TEXT - 1 : XlsxWriter.MAX_TEXT);
		cell(column, style).append(" t=\"inlineStr\"><is><t");
		if (!t.isEmpty() && (Character.isWhitespace(t.charAt(0)) || Character.isWhitespace(t.charAt(t.length() - 1)))) {
			this.rows.append(" xml:space=\"preserve\"");
		}
		this.rows.append('>');
		XlsxWriter.escape(this.rows, t);
		this.rows.append("</t></is></c>");
		return this;
	}

	/** A number cell; {@code null} leaves it empty. */
	public XlsxSheet number(int column, BigDecimal value, XlsxStyle style) {
		return (value == null) ? this : number(column, value.doubleValue(), style);
	}

	/** A number cell; not a number or infinite leaves it empty (a workbook cannot hold them). */
	public XlsxSheet number(int column, double value, XlsxStyle style) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return this;
		}
		cell(column, style).append("><v>").append(XlsxWriter.numberText(value)).append("</v></c>");
		return this;
	}

	private StringBuilder cell(int column, XlsxStyle style) {
		if (this.row == 0 || column <= this.column) {
			throw new IllegalStateException("cells go into a row, left to right");
		}
		this.column = column;
		this.rows.append("<c r=\"");
		XlsxWriter.columnName(this.rows, column);
		this.rows.append(this.row).append('"');
		int s = this.styles.applyAsInt(style);
		if (s != 0) {
			this.rows.append(" s=\"").append(s).append('"');
		}
		return this.rows;
	}

	StringBuilder xml(boolean selected) {
		StringBuilder b = new StringBuilder(this.rows.length() + 1024);
		b.append(XlsxWriter.XML).append("<worksheet xmlns=\"").append(XlsxWriter.MAIN).append("\" xmlns:r=\"").append(XlsxWriter.REL).append("\">");
		b.append("<sheetViews><sheetView workbookViewId=\"0\"");
		if (selected) {
			b.append(" tabSelected=\"1\"");
		}
		if (this.frozenColumns > 0 || this.frozenRows > 0) {
			String pane = (this.frozenColumns > 0) ? ((this.frozenRows > 0) ? "bottomRight" : "topRight") : "bottomLeft";
			b.append("><pane");
			if (this.frozenColumns > 0) {
				b.append(" xSplit=\"").append(this.frozenColumns).append('"');
			}
			if (this.frozenRows > 0) {
				b.append(" ySplit=\"").append(this.frozenRows).append('"');
			}
			b.append(" topLeftCell=\"");
			XlsxWriter.columnName(b, this.frozenColumns);
			b.append(this.frozenRows + 1).append("\" activePane=\"").append(pane).append("\" state=\"frozen\"/>")
				.append("<selection pane=\"").append(pane).append("\"/></sheetView>");
		}
		else {
			b.append("/>");
		}
		b.append("</sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>");
		if (!this.widths.isEmpty()) {
			b.append("<cols>");
			this.widths.forEach((c, w) -> b.append("<col min=\"").append(c + 1).append("\" max=\"").append(c + 1)
				.append("\" width=\"").append(XlsxWriter.numberText(w)).append("\" customWidth=\"1\"/>"));
			b.append("</cols>");
		}
		b.append("<sheetData>").append(this.rows);
		if (this.row > 0) {
			b.append("</row>");
		}
		return b.append("</sheetData></worksheet>");
	}

}
