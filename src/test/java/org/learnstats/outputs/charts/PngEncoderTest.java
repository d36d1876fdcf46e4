package org.learnstats.outputs.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Adler32;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/**
 * The PNG encoder's own compressor ({@link ScanlineDeflater}, {@link Huffman}) against the JDK's
 * zlib: every stream inflates to exactly the bytes it was made from, whatever their shape, and every
 * PNG decodes to exactly its image's pixels.
 */
class PngEncoderTest {

	@Test
	void chartsDecodeToTheirPixelsAndCompressAboutAsZlibDoes() throws Exception {
		for (BufferedImage image : new BufferedImage[] { ChartMedia.image(ChartMediaTest.sample(), 800, 400),
				ChartMedia.image(ChartMediaTest.sample(), 2400, 1200), ChartMedia.image(ChartMediaTest.sample(), 37, 5) }) {
			byte[] png = PngEncoder.encode(image);
			assertSamePixels(ImageIO.read(new ByteArrayInputStream(png)), image);
			PngEncoder.Scanlines rows = PngEncoder.scanlines(image);
			int zlib = zlibSize(rows.bytes(), rows.length(), 2);
			if (image.getWidth() >= 800) { // a tiny image is mostly the block's header
				assertThat(png.length - 57).as("IDAT of %dx%d against zlib level 2", image.getWidth(), image.getHeight())
					.isLessThan(zlib * 5 / 4);
			}
		}
	}

