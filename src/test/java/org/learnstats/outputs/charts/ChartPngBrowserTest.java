package org.learnstats.outputs.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnstats.outputs.dashboard.DashboardBrowserTest;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The PNGs of {@link PngEncoder} (and its own compressor) as analysts open them: Debian's headless
 * Chromium decodes each one into a canvas, and every pixel is the image's (a checksum of the RGB
 * values computed on both sides). A chart, a chart at print resolution, noise (no match anywhere)
 * and specks on a flat ground.
 */
@Tag("browser")
class ChartPngBrowserTest {

	@TempDir
	Path tmp;

	@Test
	void chromiumDecodesEveryPixel() {
		DashboardBrowserTest.requireBrowser();
		Random random = new Random(3);
		BufferedImage noise = new BufferedImage(300, 120, BufferedImage.TYPE_INT_RGB);
		BufferedImage specks = new BufferedImage(640, 200, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < 200; y++) {
			for (int x = 0; x < 640; x++) {
				if (y < 120 && x < 300) {
					noise.setRGB(x, y, random.nextInt());
				}
				specks.setRGB(x, y, (random.nextInt(40) == 0) ? random.nextInt() : 0xF4F4F4);
			}
		}
		List<BufferedImage> images = List.of(ChartMedia.image(ChartMediaTest.sample(), 800, 400),
				ChartMedia.image(ChartMediaTest.sample(), 2000, 1000), noise, specks);
		ChromeDriver driver = DashboardBrowserTest.headless(this.tmp.resolve("profile"), "1000,800", Map.of());
		try {
			driver.get("about:blank");
			for (BufferedImage image : images) {
				String png = Base64.getEncoder().encodeToString(PngEncoder.encode(image));
				Object decoded = ((JavascriptExecutor) driver).executeAsyncScript("""
						const done = arguments[arguments.length - 1];
						const img = new Image();
						img.onerror = () => done('not decoded');
						img.onload = () => {
						  const c = document.createElement('canvas');
						  c.width = img.naturalWidth; c.height = img.naturalHeight;
						  const g = c.getContext('2d');
						  g.drawImage(img, 0, 0);
						  const d = g.getImageData(0, 0, c.width, c.height).data;
						  let h = 0;
						  for (let i = 0; i < d.length; i += 4) {
						    h = (Math.imul(h, 31) + ((d[i] << 16) | (d[i + 1] << 8) | d[i + 2])) | 0;
						  }
						  done(c.width + 'x' + c.height + ' ' + h);
						};
						img.src = 'data:image/png;base64,' + arguments[0];
						""", png);
				assertThat(decoded).isEqualTo(image.getWidth() + "x" + image.getHeight() + " " + checksum(image));
			}
		}
		finally {
			driver.quit();
		}
	}

	private static int checksum(BufferedImage image) {
		int h = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				h = h * 31 + (image.getRGB(x, y) & 0xFFFFFF);
			}
		}
		return h;
	}

}
