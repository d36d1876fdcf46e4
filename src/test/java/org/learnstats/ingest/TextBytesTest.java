package org.learnstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The scan's byte checks against the JDK's: the strict UTF-8 decoder and a byte-by-byte search
 * for 0, on random texts fed in random chunks (characters and ASCII runs cut anywhere).
 */
class TextBytesTest {

	@Test
	void utf8AgreesWithTheJdksStrictDecoderHoweverTheBytesAreCut() {
		Random random = new Random(20261206);
		int invalid = 0;
		for (int round = 0; round < 3000; round++) {
			byte[] bytes = text(random);
			boolean expected = strictUtf8(bytes);
			invalid += expected ? 0 : 1;
			TextBytes.Utf8 utf8 = new TextBytes.Utf8();
			int at = 0;
			while (at < bytes.length) {
				int n = Math.min(bytes.length - at, 1 + random.nextInt(40));
				byte[] chunk = new byte[n + random.nextInt(9)];
				System.arraycopy(bytes, at, chunk, 0, n);
				java.util.Arrays.fill(chunk, n, chunk.length, (byte) 0xFF); // past n: never read
				utf8.feed(chunk, n);
				at += n;
			}
			assertThat(utf8.valid()).as("round %d", round).isEqualTo(expected);
		}
		// both outcomes were tried many times
		assertThat(invalid).isBetween(300, 2700);
	}

	@Test
	void holdsNulFindsAZeroAnywhereAndOnlyBeforeN() {
		Random random = new Random(7);
		for (int round = 0; round < 3000; round++) {
			byte[] bytes = new byte[random.nextInt(40)];
			for (int i = 0; i < bytes.length; i++) {
				bytes[i] = (byte) (1 + random.nextInt(255));
			}
			int n = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
			boolean expected = false;
			if (bytes.length > 0 && random.nextBoolean()) {
				int zero = random.nextInt(bytes.length);
				bytes[zero] = 0;
				expected = zero < n;
			}
			assertThat(TextBytes.holdsNul(bytes, n)).as("round %d", round).isEqualTo(expected);
		}
		// 0x80 and 0x01 bytes around a zero-free word are no zero (the test's borrow cases)
		assertThat(TextBytes.holdsNul(new byte[] { 1, (byte) 0x80, 1, 1, (byte) 0x81, 1, 1, 1 }, 8)).isFalse();
		assertThat(TextBytes.holdsNul(new byte[] { 1, 1, 1, 1, 1, 1, 1, 0 }, 8)).isTrue();
	}

	/** ASCII runs, Chinese, other sequences, and now and then a byte that may break UTF-8. */
	private static byte[] text(Random random) {
		StringBuilder s = new StringBuilder();
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		int parts = 1 + random.nextInt(12);
		for (int p = 0; p < parts; p++) {
			switch (random.nextInt(5)) {
				case 0 -> s.append("D001-02,S2026-0001,P0000".repeat(1 + random.nextInt(3)));
				case 1 -> s.append("中共省委组织部学习");
				case 2 -> s.appendCodePoint(0x10000 + random.nextInt(0x10000)).append('é');
				case 3 -> {
					out.writeBytes(s.toString().getBytes(StandardCharsets.UTF_8));
					s.setLength(0);
					if (random.nextInt(4) == 0) {
						// a lone byte: a stray continuation, an overlong or surrogate lead, a cut sequence
						int[] odd = { 0x80, 0xBF, 0xC0, 0xC1, 0xED, 0xE0, 0xF4, 0xF5, 0xFF, 0xE4 };
						out.write(odd[random.nextInt(odd.length)]);
					}
				}
				default -> s.append(random.nextInt(1000)).append(',');
			}
		}
		out.writeBytes(s.toString().getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	private static boolean strictUtf8(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

}
