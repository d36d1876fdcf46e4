package org.learnstats.outputs.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;

import javax.imageio.ImageIO;

import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;
import org.learnstats.outputs.charts.ChartMedia;
import org.learnstats.outputs.charts.ChartStyle;
import org.learnstats.outputs.charts.PngRows;

/** A chart's PNG taken into the PDF as PDFBox's own PNG import takes it. */
class PackPdfImageTest {

	@Test
	void aChartPngBecomesTheImagePdfboxWouldMakeOfIt() throws IOException {
		byte[] png = ChartMedia.png(chart(), 241.5, 190, ChartStyle.PRINT);
		try (PDDocument document = new PDDocument()) {
			PDImageXObject ours = PackPdfImage.of(document, png, "trend");
			PDImageXObject pdfbox = PDImageXObject.createFromByteArray(document, png, "trend");
			assertThat(entries(ours.getCOSObject())).isEqualTo(entries(pdfbox.getCOSObject()));
			assertThat(raw(ours)).isEqualTo(raw(pdfbox));
			BufferedImage a = ours.getImage();
			BufferedImage b = ImageIO.read(new java.io.ByteArrayInputStream(png));
			assertThat(a.getWidth()).isEqualTo(b.getWidth());
			for (int y = 0; y < a.getHeight(); y += 7) {
				for (int x = 0; x < a.getWidth(); x++) {
					assertThat(a.getRGB(x, y)).isEqualTo(b.getRGB(x, y));
				}
			}
		}
	}

	@Test
	void anyOtherPngIsLeftToPdfbox() throws IOException {
		BufferedImage argb = new BufferedImage(20, 10, BufferedImage.TYPE_INT_ARGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(argb, "png", out);
		assertThat(PngRows.of(out.toByteArray())).isNull();
		byte[] png = ChartMedia.png(chart(), 200, 100);
		assertThat(PngRows.of(png)).isNotNull();
		assertThat(PngRows.of(java.util.Arrays.copyOf(png, png.length - 1))).isNull();
		try (PDDocument document = new PDDocument()) {
			assertThat(PackPdfImage.of(document, out.toByteArray(), "x").getWidth()).isEqualTo(20);
		}
	}

	private static JFreeChart chart() {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		data.addValue(0.81, "出勤率", "2026-Q1");
		data.addValue(0.93, "出勤率", "2026-Q2");
		return ChartFactory.createLineChart("学习出勤率", "季度", "%", data);
	}

	private static Map<String, String> entries(COSDictionary dict) {
		Map<String, String> out = new TreeMap<>();
		for (Map.Entry<COSName, COSBase> e : dict.entrySet()) {
			COSBase v = e.getValue();
			out.put(e.getKey().getName(), v instanceof COSDictionary d ? entries(d).toString() : String.valueOf(v));
		}
		return out;
	}

	private static byte[] raw(PDImageXObject image) throws IOException {
		try (InputStream in = image.getCOSObject().createRawInputStream()) {
			return in.readAllBytes();
		}
	}

}
