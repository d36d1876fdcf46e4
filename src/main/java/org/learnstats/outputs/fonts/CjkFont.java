package org.learnstats.outputs.fonts;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The CJK font the build ships ({@code fonts/wqy-microhei.ttc}, first face "WenQuanYi Micro
 * Hei", Latin and CJK), so charts and packs show Chinese on a machine without any system CJK
 * font. The collection is read once, on first use, and registered with the local graphics
 * environment; every font handed out is derived from that one face, never looked up by name,
 * so Java2D cannot fall back to a font that lacks the glyphs.
 */
public final class CjkFont {

	/** The family name of the face every chart and pack uses. */
	public static final String FAMILY = "WenQuanYi Micro Hei";

	/** The classpath location of the shipped font collection. */
	public static final String RESOURCE = "/fonts/wqy-microhei.ttc";

	private static final Font BASE = load();

	/** The collection's bytes, read from the classpath on first use (packs parse it once each). */
	private static volatile byte[] collection;

	private CjkFont() {
	}

	/** The shipped face in the given style ({@link Font#PLAIN}, {@link Font#BOLD}) and size in points. */
	public static Font font(int style, float size) {
		return BASE.deriveFont(style, size);
	}

	/**
	 * A fresh stream of the whole font collection (TTC), for embedding elsewhere (PDFBox
	 * {@code TrueTypeCollection}); the caller closes it.
	 */
	public static InputStream openCollection() {
		InputStream in = CjkFont.class.getResourceAsStream(RESOURCE);
		if (in == null) {
			throw new IllegalStateException("font " + RESOURCE + " missing from the classpath");
		}
		return new BufferedInputStream(in);
	}

	/**
	 * The whole font collection (TTC) as bytes, read once: every pack embeds a subset of it, and
	 * inflating 5 MB from the jar for each pack cost more than the parse. Callers must not modify it.
	 */
	public static byte[] collectionBytes() {
		byte[] bytes = collection;
		if (bytes == null) {
			synchronized (CjkFont.class) {
				bytes = collection;
				if (bytes == null) {
					try (InputStream in = openCollection()) {
						bytes = in.readAllBytes();
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
					collection = bytes;
				}
			}
		}
		return bytes;
	}

	private static Font load() {
		try (InputStream in = openCollection()) {
			Font[] faces = Font.createFonts(in);
			Font face = null;
			for (Font f : faces) {
				if (FAMILY.equals(f.getFamily(Locale.ROOT))) {
					face = f;
					break;
				}
			}
			if (face == null) {
				throw new IllegalStateException("font " + RESOURCE + " holds no face named " + FAMILY);
			}
			GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(face);
			return face.deriveFont(Font.PLAIN, 12f);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (FontFormatException ex) {
			throw new IllegalStateException("font " + RESOURCE + " is not a font collection", ex);
		}
	}

}
