package org.learnstats.outputs.charts;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.TextAttribute;
import java.awt.geom.PathIterator;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.text.AttributedCharacterIterator;
import java.text.Bidi;
import java.text.CharacterIterator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import de.rototor.pdfbox.graphics2d.IPdfBoxGraphics2DFontTextDrawer;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.util.Matrix;

/**
 * The text of the charts of one PDF document, drawn the way the SVG medium draws it
 * ({@link SvgGlyphs}): each glyph's outline of the shipped font is a form of the document, defined
 * once, and every use of it places that form. Outlining every character where it is used wrote a
 * Chinese glyph's hundred curve segments each time: most of a pack's time went into formatting and
 * deflating those numbers. The glyphs are placed by the font's own layout with AWT's metrics, as
 * PdfBoxGraphics2D places the text it outlines itself, and their outlines are those of the style
 * drawn (synthetic bold included), so the page shows what the PNG shows (ChartMediaTest compares
 * the two). Text this cannot draw (another font's, right-to-left, decorated) falls back to
 * outlines where it is used.
 */
public final class PdfGlyphs implements IPdfBoxGraphics2DFontTextDrawer {

	/** Outlines are taken at this size and scaled to the size used. */
	private static final float OUTLINE_SIZE = 1000f;

	private static final FontRenderContext OUTLINES = new FontRenderContext(null, true, true);

	private static final Set<AttributedCharacterIterator.Attribute> PLAIN = Set.of(TextAttribute.FONT);

	private record Key(String font, int style, int glyph) {
	}

	private final PDDocument document;

	/** Each glyph's form, null for a glyph without ink (a space). */
	private final Map<Key, PDFormXObject> forms = new HashMap<>();

	public PdfGlyphs(PDDocument document) {
		this.document = document;
	}

	PDDocument document() {
		return this.document;
	}

	@Override
	public boolean canDrawText(AttributedCharacterIterator text, IFontTextDrawerEnv env) {
		Font font = font(text, env);
		if (font.isTransformed() || text.getRunLimit() != text.getEndIndex()
				|| !PLAIN.containsAll(text.getAttributes().keySet())) {
			return false;
		}
		String s = string(text);
		return font.canDisplayUpTo(s) == -1 && !Bidi.requiresBidi(s.toCharArray(), 0, s.length());
	}

	@Override
	public void drawText(AttributedCharacterIterator text, IFontTextDrawerEnv env) throws IOException {
		Font font = font(text, env);
		char[] chars = string(text).toCharArray();
		GlyphVector laid = font.layoutGlyphVector(env.getFontRenderContext(), chars, 0, chars.length,
				Font.LAYOUT_LEFT_TO_RIGHT);
		Paint paint = env.getPaint();
		env.applyPaint(paint, null);
		PDPageContentStream cs = env.getContentStream();
		float scale = font.getSize2D() / OUTLINE_SIZE;
		for (int i = 0; i < laid.getNumGlyphs(); i++) {
			PDFormXObject glyph = glyph(font, laid.getGlyphCode(i));
			if (glyph == null) {
				continue;
			}
			Point2D at = laid.getGlyphPosition(i);
			cs.saveGraphicsState();
			cs.transform(new Matrix(scale, 0, 0, scale, (float) at.getX(), (float) at.getY()));
			cs.drawForm(glyph);
			cs.restoreGraphicsState();
		}
	}

	@Override
	public FontMetrics getFontMetrics(Font font, IFontTextDrawerEnv env) {
		return env.getCalculationGraphics().getFontMetrics(font);
	}

	private PDFormXObject glyph(Font font, int code) throws IOException {
		Key key = new Key(font.getFontName(Locale.ROOT), font.getStyle(), code);
		if (this.forms.containsKey(key)) {
			return this.forms.get(key);
		}
		Font big = font.deriveFont(OUTLINE_SIZE);
		Shape outline = big.createGlyphVector(OUTLINES, new int[] { code }).getGlyphOutline(0);
		Rectangle2D bounds = outline.getBounds2D();
		PDFormXObject form = null;
		if (!bounds.isEmpty()) {
			// a form as PdfBoxGraphics2D writes its own: an appearance stream is the form type whose
			// content stream PDFBox writes compressed
			PDAppearanceStream stream = new PDAppearanceStream(this.document);
			stream.setBBox(new PDRectangle((float) Math.floor(bounds.getMinX()) - 1,
					(float) Math.floor(bounds.getMinY()) - 1, (float) Math.ceil(bounds.getWidth()) + 3,
					(float) Math.ceil(bounds.getHeight()) + 3));
			form = stream;
			try (PDPageContentStream cs = new PDPageContentStream(this.document, stream,
					stream.getStream().createOutputStream(COSName.FLATE_DECODE))) {
				boolean evenOdd = path(cs, outline);
				if (evenOdd) {
					cs.fillEvenOdd();
				}
				else {
					cs.fill();
				}
			}
		}
		this.forms.put(key, form);
		return form;
	}

	/** Writes the outline's path; whether it fills by the even-odd rule. */
	private static boolean path(PDPageContentStream cs, Shape outline) throws IOException {
		PathIterator it = outline.getPathIterator(null);
		float[] c = new float[6];
		float x = 0;
		float y = 0;
		float startX = 0;
		float startY = 0;
		while (!it.isDone()) {
			switch (it.currentSegment(c)) {
				case PathIterator.SEG_MOVETO -> {
					cs.moveTo(c[0], c[1]);
					x = c[0];
					y = c[1];
					startX = x;
					startY = y;
				}
				case PathIterator.SEG_LINETO -> {
					cs.lineTo(c[0], c[1]);
					x = c[0];
					y = c[1];
				}
				case PathIterator.SEG_QUADTO -> {
					// a quadratic segment as the cubic that draws it
					cs.curveTo(x + 2f / 3 * (c[0] - x), y + 2f / 3 * (c[1] - y), c[2] + 2f / 3 * (c[0] - c[2]),
							c[3] + 2f / 3 * (c[1] - c[3]), c[2], c[3]);
					x = c[2];
					y = c[3];
				}
				case PathIterator.SEG_CUBICTO -> {
					cs.curveTo(c[0], c[1], c[2], c[3], c[4], c[5]);
					x = c[4];
					y = c[5];
				}
				default -> {
					cs.closePath();
					x = startX;
					y = startY;
				}
			}
			it.next();
		}
		return it.getWindingRule() == PathIterator.WIND_EVEN_ODD;
	}

	private static Font font(AttributedCharacterIterator text, IFontTextDrawerEnv env) {
		Object font = text.getAttribute(TextAttribute.FONT);
		return (font instanceof Font f) ? f : env.getFont();
	}

	private static String string(AttributedCharacterIterator text) {
		StringBuilder s = new StringBuilder(text.getEndIndex() - text.getBeginIndex());
		for (char c = text.first(); c != CharacterIterator.DONE; c = text.next()) {
			s.append(c);
		}
		text.first();
		return s.toString();
	}

}
