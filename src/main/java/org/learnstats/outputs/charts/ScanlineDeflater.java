package org.learnstats.outputs.charts;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A zlib stream (RFC 1950, deflate of RFC 1951) for a PNG's filtered scanlines, made for charts:
 * flat colour, which the Up filter turns into long runs, and a little antialiased text and lines.
 * Matches are found as LZ4 and Snappy find them, one table entry per hash of four bytes, and
 * extended by the JDK's vectorized mismatch; the whole image is one block with Huffman codes built
 * for its own symbols; the Adler-32 checksum comes from {@link PngEncoder}, which sums it as it
 * writes the rows. Filtering and compressing an 800 × 400 chart takes 1.26 ms of CPU, against
 * 2.9 ms for the same rows through the JDK's zlib at level 2 (whose hash chains look for matches
 * a chart rarely has), for files 3 % larger (see {@code ChartMediaBench}). The loops that find the
 * matches and write the codes keep their state in locals, and a match is measured on one long
 * before the vectorized mismatch is called (1.40 ms before that, for the same bytes). Any inflater
 * reads it: tests decode it with the JDK's zlib and ImageIO, and browsers with theirs.
 * Deterministic: the same bytes give the same stream.
 * <p>
 * One instance per thread ({@link #get()}): its buffers are kept for the next image.
 */
final class ScanlineDeflater {

	private static final ThreadLocal<ScanlineDeflater> PER_THREAD = ThreadLocal.withInitial(ScanlineDeflater::new);

	static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

	static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static final int HASH_BITS = 15;

	private static final int WINDOW = 32768;

	private static final int MIN_MATCH = 4;

	private static final int MAX_MATCH = 258;

	private static final int MATCH = 1 << 31;

	/**
	 * The last position of each hash, as {@link #base} + position + 1: entries of earlier images
	 * are below the base, so they read as none without clearing the table for every image.
	 */
	private final int[] table = new int[1 << HASH_BITS];

	private int base;

	private int[] tokens = new int[0];

	private int count;

	/** How often each literal/length symbol and each distance symbol occurs among the tokens. */
	private final int[] literals = new int[Huffman.LITERALS];

	private final int[] distances = new int[Huffman.DISTANCES];

	private ScanlineDeflater() {
	}

	static ScanlineDeflater get() {
		return PER_THREAD.get();
	}

	/** The zlib stream of {@code data[0, length)}, whose Adler-32 checksum the caller gives. */
	byte[] zlib(byte[] data, int length, int adler32) {
		Arrays.fill(this.literals, 0);
		Arrays.fill(this.distances, 0);
		tokenize(data, length);
		this.literals[Huffman.END]++;
		BitWriter out = new BitWriter(length / 8 + 1024);
		out.bits(0x78, 8); // deflate, 32 KB window
		out.bits(0x01, 8); // no dictionary, (0x7801 % 31 == 0)
		Huffman codes = Huffman.dynamicBlock(this.literals, this.distances, out);
		codes.tokens(this.tokens, this.count, out);
		codes.literal(Huffman.END, out);
		out.flushToByte();
		for (int shift = 24; shift >= 0; shift -= 8) {
			out.bits((adler32 >>> shift) & 0xFF, 8);
		}
		return out.toByteArray();
	}

	/**
	 * LZ77 tokens: a byte as itself, a match as {@code MATCH | length << 15 | (distance - 1)}; their
	 * symbols counted.
	 */
	private void tokenize(byte[] data, int n) {
		// the loop keeps the tokens, their count and the table's base in locals, not fields; a chart
		// has 30,000 to 100,000 tokens, and the array grows as needed
		int[] tokens = (this.tokens.length == 0) ? new int[64 * 1024] : this.tokens;
		int count = 0;
		int[] lit = this.literals;
		int[] dist = this.distances;
		if (this.base > Integer.MAX_VALUE - n - 1) {
			Arrays.fill(this.table, 0);
			this.base = 0;
		}
		int b = this.base;
		int[] table = this.table;
		int i = 0;
		int last = n - MIN_MATCH;
		while (i <= last) {
			int key = (int) INT.get(data, i);
			int h = (key * 0x9E3779B1) >>> (32 - HASH_BITS);
			int candidate = table[h] - b - 1; // negative: none in this image
			table[h] = b + i + 1;
			if (candidate < 0 || i - candidate > WINDOW || (int) INT.get(data, candidate) != key) {
				if (count == tokens.length) {
					tokens = Arrays.copyOf(tokens, count * 2);
				}
				int v = data[i++] & 0xFF;
				tokens[count++] = v;
				lit[v]++;
				continue;
			}
			int len = matchLength(data, n, i, candidate);
			int distance = i - candidate;
			int d = Huffman.distanceSymbol(distance - 1);
			i += len;
			// as deflate's matches of 3 to 258 bytes
			while (len > 0) {
				int take = (len > MAX_MATCH) ? ((len - MAX_MATCH < 3) ? len - 3 : MAX_MATCH) : len;
				if (count == tokens.length) {
					tokens = Arrays.copyOf(tokens, count * 2);
				}
				tokens[count++] = MATCH | take << 15 | (distance - 1);
				lit[Huffman.lengthSymbol(take)]++;
				dist[d]++;
				len -= take;
			}
			if (i - 2 <= last) { // the end of a match starts the next one's search
				table[((int) INT.get(data, i - 2) * 0x9E3779B1) >>> (32 - HASH_BITS)] = b + i - 1;
			}
		}
		while (i < n) { // the last bytes, too few for a match
			if (count == tokens.length) {
				tokens = Arrays.copyOf(tokens, count * 2);
			}
			int v = data[i++] & 0xFF;
			tokens[count++] = v;
			lit[v]++;
		}
		this.base = b + n + 1;
		this.tokens = tokens;
		this.count = count;
	}

	/**
	 * How long the match of {@code data} at {@code i} with the same four bytes at {@code candidate}
	 * is: most end within the next eight bytes, found from one long compared; longer ones by the
	 * JDK's vectorized mismatch.
	 */
	private static int matchLength(byte[] data, int n, int i, int candidate) {
		int p = i + MIN_MATCH;
		int q = candidate + MIN_MATCH;
		if (p + 8 > n) {
			int differs = Arrays.mismatch(data, p, n, data, q, q + n - p);
			return (differs < 0) ? n - i : MIN_MATCH + differs;
		}
		long x = (long) LONG.get(data, p) ^ (long) LONG.get(data, q);
		if (x != 0) {
			return MIN_MATCH + (Long.numberOfTrailingZeros(x) >>> 3);
		}
		int differs = Arrays.mismatch(data, p + 8, n, data, q + 8, q + n - p);
		return (differs < 0) ? n - i : MIN_MATCH + 8 + differs;
	}

	/** Bits in deflate's order, least significant first, into a growing array. */
	static final class BitWriter {

		// package-private: Huffman#tokens writes a block's tokens through them, in locals

		byte[] bytes;

		int size;

		long buffer;

		int filled;

		BitWriter(int capacity) {
			bytes = new byte[Math.max(capacity, 64)];
		}

		/** The low {@code n} bits of {@code value} (n up to 32; no higher bit of value set). */
		void bits(int value, int n) {
			buffer |= (value & 0xFFFFFFFFL) << filled;
			filled += n;
			if (filled >= 32) {
				if (size + 4 > bytes.length) {
					bytes = Arrays.copyOf(bytes, bytes.length * 2);
				}
				INT.set(bytes, size, (int) buffer);
				size += 4;
				buffer >>>= 32;
				filled -= 32;
			}
		}

		/** Writes the pending bits but fewer than {@code under} (a multiple of 8, up to 32). */
		void flushToBits(int under) {
			while (filled >= under) {
				if (size == bytes.length) {
					bytes = Arrays.copyOf(bytes, bytes.length * 2);
				}
				bytes[size++] = (byte) buffer;
				buffer >>>= 8;
				filled -= 8;
			}
		}

		/** Writes the pending bits, the last byte padded with zeros. */
		void flushToByte() {
			filled = (filled + 7) & ~7;
			flushToBits(8);
			buffer = 0;
		}

		byte[] toByteArray() {
			return Arrays.copyOf(bytes, size);
		}

	}

}
