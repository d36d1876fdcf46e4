package org.learnstats.outputs.tables;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The {@code xl/styles.xml} of an {@link XlsxWriter} workbook. */
final class XlsxStyles {

	private XlsxStyles() {
	}

	/**
	 * The styles in the order first used: number formats (custom ids from 164), two fonts
	 * (regular, bold), the two fills every workbook starts with and one per colour used, two
	 * borders (none, thin bottom), and a cell format per style.
	 */
	static String xml(Collection<XlsxStyle> styles) {
		List<String> formats = new ArrayList<>();
		List<Integer> fills = new ArrayList<>();
		for (XlsxStyle s : styles) {
			if (s.format() != null && !formats.contains(s.format())) {
				formats.add(s.format());
			}
			if (s.fillColor() != XlsxStyle.NO_FILL && !fills.contains(s.fillColor())) {
				fills.add(s.fillColor());
			}
		}
		StringBuilder b = new StringBuilder(XlsxWriter.XML).append("<styleSheet xmlns=\"").append(XlsxWriter.MAIN).append("\">");
		if (!formats.isEmpty()) {
			b.append("<numFmts count=\"").append(formats.size()).append("\">");
			for (int i = 0; i < formats.size(); i++) {
				b.append("<numFmt numFmtId=\"").append(164 + i).append("\" formatCode=\"");
				XlsxWriter.escape(b, formats.get(i));
				b.append("\"/>");
			}
			b.append("</numFmts>");
		}
		b.append("<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>")
			.append("<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>");
		b.append("<fills count=\"").append(2 + fills.size()).append("\"><fill><patternFill patternType=\"none\"/></fill>")
			.append("<fill><patternFill patternType=\"gray125\"/></fill>");
		for (int color : fills) {
			b.append("<fill><patternFill patternType=\"solid\"><fgColor indexed=\"").append(color)
				.append("\"/><bgColor indexed=\"64\"/></patternFill></fill>");
		}
		b.append("</fills><borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>")
			.append("<border><left/><right/><top/><bottom style=\"thin\"><color indexed=\"64\"/></bottom><diagonal/></border></borders>")
			.append("<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>")
			.append("<cellXfs count=\"").append(styles.size()).append("\">");
		for (XlsxStyle s : styles) {
			int numFmt = (s.format() == null) ? 0 : 164 + formats.indexOf(s.format());
			int fill = (s.fillColor() == XlsxStyle.NO_FILL) ? 0 : 2 + fills.indexOf(s.fillColor());
			b.append("<xf numFmtId=\"").append(numFmt).append("\" fontId=\"").append(s.bold() ? 1 : 0)
				.append("\" fillId=\"").append(fill).append("\" borderId=\"").append(s.bottomBorder() ? 1 : 0)
				.append("\" xfId=\"0\"");
			if (numFmt != 0) {
				b.append(" applyNumberFormat=\"1\"");
			}
			if (s.bold()) {
				b.append(" applyFont=\"1\"");
			}
			if (fill != 0) {
				b.append(" applyFill=\"1\"");
			}
			if (s.bottomBorder()) {
				b.append(" applyBorder=\"1\"");
			}
			if (s.wrap() || s.indent() > 0) {
				b.append(" applyAlignment=\"1\"><alignment");
				if (s.indent() > 0) {
					b.append(" horizontal=\"left\" indent=\"").append(s.indent()).append('"');
				}
				if (s.wrap()) {
					b.append(" wrapText=\"1\"");
				}
				b.append("/></xf>");
			}
			else {
				b.append("/>");
			}
		}
		return b.append("</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>")
			.append("</styleSheet>").toString();
	}

}
