package org.learnstats.outputs.pack;

import java.awt.Color;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * A4 pages with the bundled CJK font embedded as a subset, and the little layout the pack needs:
 * a cursor that moves down the page, wrapped paragraphs, tables that continue on the next page
 * with their header repeated, charts (PDF forms), and footers added once the page count is known.
 */
final class PdfCanvas implements Closeable {

	/**
	 * PDFBox deflates every stream of a document (the pages, the glyph forms, the font) at the level
	 * this process-wide property gives, zlib's default (6) when unset. At level 1 (zlib's fastest,
	 * as the ZIP's text entries and the workbook's) a committee's pack took 7 % less CPU for a PDF
	 * 1 % larger. Set before the first document exists, every PDF of the process has the same bytes;
	 * an operator's own setting stays.
	 */
	static final String DEFLATE_LEVEL = "org.apache.pdfbox.filter.deflatelevel";

	static {
		if (System.getProperty(DEFLATE_LEVEL) == null) {
			System.setProperty(DEFLATE_LEVEL, "1");
		}
	}

	static final float WIDTH = PDRectangle.A4.getWidth();

	static final float HEIGHT = PDRectangle.A4.getHeight();

	static final float LEFT = 50;

	static final float RIGHT = WIDTH - 50;

	static final float TOP = HEIGHT - 56;

	static final float BOTTOM = 62;

	static final Color INK = new Color(0x22, 0x2B, 0x36);

	static final Color NAVY = new Color(0x1F, 0x3A, 0x5F);

	static final Color MUTED = new Color(0x6B, 0x74, 0x80);

	static final Color RULE = new Color(0xC9, 0xD2, 0xDC);

	static final Color HEAD_FILL = new Color(0xE6, 0xEC, 0xF3);

	static final Color ZEBRA = new Color(0xF6, 0xF8, 0xFA);

	static final Color GOOD = new Color(0x2E, 0x6B, 0x3A);

	static final Color BAD = new Color(0xB0, 0x3A, 0x2E);

	/** A cell text starting with this ideographic space is indented, on every line it wraps to. */
	static final String INDENT = "\u3000";

	/** A cell of a table: its text and colour. */
	record Cell(String text, Color color) {

		static Cell of(String text) {
			return new Cell(text, INK);
		}

	}

	/** A column: header, width in points, and whether its cells align right. */
	record Column(String header, float width, boolean right) {
	}

	private final PDDocument doc;

	private final PDType0Font font;

	private final Map<Integer, Boolean> glyphs = new HashMap<>();

	/** Advance widths by code point, in the font's units. */
	private final Map<Integer, Float> widths = new HashMap<>();

	/** Numbers drawn smaller than the table's size to fit their column (a layout to fix, never wrapped). */
	private final List<String> squeezed = new ArrayList<>();

	private PDPageContentStream cs;

	private float y;

	private String section;

