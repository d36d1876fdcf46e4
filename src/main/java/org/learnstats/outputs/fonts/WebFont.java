package org.learnstats.outputs.fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.BitSet;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * A web font cut from the shipped face ({@link CjkFont}) holding exactly the characters a set of
 * pages use beyond ASCII, so the dashboard shows Chinese on a machine without a system CJK font,
 * offline. A TrueType file (served as {@code format('truetype')}): WOFF2 would need a Brotli
 * encoder, which no well-kept Java library offers. The same characters give the same bytes: the
 * subsetter copies the face's dates and the glyphs are added in code point order.
 */
public final class WebFont {

	/** The file name under the dashboard's {@code assets/}. */
	public static final String FILE = "learnstats-cjk.ttf";

	/** The family name the style sheet gives it (not the face's own, so a system copy never shadows it). */
	public static final String FAMILY = "Learnstats CJK";

	/** The tables a browser needs to lay out and draw the glyphs. */
	private static final List<String> TABLES = List.of("head", "hhea", "maxp", "OS/2", "name", "cmap", "hmtx", "loca",
			"glyf", "post");

	private WebFont() {
	}

	/** The characters of a text beyond ASCII, in code point order. */
	public static SortedSet<Integer> nonAscii(CharSequence text) {
		SortedSet<Integer> codePoints = new TreeSet<>();
		addNonAscii(text, codePoints);
		return codePoints;
	}

	public static void addNonAscii(CharSequence text, SortedSet<Integer> into) {
		// each distinct code point once: a page's Chinese repeats the same few hundred characters
		BitSet seen = new BitSet();
		for (int i = 0; i < text.length();) {
			int c = Character.codePointAt(text, i);
			i += Character.charCount(c);
			if (c > 0x7F && !seen.get(c)) {
				seen.set(c);
				into.add(c);
			}
		}
	}

	/** The subset of the shipped face holding the given code points (those it has glyphs for). */
	public static byte[] subset(SortedSet<Integer> codePoints) throws IOException {
		try (InputStream in = CjkFont.openCollection(); TrueTypeCollection collection = new TrueTypeCollection(in)) {
			TrueTypeFont face = collection.getFontByName("WenQuanYiMicroHei");
			if (face == null) {
				face = collection.getFontByName(CjkFont.FAMILY);
			}
			if (face == null) {
				throw new IOException("face " + CjkFont.FAMILY + " not found in " + CjkFont.RESOURCE);
			}
			TTFSubsetter subsetter = new TTFSubsetter(face, TABLES);
			for (int c : codePoints) {
				subsetter.add(c);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			subsetter.writeToStream(out);
			return out.toByteArray();
		}
	}

}
