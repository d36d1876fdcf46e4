package org.learnstats.outputs.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
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

	/**
	 * The PDF medium draws the picture the PNG draws, in vectors: a page holding only the chart's
	 * form, rendered at the print resolution, matches the print PNG pixel for pixel but for the
	 * edges that antialiasing draws differently; the form holds paths, no image and no font.
	 */
	@Test
	void pdfIsTheSameChartInVectors() throws Exception {
		JFreeChart chart = Charts.trend(new TrendData(ChartsTest.ATTENDANCE, 'Q', "省教育厅",
				List.of("2026-Q1", "2026-Q2", "2026-Q3"), Arrays.asList(0.81, null, 0.93)), "省教育厅　数据截至2026-11-20",
				ChartStyle.PRINT);
		double w = 241.5;
		double h = 190;
		byte[] pdf;
		try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDPage page = new PDPage(new PDRectangle((float) w, (float) h));
			doc.addPage(page);
			PDFormXObject form = ChartMedia.pdf(chart, new PdfGlyphs(doc), w, h);
			assertThat(form.getBBox().getWidth()).isEqualTo((float) w);
			assertThat(form.getResources().getFontNames()).isEmpty();
			for (COSName name : form.getResources().getXObjectNames()) {
				assertThat(form.getResources().getXObject(name)).isNotInstanceOf(PDImageXObject.class);
			}
			try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
				cs.drawForm(form);
			}
			doc.save(out);
			pdf = out.toByteArray();
		}
		BufferedImage png = ChartMedia.image(chart, w, h, ChartStyle.PRINT);
		BufferedImage page;
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			page = new PDFRenderer(doc).renderImageWithDPI(0, ChartStyle.PRINT_DPI, ImageType.RGB);
		}
		// the renderer rounds a page's pixels down, the PNG to the nearest: compare where both are
		assertThat(page.getWidth()).isBetween(png.getWidth() - 1, png.getWidth());
		assertThat(page.getHeight()).isBetween(png.getHeight() - 1, png.getHeight());
		// text edges are antialiased differently (a glyph's outline filled, against the rasterizer's
		// glyph images), so pixels are compared by 4 × 4 blocks: a missing legend is 1.4 % of the
		// blocks apart, the title 2.2 %, the whole chart moved 2 pixels 2.8 %; the same drawing 0.5 %
		int blocksWide = page.getWidth() / 4;
		int blocksHigh = page.getHeight() / 4;
		long ink = 0;
		long apart = 0;
		for (int by = 0; by < blocksHigh; by++) {
			for (int bx = 0; bx < blocksWide; bx++) {
				int[] sumA = new int[3];
				int[] sumB = new int[3];
				for (int y = by * 4; y < by * 4 + 4; y++) {
					for (int x = bx * 4; x < bx * 4 + 4; x++) {
						int a = png.getRGB(x, y);
						int b = page.getRGB(x, y);
						ink += ((a & 0xFFFFFF) != 0xFFFFFF) ? 1 : 0;
						for (int c = 0; c < 3; c++) {
							sumA[c] += (a >> (8 * c)) & 0xFF;
							sumB[c] += (b >> (8 * c)) & 0xFF;
						}
					}
				}
				int d = 0;
				for (int c = 0; c < 3; c++) {
					d = Math.max(d, Math.abs(sumA[c] - sumB[c]) / 16);
				}
				apart += (d > 48) ? 1 : 0;
			}
		}
		long blocks = (long) blocksWide * blocksHigh;
		assertThat(ink).isGreaterThan(blocks * 16 / 20);
		assertThat(apart).isLessThan(blocks / 100);
		// the same chart gives the same PDF
		try (PDDocument a = new PDDocument(); PDDocument b = new PDDocument()) {
			assertThat(content(ChartMedia.pdf(chart, new PdfGlyphs(a), w, h)))
				.isEqualTo(content(ChartMedia.pdf(chart, new PdfGlyphs(b), w, h)));
		}
	}

	private static byte[] content(PDFormXObject form) throws Exception {
		try (InputStream in = form.getContents()) {
			return in.readAllBytes();
		}
	}

	/**
	 * A thread's screen PNGs are drawn on one canvas, cleared between charts: a chart that leaves pixels
	 * unpainted (no background) after a chart that painted them is the PNG a new image gives.
	 */
	@Test
	void aChartDrawnAfterAnotherIsTheSameAsDrawnAlone() {
		JFreeChart bare = sample();
		bare.setBackgroundPaint(null);
		bare.getPlot().setBackgroundPaint(null);
		byte[] alone = PngEncoder.encode(ChartMedia.image(bare, 640, 320));
		ChartMedia.png(sample(), 640, 320);
		assertThat(ChartMedia.png(bare, 640, 320)).isEqualTo(alone);
		ChartMedia.png(sample(), 800, 400);
		ChartMedia.png(sample(), 640, 320);
		assertThat(ChartMedia.png(bare, 640, 320)).isEqualTo(alone);
	}

	/**
	 * A chart of the theme paints every pixel first (its opaque background), so its canvas is not
	 * cleared: drawn after charts that left other pixels there, each kind is the PNG a new image gives.
	 */
	@Test
	void aChartPaintingEveryPixelIsTheSameOnAnUnclearedCanvas() {
		List<RankingData.RankedUnit> ranked = List.of(new RankingData.RankedUnit("U1", "第一党支部", 0.92),
				new RankingData.RankedUnit("U2", "第二党支部", 0.61), new RankingData.RankedUnit("U3", "第三党支部", 0.75));
		List<JFreeChart> charts = List.of(sample(),
				Charts.ranking(new RankingData(ChartsTest.ATTENDANCE, "2026-Q1", "省教育厅", ranked, 1), "省教育厅（含下级单位）"),
				Charts.degreeStructure(new EducationShares(30, 120, 40, 10), "省教育厅（含下级单位）"));
		for (JFreeChart chart : charts) {
			assertThat(ChartMedia.paintsEveryPixel(chart)).isTrue();
			byte[] alone = PngEncoder.encode(ChartMedia.image(chart, 800, 400));
			JFreeChart dark = sample();
			dark.setBackgroundPaint(java.awt.Color.DARK_GRAY);
			dark.getPlot().setBackgroundPaint(java.awt.Color.MAGENTA);
			ChartMedia.png(dark, 800, 400);
			assertThat(ChartMedia.png(chart, 800, 400)).isEqualTo(alone);
		}
		JFreeChart bare = sample();
		bare.setBackgroundPaint(null);
		assertThat(ChartMedia.paintsEveryPixel(bare)).isFalse();
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
