package org.learnstats.outputs.fonts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.learnstats.indicators.IndicatorCatalog;
import org.learnstats.indicators.IndicatorDefinition;

class CjkFontTest {

	@Test
	void isTheFirstFaceOfTheShippedCollection() throws Exception {
		Font f = CjkFont.font(Font.BOLD, 15f);
		assertThat(f.getFamily(java.util.Locale.ROOT)).isEqualTo(CjkFont.FAMILY).isEqualTo("WenQuanYi Micro Hei");
		assertThat(f.getSize2D()).isEqualTo(15f);
		assertThat(f.isBold()).isTrue();
		try (InputStream in = CjkFont.openCollection()) {
			byte[] head = in.readNBytes(4);
			assertThat(new String(head, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ttcf");
		}
	}

	@Test
	void displaysEveryIndicatorLabel() {
		Font f = CjkFont.font(Font.PLAIN, 12f);
		for (IndicatorDefinition d : IndicatorCatalog.ALL) {
			assertThat(f.canDisplayUpTo(d.label())).as(d.label()).isEqualTo(-1);
		}
	}

	@Test
	void drawsChineseWithItsOwnGlyphsNotAFallbackBox() {
		BufferedImage xue = render("学");
		BufferedImage xi = render("习");
		assertThat(ink(xue)).isGreaterThan(30);
		assertThat(ink(xi)).isGreaterThan(30);
		// a missing glyph draws the same box for every character; real glyphs differ
		assertThat(pixels(xue)).isNotEqualTo(pixels(xi));
	}

	private static BufferedImage render(String text) {
		BufferedImage img = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = img.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, 40, 40);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
		g.setColor(Color.BLACK);
		g.setFont(CjkFont.font(Font.PLAIN, 28f));
		g.drawString(text, 4, 32);
		g.dispose();
		return img;
	}

	private static long ink(BufferedImage img) {
		return Arrays.stream(pixels(img)).filter((p) -> (p & 0xFFFFFF) != 0xFFFFFF).count();
	}

	private static int[] pixels(BufferedImage img) {
		return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
	}

}
