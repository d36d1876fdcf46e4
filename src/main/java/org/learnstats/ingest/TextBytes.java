package org.learnstats.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * What the scan checks of a file's bytes as they stream by, besides their hash: whether they hold a
 * NUL byte, and whether they are well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates,
 * nothing above U+10FFFF). Both look at eight bytes at a time where they can: exports are mostly
 * ASCII, and the byte-by-byte loops were half of the scan's CPU (a province's 1.5 GB inbox).
 */
final class TextBytes {

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
			ByteOrder.LITTLE_ENDIAN);

	private static final long ONES = 0x0101010101010101L;

	private static final long HIGH_BITS = 0x8080808080808080L;

	private TextBytes() {
	}

	/** Whether the first {@code n} bytes hold a 0. */
	static boolean holdsNul(byte[] bytes, int n) {
		int i = 0;
		for (; i + 8 <= n; i += 8) {
			long x = (long) LONGS.get(bytes, i);
			// a byte of x is 0 exactly when this sets its high bit (the classic has-zero-byte test)
			if (((x - ONES) & ~x & HIGH_BITS) != 0) {
				return true;
			}
		}
		for (; i < n; i++) {
			if (bytes[i] == 0) {
				return true;
			}
		}
		return false;
	}

	/** A UTF-8 check fed chunk by chunk: a character may span two chunks. */
	static final class Utf8 {

		private int need;

		private int lower = 0x80;

		private int upper = 0xBF;

		private boolean valid = true;

		void feed(byte[] bytes, int n) {
			int i = 0;
			while (i < n && this.valid) {
				if (this.need == 0 && i + 8 <= n && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
					i += 8; // eight ASCII bytes
					continue;
				}
				int b = bytes[i++] & 0xff;
				if (this.need == 0) {
					start(b);
				}
				else {
					if (b < this.lower || b > this.upper) {
						this.valid = false;
					}
					this.lower = 0x80;
					this.upper = 0xBF;
					this.need--;
				}
			}
		}

		private void start(int b) {
			if (b < 0x80) {
				return;
			}
			if (b >= 0xC2 && b <= 0xDF) {
				this.need = 1;
			}
			else if (b >= 0xE0 && b <= 0xEF) {
				this.need = 2;
				this.lower = b == 0xE0 ? 0xA0 : 0x80;
				this.upper = b == 0xED ? 0x9F : 0xBF;
			}
			else if (b >= 0xF0 && b <= 0xF4) {
				this.need = 3;
				this.lower = b == 0xF0 ? 0x90 : 0x80;
				this.upper = b == 0xF4 ? 0x8F : 0xBF;
			}
			else {
				this.valid = false;
			}
		}

		boolean valid() {
			return this.valid && this.need == 0;
		}

	}

}
