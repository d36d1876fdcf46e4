package org.learnstats.outputs.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ChartMediaTest {

	static JFreeChart sample() {
		return Charts.trend(new TrendData(ChartsTest.ATTENDANCE, 'Q', "省教育厅", List.of("2026-Q1", "2026-Q2", "2026-Q3"),
				Arrays.asList(0.81, null, 0.93)), "省教育厅　数据截至2026-11-20");
	}

	@Test
	void pngIsAnImageOfTheAskedSize() throws Exception {
		byte[] png = ChartMedia.png(sample(), 800, 400);
		assertThat(Arrays.copyOf(png, 8)).containsExactly(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		assertThat(image.getWidth()).isEqualTo(800);
		assertThat(image.getHeight()).isEqualTo(400);
		// white background, and ink in the title band (the Chinese title is drawn)
		assertThat(image.getRGB(2, 2) & 0xFFFFFF).isEqualTo(0xFFFFFF);
		long ink = 0;
		for (int x = 200; x < 600; x++) {
			for (int y = 5; y < 35; y++) {
				if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
					ink++;
				}
			}
		}
		assertThat(ink).isGreaterThan(200);
	}

	@Test
	void svgIsScalableXmlWithTextAsOutlines() throws Exception {
		String svg = ChartMedia.svg(sample(), 800, 400);
		Document doc = parse(svg);
		assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
		assertThat(doc.getDocumentElement().getAttribute("width")).isEqualTo("800");
		assertThat(doc.getDocumentElement().getAttribute("viewBox")).isEqualTo("0 0 800 400");
		// no <text>: Chinese does not depend on a font of the reader's machine
		assertThat(doc.getElementsByTagNameNS("*", "text").getLength()).isZero();
		// each glyph is defined once and placed wherever it is used
		int uses = doc.getElementsByTagNameNS("*", "use").getLength();
		int glyphs = 0;
		org.w3c.dom.NodeList paths = doc.getElementsByTagNameNS("*", "path");
		for (int i = 0; i < paths.getLength(); i++) {
			if (((org.w3c.dom.Element) paths.item(i)).getAttribute("id").startsWith("lsg")) {
				glyphs++;
			}
		}
		assertThat(glyphs).isGreaterThan(20);
		assertThat(uses).isGreaterThan(glyphs);
		// "省教育厅" (subtitle), "学习出勤率" (title and legend): the Chinese text is there as glyphs
		assertThat(uses).isGreaterThanOrEqualTo("学习出勤率：季度趋势省教育厅数据截至2026-11-20学习出勤率目标90%".length());
	}

	@Test
	void sameChartSameBytes() {
		assertThat(ChartMedia.png(sample(), 640, 320)).isEqualTo(ChartMedia.png(sample(), 640, 320));
		assertThat(ChartMedia.svg(sample(), 640, 320)).isEqualTo(ChartMedia.svg(sample(), 640, 320));
	}

	static Document parse(String svg) throws Exception {
		DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
		f.setNamespaceAware(true);
		f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
		f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
	}

}