	@Test
	void imagesOfEveryKindRoundTrip() throws Exception {
		Random random = new Random(7);
		int[][] sizes = { { 1, 1 }, { 1, 300 }, { 300, 1 }, { 3, 3 }, { 640, 320 }, { 12_000, 3 } };
		for (int[] size : sizes) {
			for (int kind = 0; kind < 4; kind++) {
				BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
				for (int y = 0; y < size[1]; y++) {
					for (int x = 0; x < size[0]; x++) {
						int rgb = switch (kind) {
							case 0 -> 0xFFFFFF; // one colour
							case 1 -> random.nextInt(); // noise: no match anywhere
							case 2 -> ((x / 7 + y / 5) % 2 == 0) ? 0x1F77B4 : 0xFFFFFF; // blocks
							default -> (random.nextInt(50) == 0) ? random.nextInt() : 0xEEEEEE; // specks
						};
						image.setRGB(x, y, rgb);
					}
				}
				assertSamePixels(ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(image))), image);
				PngEncoder.Scanlines rows = PngEncoder.scanlines(image);
				assertThat(rows.adler32()).as("Adler-32 summed with the rows").isEqualTo(adler32(rows.bytes(), rows.length()));
				assertThat(inflate(ScanlineDeflater.get().zlib(rows.bytes(), rows.length(), rows.adler32()), rows.length()))
					.isEqualTo(Arrays.copyOf(rows.bytes(), rows.length()));
			}
		}
	}

	/** Each thread keeps its own buffers: the same image gives the same bytes on every thread, at once. */
	@Test
	void sameBytesOnEveryThreadAtOnce() throws Exception {
		List<BufferedImage> images = List.of(ChartMedia.image(ChartMediaTest.sample(), 800, 400),
				ChartMedia.image(ChartMediaTest.sample(), 1032, 1283), ChartMedia.image(ChartMediaTest.sample(), 502, 396));
		List<byte[]> alone = images.stream().map(PngEncoder::encode).toList();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<Boolean>> same = new ArrayList<>();
			for (int i = 0; i < 240; i++) {
				int k = i % images.size();
				same.add(pool.submit(() -> Arrays.equals(PngEncoder.encode(images.get(k)), alone.get(k))));
			}
			for (Future<Boolean> f : same) {
				assertThat(f.get()).isTrue();
			}
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void anyBytesInflateToThemselves() throws Exception {
		Random random = new Random(11);
		for (int round = 0; round < 60; round++) {
			int n = (round < 10) ? round : random.nextInt(200_000);
			byte[] data = new byte[n];
			int i = 0;
			while (i < n) {
				int len = Math.min(n - i, 1 + random.nextInt((random.nextInt(4) == 0) ? 2000 : 40));
				switch (random.nextInt(4)) {
					case 0 -> {
						byte b = (byte) random.nextInt(3);
						Arrays.fill(data, i, i + len, b); // runs: 1 byte to 2,000 (258 + 1, 258 + 2 among them)
					}
					case 1 -> {
						int back = 1 + random.nextInt(Math.min(Math.max(i, 1), 40_000)); // repeats near and past the window
						for (int k = 0; k < len; k++) {
							data[i + k] = (i + k - back >= 0) ? data[i + k - back] : 0;
						}
					}
					default -> {
						for (int k = 0; k < len; k++) {
							data[i + k] = (byte) random.nextInt(round % 3 == 0 ? 256 : 4);
						}
					}
				}
				i += len;
			}
			assertThat(inflate(ScanlineDeflater.get().zlib(data, n, adler32(data, n)), n)).as("round %d, %d bytes", round, n).isEqualTo(data);
		}
	}

	@Test
	void longRunsSplitIntoDeflateMatches() throws Exception {
		for (int run = 1; run < 1100; run += (run < 270) ? 1 : 37) {
			byte[] data = new byte[run + 2];
			data[0] = 2;
			data[run + 1] = 9;
			assertThat(inflate(ScanlineDeflater.get().zlib(data, data.length, adler32(data, data.length)), data.length)).isEqualTo(data);
		}
	}

	@Test
	void codesAreLimitedAndComplete() {
		int[] fibonacci = new int[40];
		fibonacci[0] = 1;
		fibonacci[1] = 1;
		for (int i = 2; i < 40; i++) {
			fibonacci[i] = fibonacci[i - 1] + fibonacci[i - 2]; // a tree 39 deep unlimited
		}
		for (int limit : new int[] { 7, 15 }) {
			int[] len = Huffman.lengths(Arrays.copyOf(fibonacci, limit == 7 ? 19 : 40), limit);
			assertThat(Arrays.stream(len).max().getAsInt()).isLessThanOrEqualTo(limit);
			double kraft = Arrays.stream(len).filter(l -> l > 0).mapToDouble(l -> Math.pow(2, -l)).sum();
			assertThat(kraft).isEqualTo(1.0);
		}
		// one symbol or none still makes a complete code of two
		assertThat(Arrays.stream(Huffman.lengths(new int[30], 15)).filter(l -> l > 0).toArray()).containsExactly(1, 1);
		int[] one = new int[30];
		one[5] = 100;
		assertThat(Huffman.lengths(one, 15)[5]).isEqualTo(1);
	}

	private static void assertSamePixels(BufferedImage decoded, BufferedImage image) {
		assertThat(decoded.getWidth()).isEqualTo(image.getWidth());
		assertThat(decoded.getHeight()).isEqualTo(image.getHeight());
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				if ((decoded.getRGB(x, y) & 0xFFFFFF) != (image.getRGB(x, y) & 0xFFFFFF)) {
					throw new AssertionError("pixel " + x + "," + y + " of " + image.getWidth() + "x" + image.getHeight());
				}
			}
		}
	}

	private static int adler32(byte[] data, int n) {
		Adler32 adler = new Adler32();
		adler.update(data, 0, n);
		return (int) adler.getValue();
	}

	private static byte[] inflate(byte[] zlib, int n) throws Exception {
		Inflater inflater = new Inflater();
		inflater.setInput(zlib);
		ByteArrayOutputStream out = new ByteArrayOutputStream(n);
		byte[] buffer = new byte[8192];
		while (!inflater.finished()) {
			int k = inflater.inflate(buffer);
			if (k == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
				throw new AssertionError("the stream ended early");
			}
			out.write(buffer, 0, k);
		}
		assertThat(inflater.getRemaining()).as("bytes after the stream").isZero();
		inflater.end();
		return out.toByteArray();
	}

	/** The size of the rows deflated by the JDK's zlib at {@code level} (the compressor before ScanlineDeflater: 2). */
	static int zlibSize(byte[] rows, int length, int level) {
		Deflater deflater = new Deflater(level);
		deflater.setInput(rows, 0, length);
		deflater.finish();
		byte[] buffer = new byte[64 * 1024];
		int total = 0;
		while (!deflater.finished()) {
			total += deflater.deflate(buffer);
		}
		deflater.end();
		return total;
	}

}
