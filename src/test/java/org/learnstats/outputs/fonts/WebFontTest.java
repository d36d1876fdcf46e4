package org.learnstats.outputs.fonts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.SortedSet;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;

/** The dashboard's web font: exactly the pages' characters beyond ASCII, the same bytes for the same pages. */
class WebFontTest {

	static final String PAGE = "<h1>数据质量</h1><p>未解决的问题 open.csv（截至 2026-11-20）</p>";

	@Test
	void holdsThePagesCharactersBeyondAsciiAndNoOthers() throws IOException {
		SortedSet<Integer> chars = WebFont.nonAscii(PAGE);
		assertThat(chars).doesNotContain((int) 'h', (int) '<', (int) '2').contains((int) '数', (int) '（');
		byte[] font = WebFont.subset(chars);
		try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
			CmapLookup cmap = ttf.getUnicodeCmapLookup();
			for (int c : chars) {
				assertThat(cmap.getGlyphId(c)).as("glyph of " + Character.toString(c)).isPositive();
			}
			assertThat(cmap.getGlyphId('党')).as("a character no page uses").isZero();
		}
		assertThat(font.length).isLessThan(20_000);
	}

	@Test
	void theSamePagesGiveTheSameBytes() throws IOException {
		assertThat(WebFont.subset(WebFont.nonAscii(PAGE))).isEqualTo(WebFont.subset(WebFont.nonAscii(PAGE + PAGE)));
		assertThat(WebFont.subset(WebFont.nonAscii(PAGE))).isNotEqualTo(WebFont.subset(WebFont.nonAscii(PAGE + "党")));
	}

}