	PdfCanvas(PDDocument doc) throws IOException {
		this.doc = doc;
		try {
			this.font = PDType0Font.load(doc, FACE.get(), true);
		}
		catch (java.io.UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	/**
	 * The face, parsed once per thread from the bytes the process holds: parsing its tables (20,000
	 * glyphs' metrics and names) for each pack was a tenth of a pack's time. A font reads through one
	 * stream, so threads do not share it; PDFBox does not close a font it is handed, so one serves
	 * every pack its thread builds, each embedding the subset of the glyphs it uses.
	 */
	private static final ThreadLocal<TrueTypeFont> FACE = ThreadLocal.withInitial(PdfCanvas::face);

	private static TrueTypeFont face() {
		try {
			TrueTypeCollection collection = new TrueTypeCollection(
					new java.io.ByteArrayInputStream(org.learnstats.outputs.fonts.CjkFont.collectionBytes()));
			TrueTypeFont ttf = collection.getFontByName("WenQuanYiMicroHei");
			if (ttf == null) {
				ttf = collection.getFontByName("WenQuanYi Micro Hei");
			}
			if (ttf == null) {
				throw new IOException("face WenQuanYi Micro Hei not found in fonts/wqy-microhei.ttc");
			}
			return ttf;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	List<String> squeezed() {
		return List.copyOf(this.squeezed);
	}

	float y() {
		return this.y;
	}

	void moveDown(float points) {
		this.y -= points;
	}

	/** Starts a page; when a section is named, its heading is drawn at the top. */
	void newPage(String sectionTitle) throws IOException {
		closeStream();
		PDPage page = new PDPage(PDRectangle.A4);
		this.doc.addPage(page);
		this.cs = new PDPageContentStream(this.doc, page);
		this.y = TOP;
		this.section = sectionTitle;
		if (sectionTitle != null) {
			text(sectionTitle, LEFT, this.y - 18, 18, NAVY);
			this.y -= 28;
			line(LEFT, this.y, RIGHT, this.y, NAVY, 1.2f);
			this.y -= 18;
		}
	}

	/**
	 * Starts a section below what the page holds when at least {@code room} points are left (so a
	 * short section does not take a page of its own), else on a new page.
	 */
	void section(String sectionTitle, float room) throws IOException {
		if (this.cs == null || this.y - room < BOTTOM) {
			newPage(sectionTitle);
			return;
		}
		this.y -= 16;
		this.section = sectionTitle;
		text(sectionTitle, LEFT, this.y - 18, 18, NAVY);
		this.y -= 28;
		line(LEFT, this.y, RIGHT, this.y, NAVY, 1.2f);
		this.y -= 18;
	}

	/** Ensures {@code height} points are left on the page, else continues the section on a new page. */
	void ensure(float height) throws IOException {
		if (this.y - height < BOTTOM) {
			newPage(this.section == null ? null : this.section.replace("（续）", "") + "（续）");
		}
	}

	void subheading(String title) throws IOException {
		ensure(48);
		text(title, LEFT, this.y - 13, 13, NAVY);
		this.y -= 22;
	}

	/** A wrapped paragraph at the cursor. */
	void paragraph(String text, float size, Color color) throws IOException {
		paragraph(text, size, color, LEFT, RIGHT - LEFT);
	}

	void paragraph(String text, float size, Color color, float x, float width) throws IOException {
		float leading = size * 1.55f;
		for (String line : wrap(text, size, width)) {
			ensure(leading);
			text(line, x, this.y - size, size, color);
			this.y -= leading;
		}
	}

	/** A table at the cursor; rows that do not fit continue on the next page under a repeated header. */
	void table(List<Column> columns, List<List<Cell>> rows, float size) throws IOException {
		float pad = 4;
		float leading = size * 1.4f;
		List<List<String>> headerLines = new ArrayList<>();
		int headerHeightLines = 1;
		for (Column c : columns) {
			List<String> lines = wrap(c.header(), size, c.width() - 2 * pad);
			headerLines.add(lines);
			headerHeightLines = Math.max(headerHeightLines, lines.size());
		}
		float headerHeight = headerHeightLines * leading + 2 * pad;
		boolean headerDrawn = false;
		int index = 0;
		for (List<Cell> row : rows) {
			List<List<String>> cellLines = new ArrayList<>();
			int n = 1;
			for (int i = 0; i < columns.size(); i++) {
				String text = row.get(i).text();
				boolean indented = text != null && text.startsWith(INDENT);
				// a number (right-aligned column) never breaks: its explicit lines are kept whole and
				// drawn smaller when wider than the column (drawRow)
				List<String> lines = columns.get(i).right() ? List.of((text == null ? "" : text).split("\n", -1))
						: wrap(indented ? text.substring(1) : text, size,
								columns.get(i).width() - 2 * pad - (indented ? size : 0));
				if (indented) {
					lines = lines.stream().map((l) -> INDENT + l).toList();
				}
				cellLines.add(lines);
				n = Math.max(n, lines.size());
			}
			float rowHeight = n * leading + 2 * pad;
			if (!headerDrawn || this.y - rowHeight < BOTTOM) {
				if (headerDrawn || this.y - headerHeight - rowHeight < BOTTOM) {
					ensure(headerHeight + rowHeight + 1);
				}
				drawRow(columns, headerLines, null, headerHeight, size, leading, pad, HEAD_FILL, NAVY);
				headerDrawn = true;
			}
			drawRow(columns, cellLines, row, rowHeight, size, leading, pad, index % 2 == 1 ? ZEBRA : null, INK);
			index++;
		}
		if (!headerDrawn) {
			ensure(headerHeight);
			drawRow(columns, headerLines, null, headerHeight, size, leading, pad, HEAD_FILL, NAVY);
		}
		this.y -= 10;
	}

	private void drawRow(List<Column> columns, List<List<String>> lines, List<Cell> cells, float height, float size,
			float leading, float pad, Color fill, Color defaultColor) throws IOException {
		float width = 0;
		for (Column c : columns) {
			width += c.width();
		}
		if (fill != null) {
			this.cs.setNonStrokingColor(fill);
			this.cs.addRect(LEFT, this.y - height, width, height);
			this.cs.fill();
		}
		float x = LEFT;
		for (int i = 0; i < columns.size(); i++) {
			Column c = columns.get(i);
			Color color = cells == null ? defaultColor : cells.get(i).color();
			float ty = this.y - pad - size * 0.95f;
			for (String line : lines.get(i)) {
				float fit = size;
				if (cells != null && c.right()) {
					float w = width(line, size);
					float room = c.width() - 2 * pad;
					fit = w > room ? size * room / w : size;
					if (w > room) {
						this.squeezed.add(line);
					}
				}
				float tx = c.right() ? x + c.width() - pad - width(line, fit) : x + pad;
				text(line, tx, ty, fit, color);
				ty -= leading;
			}
			x += c.width();
		}
		line(LEFT, this.y - height, LEFT + width, this.y - height, RULE, 0.5f);
		this.y -= height;
	}

	/**
	 * Draws a form (a chart) scaled to {@code width} × {@code height} with its top at the cursor,
	 * which stays where it is (for charts side by side).
	 */
	void place(PDFormXObject form, float x, float width, float height) throws IOException {
		PDRectangle box = form.getBBox();
		this.cs.saveGraphicsState();
		this.cs.transform(new Matrix(width / box.getWidth(), 0, 0, height / box.getHeight(), x, this.y - height));
		this.cs.drawForm(form);
		this.cs.restoreGraphicsState();
	}

	/** Draws a form like {@link #place}, on a new page if it does not fit, and moves the cursor below it. */
	void image(PDFormXObject form, float x, float width, float height) throws IOException {
		ensure(height);
		place(form, x, width, height);
		this.y -= height;
	}

	void text(String text, float x, float baseline, float size, Color color) throws IOException {
		String safe = printable(text);
		if (safe.isEmpty()) {
			return;
		}
		this.cs.beginText();
		this.cs.setFont(this.font, size);
		this.cs.setNonStrokingColor(color);
		this.cs.newLineAtOffset(x, baseline);
		this.cs.showText(safe);
		this.cs.endText();
	}

	void textRight(String text, float right, float baseline, float size, Color color) throws IOException {
		text(text, right - width(text, size), baseline, size, color);
	}

	void textCenter(String text, float baseline, float size, Color color) throws IOException {
		text(text, (WIDTH - width(text, size)) / 2, baseline, size, color);
	}

	void line(float x1, float y1, float x2, float y2, Color color, float width) throws IOException {
		this.cs.setStrokingColor(color);
		this.cs.setLineWidth(width);
		this.cs.moveTo(x1, y1);
		this.cs.lineTo(x2, y2);
		this.cs.stroke();
	}

	void rect(float x, float y, float w, float h, Color fill) throws IOException {
		this.cs.setNonStrokingColor(fill);
		this.cs.addRect(x, y, w, h);
		this.cs.fill();
	}

	float width(String text, float size) throws IOException {
		// PDFBox sums the glyphs' widths in order as floats: the same sum from widths read once each
		// (wrapping measures every prefix of a line, and each took an encoding of the whole string)
		float width = 0;
		String printable = printable(text);
		for (int i = 0; i < printable.length();) {
			int cp = printable.codePointAt(i);
			Float w = this.widths.get(cp);
			if (w == null) {
				w = this.font.getStringWidth(new String(Character.toChars(cp)));
				this.widths.put(cp, w);
			}
			width += w;
			i += Character.charCount(cp);
		}
		return width / 1000 * size;
	}

	/**
	 * Breaks text into lines no wider than {@code width}: at spaces between Latin words where it can,
	 * anywhere between CJK characters, and inside an over-long word when it must.
	 */
	List<String> wrap(String text, float size, float width) throws IOException {
		List<String> lines = new ArrayList<>();
		for (String paragraph : printable(text == null ? "" : text).split("\n", -1)) {
			StringBuilder line = new StringBuilder();
			int lastBreak = -1;
			int i = 0;
			while (i < paragraph.length()) {
				int cp = paragraph.codePointAt(i);
				String ch = new String(Character.toChars(cp));
				if (width(line + ch, size) > width && line.length() > 0) {
					if (cp == ' ') {
						lines.add(line.toString().stripTrailing());
						line.setLength(0);
						lastBreak = -1;
						i += ch.length();
						continue;
					}
					if (lastBreak > 0 && !isCjk(cp)) {
						lines.add(line.substring(0, lastBreak).stripTrailing());
						String rest = line.substring(lastBreak);
						line.setLength(0);
						line.append(rest.stripLeading());
					}
					else if (NO_LINE_START.indexOf(cp) >= 0 && line.length() > 1) {
						int last = line.offsetByCodePoints(line.length(), -1);
						String carried = line.substring(last);
						lines.add(line.substring(0, last).stripTrailing());
						line.setLength(0);
						line.append(carried);
					}
					else {
						lines.add(line.toString().stripTrailing());
						line.setLength(0);
					}
					lastBreak = -1;
				}
				if (cp == ' ' || NO_LINE_START.indexOf(cp) >= 0) {
					lastBreak = line.length() + ch.length();
				}
				else if (isCjk(cp)) {
					lastBreak = line.length();
				}
				line.append(ch);
				i += ch.length();
			}
			lines.add(line.toString());
		}
		return lines;
	}

	/** Punctuation that never begins a line: it takes the character before it to the next line. */
	private static final String NO_LINE_START = "，。、；：？！）》」』”’%,.;:)";

	private static boolean isCjk(int cp) {
		return cp >= 0x2E80;
	}

	/** The text with control characters as spaces and characters the font lacks as "?". */
	String printable(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach((cp) -> {
			if (cp == '\n') {
				out.append('\n');
			}
			else if (Character.isISOControl(cp)) {
				out.append(' ');
			}
			else if (hasGlyph(cp)) {
				out.appendCodePoint(cp);
			}
			else {
				out.append('?');
			}
		});
		return out.toString();
	}

	private boolean hasGlyph(int cp) {
		return this.glyphs.computeIfAbsent(cp, (c) -> {
			try {
				this.font.encode(new String(Character.toChars(c)));
				return true;
			}
			catch (IllegalArgumentException | IOException ex) {
				return false;
			}
		});
	}

	/** Draws each page's footer (skipping the first, the cover): {@code left} and "第 n 页 / 共 N 页". */
	void footers(String left) throws IOException {
		closeStream();
		int total = this.doc.getNumberOfPages();
		for (int i = 1; i < total; i++) {
			PDPage page = this.doc.getPage(i);
			try (PDPageContentStream footer = new PDPageContentStream(this.doc, page, AppendMode.APPEND, true, true)) {
				this.cs = footer;
				line(LEFT, BOTTOM - 22, RIGHT, BOTTOM - 22, RULE, 0.6f);
				text(left, LEFT, BOTTOM - 36, 8, MUTED);
				textRight("第 " + (i + 1) + " 页 / 共 " + total + " 页", RIGHT, BOTTOM - 36, 8, MUTED);
			}
			finally {
				this.cs = null;
			}
		}
	}

	private void closeStream() throws IOException {
		if (this.cs != null) {
			this.cs.close();
			this.cs = null;
		}
	}

	@Override
	public void close() throws IOException {
		closeStream();
	}

}
