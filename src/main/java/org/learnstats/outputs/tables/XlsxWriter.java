package org.learnstats.outputs.tables;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the workbooks of the tables and of the packs: sheets of text and number cells with a few
 * styles, column widths and a frozen header, straight as SpreadsheetML into the zip. The same
 * content gives the same bytes (the document dates and every zip entry's time are the given date).
 *
 * <p>Why not POI, which reads the inbox's workbooks: its streaming writer (SXSSF) went through an
 * object per cell, a temporary file and a second zip, 70 % of the tables' time on a night with a
 * new month column; fastexcel, the fast writer, stamps the document with the clock. What is
 * written here is the small part of the format those workbooks use, checked by reading them back
 * with POI and by LibreOffice opening them (tests of the tables and the pack).
 */
public final class XlsxWriter {

	/** Excel's limit on a cell's text. */
	static final int MAX_TEXT = 32_767;

	static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

	private static final String PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

	static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

	private final String title;

	private final String creator;

	private final LocalDate date;

	private final List<XlsxSheet> sheets = new ArrayList<>();

	private final Map<XlsxStyle, Integer> styles = new LinkedHashMap<>();

	/** A workbook with these document properties; {@code date} also stamps every zip entry. */
	public XlsxWriter(String title, String creator, LocalDate date) {
		this.title = title;
		this.creator = creator;
		this.date = date;
		this.styles.put(XlsxStyle.GENERAL, 0);
	}

	/** A new sheet, after the others. */
	public XlsxSheet sheet(String name) {
		if (name.isEmpty() || name.length() > 31 || name.chars().anyMatch((c) -> ":\\/?*[]".indexOf(c) >= 0)
				|| this.sheets.stream().anyMatch((s) -> s.name.equalsIgnoreCase(name))) {
			throw new IllegalArgumentException("not a sheet name Excel takes, or taken: " + name);
		}
		XlsxSheet sheet = new XlsxSheet(name, this::style);
		this.sheets.add(sheet);
		return sheet;
	}

	/** The workbook's bytes. */
	public byte[] bytes() {
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		try {
			write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** Writes the workbook to {@code target} (left open). */
	public void write(OutputStream target) throws IOException {
		ZipOutputStream zip = new ZipOutputStream(target);
		zip.setLevel(Deflater.BEST_SPEED);
		entry(zip, "[Content_Types].xml", contentTypes());
		entry(zip, "_rels/.rels", XML + "<Relationships xmlns=\"" + PKG_REL + "\">"
				+ "<Relationship Id=\"rId1\" Type=\"" + REL + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
				+ "<Relationship Id=\"rId2\" Type=\"" + PKG_REL + "/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
				+ "<Relationship Id=\"rId3\" Type=\"" + REL + "/extended-properties\" Target=\"docProps/app.xml\"/>"
				+ "</Relationships>");
		entry(zip, "docProps/app.xml", XML + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/"
				+ "extended-properties\"><Application>learnstats</Application></Properties>");
		entry(zip, "docProps/core.xml", core());
		entry(zip, "xl/workbook.xml", workbook());
		entry(zip, "xl/_rels/workbook.xml.rels", workbookRels());
		for (int i = 0; i < this.sheets.size(); i++) {
			entry(zip, "xl/worksheets/sheet" + (i + 1) + ".xml", this.sheets.get(i).xml(i == 0));
		}
		entry(zip, "xl/styles.xml", XlsxStyles.xml(this.styles.keySet()));
		zip.finish();
	}

	private void entry(ZipOutputStream zip, String name, CharSequence xml) throws IOException {
		ZipEntry entry = new ZipEntry(name);
		entry.setTimeLocal(this.date.atStartOfDay());
		zip.putNextEntry(entry);
		zip.write(xml.toString().getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

	private String contentTypes() {
		StringBuilder b = new StringBuilder(XML).append("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
			.append("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
			.append("<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
			.append("<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>")
			.append("<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>")
			.append("<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>")
			.append("<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
		for (int i = 1; i <= this.sheets.size(); i++) {
			b.append("<Override PartName=\"/xl/worksheets/sheet").append(i)
				.append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
		}
		return b.append("</Types>").toString();
	}

	private String core() {
		String when = this.date + "T00:00:00Z";
		StringBuilder b = new StringBuilder(XML).append("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/")
			.append("metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\"")
			.append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">");
		if (this.title != null) {
			b.append("<dc:title>");
			escape(b, this.title);
			b.append("</dc:title>");
		}
		b.append("<dc:creator>");
		escape(b, this.creator);
		b.append("</dc:creator>");
		b.append("<dcterms:created xsi:type=\"dcterms:W3CDTF\">").append(when).append("</dcterms:created>");
		b.append("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">").append(when).append("</dcterms:modified>");
		return b.append("</cp:coreProperties>").toString();
	}

	private String workbook() {
		StringBuilder b = new StringBuilder(XML).append("<workbook xmlns=\"").append(MAIN).append("\" xmlns:r=\"").append(REL)
			.append("\"><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>");
		for (int i = 0; i < this.sheets.size(); i++) {
			b.append("<sheet name=\"");
			escape(b, this.sheets.get(i).name);
			b.append("\" sheetId=\"").append(i + 1).append("\" r:id=\"rId").append(i + 1).append("\"/>");
		}
		return b.append("</sheets></workbook>").toString();
	}

	private String workbookRels() {
		StringBuilder b = new StringBuilder(XML).append("<Relationships xmlns=\"").append(PKG_REL).append("\">");
		for (int i = 1; i <= this.sheets.size(); i++) {
			b.append("<Relationship Id=\"rId").append(i).append("\" Type=\"").append(REL)
				.append("/worksheet\" Target=\"worksheets/sheet").append(i).append(".xml\"/>");
		}
		b.append("<Relationship Id=\"rId").append(this.sheets.size() + 1).append("\" Type=\"").append(REL)
			.append("/styles\" Target=\"styles.xml\"/>");
		return b.append("</Relationships>").toString();
	}

	private int style(XlsxStyle style) {
		return this.styles.computeIfAbsent(style, (s) -> this.styles.size());
	}

	/**
	 * XML text of {@code s}: markup escaped, and what XML 1.0 cannot carry (control characters
	 * other than tab and line breaks, lone surrogates, U+FFFE and U+FFFF) written as {@code ?}.
	 */
	static void escape(StringBuilder b, String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '&' -> b.append("&amp;");
				case '<' -> b.append("&lt;");
				case '>' -> b.append("&gt;");
				case '"' -> b.append("&quot;");
				case '\t', '\n', '\r' -> b.append("&#x").append(Integer.toHexString(c)).append(';');
				default -> {
					if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
						b.append('?');
					}
					else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
						b.append(c).append(s.charAt(++i));
					}
					else if (Character.isSurrogate(c)) {
						b.append('?');
					}
					else {
						b.append(c);
					}
				}
			}
		}
	}

	/** A number as a cell holds it: integers without a fraction, never an exponent. */
	static String numberText(double d) {
		if (d == Math.rint(d) && Math.abs(d) < 1e15) {
			return Long.toString((long) d);
		}
		String s = Double.toString(d);
		return (s.indexOf('E') < 0) ? s : new BigDecimal(s).stripTrailingZeros().toPlainString();
	}

	/** Column {@code column} (0-based) as Excel names it: A … Z, AA … */
	static void columnName(StringBuilder b, int column) {
		if (column >= 26) {
			columnName(b, column / 26 - 1);
		}
		b.append((char) ('A' + column % 26));
	}

}
