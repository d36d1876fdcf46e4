package org.learnstats.outputs.charts;

import java.util.Arrays;

/**
 * Deflate's Huffman codes (RFC 1951, 3.2.5 to 3.2.7) for one dynamic block: lengths and distances
 * as deflate numbers them, code lengths limited to 15 bits (7 for the code-length code) by halving
 * the counts until they fit, and the block's header that describes them. Every code has at least
 * two symbols, so each is a complete code that any inflater accepts.
 */
final class Huffman {

	static final int LITERALS = 286;

	static final int DISTANCES = 30;

	static final int END = 256;

	private static final int[] LENGTH_BASE = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67,
			83, 99, 115, 131, 163, 195, 227, 258 };

	private static final int[] LENGTH_EXTRA = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5,
			5, 5, 0 };

	private static final int[] DISTANCE_BASE = { 1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513,
			769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577 };

	private static final int[] DISTANCE_EXTRA = { 0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10,
			11, 11, 12, 12, 13, 13 };

	/** The order in which the code-length code's lengths are sent. */
	private static final int[] ORDER = { 16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15 };

	private static final int MAX_LENGTH = 258;

	/** Length 3..258 → symbol 257..285. */
	private static final int[] LENGTH_SYMBOL = new int[MAX_LENGTH + 1];

	/** Distance − 1 → symbol, as zlib indexes it: below 256 directly, above by its bits from the 8th up. */
	private static final int[] DISTANCE_SYMBOL = new int[512];

	static {
		for (int code = 0; code < LENGTH_BASE.length; code++) {
			int top = (code + 1 < LENGTH_BASE.length) ? LENGTH_BASE[code + 1] : MAX_LENGTH + 1;
			for (int len = LENGTH_BASE[code]; len < top; len++) {
				LENGTH_SYMBOL[len] = 257 + code;
			}
		}
		for (int code = 0; code < DISTANCE_BASE.length; code++) {
			for (int d = DISTANCE_BASE[code] - 1; d < DISTANCE_BASE[code] - 1 + (1 << DISTANCE_EXTRA[code]); d++) {
				DISTANCE_SYMBOL[(d < 256) ? d : 256 + (d >>> 7)] = code;
			}
		}
	}

	private final int[] litCode;

	private final int[] litLength;

	private final int[] distCode;

	private final int[] distLength;

	/** A match length's code with its extra bits, and how many bits that is: by length, 3 to 258. */
	private final int[] lengthBits = new int[MAX_LENGTH + 1];

	private final int[] lengthWidth = new int[MAX_LENGTH + 1];

	private Huffman(int[] litLength, int[] distLength) {
		this.litLength = litLength;
		this.distLength = distLength;
		this.litCode = codes(litLength);
		this.distCode = codes(distLength);
		for (int len = 3; len <= MAX_LENGTH; len++) {
			int ls = LENGTH_SYMBOL[len];
			int ll = litLength[ls];
			this.lengthBits[len] = this.litCode[ls] | (len - LENGTH_BASE[ls - 257]) << ll;
			this.lengthWidth[len] = ll + LENGTH_EXTRA[ls - 257];
		}
	}

	static int lengthSymbol(int length) {
		return LENGTH_SYMBOL[length];
	}

	/** The symbol of a distance given as distance − 1. */
	static int distanceSymbol(int distanceMinusOne) {
		return DISTANCE_SYMBOL[(distanceMinusOne < 256) ? distanceMinusOne : 256 + (distanceMinusOne >>> 7)];
	}

	/**
	 * Codes for the counted literal/length and distance symbols, and the header of a final dynamic
	 * block that describes them, written to {@code out}.
	 */
	static Huffman dynamicBlock(int[] literalCounts, int[] distanceCounts, ScanlineDeflater.BitWriter out) {
		int[] lit = lengths(literalCounts, 15);
		int[] dist = lengths(distanceCounts, 15);
		int hlit = LITERALS;
		while (hlit > 257 && lit[hlit - 1] == 0) {
			hlit--;
		}
		int hdist = DISTANCES;
		while (hdist > 1 && dist[hdist - 1] == 0) {
			hdist--;
		}
		int[] all = new int[hlit + hdist];
		System.arraycopy(lit, 0, all, 0, hlit);
		System.arraycopy(dist, 0, all, hlit, hdist);
		// the lengths run-length coded: 0-15 as they are, 16 repeats the last 3-6 times, 17 and 18 zeros
		int[] symbols = new int[all.length];
		int[] extras = new int[all.length];
		int n = 0;
		int[] clCounts = new int[19];
		for (int i = 0; i < all.length;) {
			int v = all[i];
			int run = 1;
			while (i + run < all.length && all[i + run] == v) {
				run++;
			}
			if (v == 0 && run >= 3) {
				int r = Math.min(run, 138);
				symbols[n] = (r >= 11) ? 18 : 17;
				extras[n++] = (r >= 11) ? r - 11 : r - 3;
				i += r;
			}
			else {
				symbols[n++] = v;
				i++;
				int rest = run - 1;
				while (v != 0 && rest >= 3) {
					int r = Math.min(rest, 6);
					symbols[n] = 16;
					extras[n++] = r - 3;
					i += r;
					rest -= r;
				}
			}
		}
		for (int k = 0; k < n; k++) {
			clCounts[symbols[k]]++;
		}
		int[] cl = lengths(clCounts, 7);
		int[] clCode = codes(cl);
		int hclen = 19;
		while (hclen > 4 && cl[ORDER[hclen - 1]] == 0) {
			hclen--;
		}
		out.bits(1, 1); // the final block
		out.bits(2, 2); // dynamic Huffman codes
		out.bits(hlit - 257, 5);
		out.bits(hdist - 1, 5);
		out.bits(hclen - 4, 4);
		for (int k = 0; k < hclen; k++) {
			out.bits(cl[ORDER[k]], 3);
		}
		for (int k = 0; k < n; k++) {
			int s = symbols[k];
			out.bits(clCode[s], cl[s]);
			if (s >= 16) {
				out.bits(extras[k], (s == 16) ? 2 : (s == 17) ? 3 : 7);
			}
		}
		return new Huffman(lit, dist);
	}

	void literal(int symbol, ScanlineDeflater.BitWriter out) {
		out.bits(litCode[symbol], litLength[symbol]);
	}

	/**
	 * The tokens of {@link ScanlineDeflater} (a literal byte, or a match's length and distance), in a
	 * loop that keeps the writer's bits in locals: a token's code (at most 15 + 5 + 15 + 13 bits)
	 * joins the fewer than 8 bits pending, the buffer's 8 bytes are stored, and the writer moves on
	 * by its whole bytes.
	 */
	void tokens(int[] tokens, int count, ScanlineDeflater.BitWriter out) {
		out.flushToBits(8);
		byte[] bytes = out.bytes;
		int size = out.size;
		long buffer = out.buffer;
		int filled = out.filled;
		int[] litCode = this.litCode;
		int[] litLength = this.litLength;
		for (int i = 0; i < count; i++) {
			int t = tokens[i];
			if (t >= 0) {
				buffer |= (long) litCode[t] << filled;
				filled += litLength[t];
			}
			else {
				int len = (t >>> 15) & 0x1FF;
				buffer |= (long) this.lengthBits[len] << filled;
				filled += this.lengthWidth[len];
				int d = t & 0x7FFF;
				int ds = distanceSymbol(d);
				int dl = this.distLength[ds];
				buffer |= (long) (this.distCode[ds] | (d - (DISTANCE_BASE[ds] - 1)) << dl) << filled;
				filled += dl + DISTANCE_EXTRA[ds];
			}
			if (size + 8 > bytes.length) {
				bytes = Arrays.copyOf(bytes, bytes.length * 2);
			}
			ScanlineDeflater.LONG.set(bytes, size, buffer);
			size += filled >>> 3;
			buffer >>>= filled & ~7;
			filled &= 7;
		}
		out.bytes = bytes;
		out.size = size;
		out.buffer = buffer;
		out.filled = filled;
	}

	/**
	 * Huffman code lengths for the counts, none longer than {@code limit}: a tree built from the
	 * counts, and if it is too deep, from the counts halved (a count stays at least 1), until it fits.
	 * At least two symbols get a code.
	 */
	static int[] lengths(int[] counts, int limit) {
		int[] f = counts.clone();
		int used = 0;
		for (int c : f) {
			used += (c > 0) ? 1 : 0;
		}
		for (int s = 0; s < f.length && used < 2; s++) {
			if (f[s] == 0) {
				f[s] = 1;
				used++;
			}
		}
		while (true) {
			int[] len = treeLengths(f);
			if (Arrays.stream(len).max().orElse(0) <= limit) {
				return len;
			}
			for (int s = 0; s < f.length; s++) {
				if (f[s] > 0) {
					f[s] = (f[s] + 1) / 2;
				}
			}
		}
	}

	/** Depths of the leaves of a Huffman tree over the non-zero counts (two queues over sorted leaves). */
	private static int[] treeLengths(int[] f) {
		// the leaves by count, then by symbol: count and symbol in one long, sorted
		long[] keys = new long[f.length];
		int m = 0;
		for (int s = 0; s < f.length; s++) {
			if (f[s] > 0) {
				keys[m++] = (long) f[s] << 16 | s;
			}
		}
		Arrays.sort(keys, 0, m);
		int[] leaves = new int[m];
		for (int i = 0; i < m; i++) {
			leaves[i] = (int) (keys[i] & 0xFFFF);
		}
		long[] weight = new long[2 * m - 1];
		int[] parent = new int[2 * m - 1];
		for (int i = 0; i < m; i++) {
			weight[i] = f[leaves[i]];
		}
		int leaf = 0;
		int node = m;
		for (int next = m; next < 2 * m - 1; next++) {
			int a = (leaf < m && (node >= next || weight[leaf] <= weight[node])) ? leaf++ : node++;
			int b = (leaf < m && (node >= next || weight[leaf] <= weight[node])) ? leaf++ : node++;
			weight[next] = weight[a] + weight[b];
			parent[a] = next;
			parent[b] = next;
		}
		int[] depth = new int[2 * m - 1];
		for (int i = 2 * m - 3; i >= 0; i--) {
			depth[i] = depth[parent[i]] + 1;
		}
		int[] len = new int[f.length];
		for (int i = 0; i < m; i++) {
			len[leaves[i]] = depth[i];
		}
		return len;
	}

	/** Canonical codes for the lengths (RFC 1951, 3.2.2), bit-reversed for deflate's bit order. */
	private static int[] codes(int[] len) {
		int[] count = new int[16];
		for (int l : len) {
			count[l]++;
		}
		count[0] = 0;
		int[] next = new int[16];
		int code = 0;
		for (int bits = 1; bits < 16; bits++) {
			code = (code + count[bits - 1]) << 1;
			next[bits] = code;
		}
		int[] codes = new int[len.length];
		for (int s = 0; s < len.length; s++) {
			if (len[s] > 0) {
				codes[s] = Integer.reverse(next[len[s]]++) >>> (32 - len[s]);
			}
		}
		return codes;
	}

}
