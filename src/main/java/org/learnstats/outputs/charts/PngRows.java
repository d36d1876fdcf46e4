package org.learnstats.outputs.charts;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The pixel rows of a PNG that {@link ChartMedia} wrote: its size and its one IDAT chunk, a zlib
 * stream of 8-bit RGB rows each led by its filter byte. A PDF takes that stream as it is for an
 * image (FlateDecode with PNG predictors), without decoding or checking the PNG again.
 * @param width pixels
 * @param height pixels
 * @param zlib the compressed rows
 */
public record PngRows(int width, int height, byte[] zlib) {

	/** Where the IDAT chunk starts: the signature (8) and the IHDR chunk (4 + 4 + 13 + 4). */
	private static final int IDAT = 33;

	/**
	 * The rows of {@code png} when it is laid out as {@link PngEncoder} writes it (8-bit RGB, not
	 * interlaced, one IDAT chunk, then IEND), or null for any other PNG.
	 */
	public static PngRows of(byte[] png) {
		if (png.length < IDAT + 8 + 12 || !chunk(png, 8, "IHDR") || readInt(png, 8) != 13 || png[24] != 8
				|| png[25] != 2 || png[26] != 0 || png[27] != 0 || png[28] != 0 || !chunk(png, IDAT, "IDAT")) {
			return null;
		}
		int length = readInt(png, IDAT);
		int end = IDAT + 8 + length;
		if (length < 0 || end + 4 + 12 != png.length || !chunk(png, end + 4, "IEND")) {
			return null;
		}
		return new PngRows(readInt(png, 16), readInt(png, 20), Arrays.copyOfRange(png, IDAT + 8, end));
	}

	private static boolean chunk(byte[] png, int at, String type) {
		return new String(png, at + 4, 4, StandardCharsets.US_ASCII).equals(type);
	}

	private static int readInt(byte[] b, int at) {
		return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
	}

}
