package org.learnstats.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a delivered file is made of, read in one pass: its SHA-256 (its identity), its size and
 * its encoding by spec section 2: UTF-16 when it begins with a UTF-16 BOM; else UTF-8 (BOM or
 * not) when it decodes as strict UTF-8; else GB18030. NUL bytes outside UTF-16, or bytes no
 * encoding decodes, make it {@code null} (NOT_TEXT).
 *
 * @param sha256 hex SHA-256 of the file's bytes
 * @param size the file's size in bytes
 * @param encoding UTF-16, UTF-8, UTF-8-BOM or GB18030; null when the file is not text
 */
public record TextEncoding(String sha256, long size, String encoding) {

	public static final Charset GB18030 = Charset.forName("GB18030");

	public static TextEncoding of(Path file) throws IOException {
		MessageDigest sha = newDigest();
		TextBytes.Utf8 utf8 = new TextBytes.Utf8();
		byte[] buf = new byte[1 << 16];
		long size = 0;
		boolean nul = false;
		int b0 = -1;
		int b1 = -1;
		int b2 = -1;
		try (InputStream in = Files.newInputStream(file)) {
			int n;
			while ((n = in.read(buf)) > 0) {
				sha.update(buf, 0, n);
				nul = nul || TextBytes.holdsNul(buf, n);
				if (size == 0) {
					b0 = buf[0] & 0xff;
					b1 = n > 1 ? buf[1] & 0xff : -1;
					b2 = n > 2 ? buf[2] & 0xff : -1;
				}
				utf8.feed(buf, n);
				size += n;
			}
		}
		String hash = HexFormat.of().formatHex(sha.digest());
		String encoding;
		if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE)) {
			// NUL bytes are part of UTF-16; a NUL character is not text (and no store keeps it)
			encoding = decodesStrictly(file, StandardCharsets.UTF_16, true) ? "UTF-16" : null;
		}
		else if (nul) {
			encoding = null;
		}
		else if (utf8.valid()) {
			encoding = (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) ? "UTF-8-BOM" : "UTF-8";
		}
		else {
			encoding = decodesStrictly(file, GB18030, false) ? "GB18030" : null;
		}
		return new TextEncoding(hash, size, encoding);
	}

	/**
	 * A workbook's identity: the SHA-256 and size of its bytes, with its format ("xlsx", "xls")
	 * or null when it is no readable workbook, in place of an encoding.
	 */
	public static TextEncoding ofWorkbook(Path file, String format) throws IOException {
		MessageDigest sha = newDigest();
		byte[] buf = new byte[1 << 16];
		long size = 0;
		try (InputStream in = Files.newInputStream(file)) {
			int n;
			while ((n = in.read(buf)) > 0) {
				sha.update(buf, 0, n);
				size += n;
			}
		}
		return new TextEncoding(HexFormat.of().formatHex(sha.digest()), size, format);
	}

	/**
	 * A reader of the file's text, without its byte order mark. Read to its end, it checks that
	 * the bytes were those hashed ({@link UnreadFile.FileChangedException} when not): a file
	 * rewritten after the scan is never taken for the delivery the scan saw.
	 */
	public Reader open(Path file) throws IOException {
		InputStream in = new Verified(Files.newInputStream(file));
		switch (this.encoding) {
			case "UTF-16":
				return new InputStreamReader(in, strict(StandardCharsets.UTF_16));
			case "UTF-8-BOM":
				in.readNBytes(3);
				return new InputStreamReader(in, strict(StandardCharsets.UTF_8));
			case "UTF-8":
				return new InputStreamReader(in, strict(StandardCharsets.UTF_8));
			default:
				return new InputStreamReader(in, strict(GB18030));
		}
	}

	private static CharsetDecoder strict(Charset charset) {
		return charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	/** Whether the characters decoded into {@code out} (from 0 to its position) hold U+0000. */
	private static boolean holdsNul(CharBuffer out) {
		for (int i = 0; i < out.position(); i++) {
			if (out.get(i) == '\0') {
				return true;
			}
		}
		return false;
	}

	private static boolean decodesStrictly(Path file, Charset charset, boolean refuseNul) throws IOException {
		CharsetDecoder decoder = strict(charset);
		ByteBuffer in = ByteBuffer.allocate(1 << 16);
		CharBuffer out = CharBuffer.allocate(1 << 16);
		try (InputStream stream = Files.newInputStream(file)) {
			byte[] chunk = new byte[1 << 15];
			int n;
			while ((n = stream.read(chunk)) > 0) {
				in.put(chunk, 0, n);
				in.flip();
				if (decoder.decode(in, out, false).isError() || (refuseNul && holdsNul(out))) {
					return false;
				}
				out.clear();
				in.compact();
			}
			in.flip();
			if (decoder.decode(in, out, true).isError() || decoder.flush(out).isError()
					|| (refuseNul && holdsNul(out))) {
				return false;
			}
			return !in.hasRemaining();
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The file's bytes as they stream, checked against the scan's size and hash at their end. */
	private final class Verified extends FilterInputStream {

		private final MessageDigest sha = newDigest();

		private long read;

		private boolean checked;

		Verified(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b < 0) {
				check();
			}
			else {
				this.sha.update((byte) b);
				this.read++;
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = this.in.read(b, off, len);
			if (n < 0) {
				check();
			}
			else {
				this.sha.update(b, off, n);
				this.read += n;
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			return readNBytes((int) Math.min(n, Integer.MAX_VALUE)).length;
		}

		private void check() throws IOException {
			if (this.checked) {
				return;
			}
			this.checked = true;
			if (this.read != size()) {
				throw new UnreadFile.FileChangedException(
						"%d bytes read, %d when the inbox was scanned".formatted(this.read, size()));
			}
			if (!HexFormat.of().formatHex(this.sha.digest()).equals(sha256())) {
				throw new UnreadFile.FileChangedException("other bytes than when the inbox was scanned");
			}
		}

	}

}
