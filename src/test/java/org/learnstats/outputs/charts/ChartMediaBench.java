package org.learnstats.outputs.charts;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.jfree.chart.JFreeChart;
import org.learnstats.outputs.charts.RankingData.RankedUnit;

/**
 * Not a test: where a chart's time goes (drawing, PNG encoding, SVG), per medium, on a handful
 * of typical charts. Run by hand:
 * {@code java -cp target/classes:target/test-classes:<deps> org.learnstats.outputs.charts.ChartMediaBench}.
 */
public class ChartMediaBench {

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 30;
		List<String> months = new ArrayList<>();
		List<Double> values = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			months.add(String.format("20%02d-%02d", 25 + i / 12, 1 + i % 12));
			values.add(0.6 + (i * 7 % 30) / 100.0);
		}
		List<RankedUnit> ranked = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			ranked.add(new RankedUnit("U" + i, "第" + i + "党支部", 0.5 + (i * 13 % 50) / 100.0));
		}
		List<JFreeChart> charts = List.of(
				Charts.trend(new TrendData(ChartsTest.ATTENDANCE, 'M', "省教育厅", months, values), "省教育厅（含下级单位）"),
				Charts.ranking(new RankingData(ChartsTest.ATTENDANCE, "2026-Q1", "省教育厅", ranked, 2), "省教育厅（含下级单位）"),
				Charts.degreeStructure(new EducationShares(30, 120, 40, 10), "省教育厅（含下级单位）"),
				Charts.distribution(new Histogram(Histogram.Quantity.CREDITS, java.time.LocalDate.of(2026, 11, 30), 2,
						List.of(new Histogram.Group(org.learnstats.vocabulary.Rank.DIVISION, BigDecimal.valueOf(18), new long[] { 3, 5, 8, 13, 21, 13, 8, 5, 3, 2, 1 }),
								new Histogram.Group(org.learnstats.vocabulary.Rank.SECTION, BigDecimal.valueOf(12), new long[] { 2, 4, 6, 9, 12, 9, 6, 4, 2, 1, 0 }))),
						"省教育厅（含下级单位）"));
		for (int warm = 0; warm < 2; warm++) {
			long draw = 0, imageio = 0, svg = 0;
			long[] enc = new long[10]; // CPU time of the current thread
			long[] size = new long[10];
			long sizeIo = 0;
			for (int r = 0; r < rounds; r++) {
				for (JFreeChart chart : charts) {
					long t0 = cpu();
					BufferedImage image = ChartMedia.image(chart, 800, 400);
					long t1 = cpu();
					byte[] io = imageIo(image);
					long t2 = cpu();
					ChartMedia.svg(chart, 800, 400);
					long t3 = cpu();
					draw += t1 - t0;
					imageio += t2 - t1;
					svg += t3 - t2;
					sizeIo += io.length;
					long a = cpu();
					byte[] png = PngEncoder.encode(image);
					enc[0] += cpu() - a;
					size[0] += png.length;
					if (r == 0 && warm == 0) {
						BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
						for (int y = 0; y < 400; y++) {
							for (int x = 0; x < 800; x++) {
								if (back.getRGB(x, y) != image.getRGB(x, y)) {
									throw new IllegalStateException("pixel differs at " + x + "," + y);
								}
							}
						}
					}
					for (int level : new int[] { 1, 2, 4, 6 }) {
						long b = cpu();
						PngEncoder.Scanlines rows = PngEncoder.scanlines(image);
						size[level] += PngEncoderTest.zlibSize(rows.bytes(), rows.length(), level);
						enc[level] += cpu() - b;
					}
				}
			}
			int n = rounds * charts.size();
			System.out.printf("per chart: draw %.2f ms, ImageIO png %.2f ms (%d bytes), svg %.2f ms%n", draw / 1e6 / n,
					imageio / 1e6 / n, sizeIo / n, svg / 1e6 / n);
			System.out.printf("  PngEncoder (ScanlineDeflater): %.2f ms, %d bytes%n", enc[0] / 1e6 / n, size[0] / n);
			for (int level : new int[] { 1, 2, 4, 6 }) {
				System.out.printf("  the same rows through zlib at level %d: %.2f ms, %d bytes of IDAT%n", level, enc[level] / 1e6 / n, size[level] / n);
			}
		}
	}

	private static long cpu() {
		return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
	}

	private static byte[] imageIo(BufferedImage image) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
		try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(0.75f);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		writer.dispose();
		return out.toByteArray();
	}

}
