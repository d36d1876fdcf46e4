package org.learnstats.outputs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The one place a unit code becomes a file or folder name ({@code charts/<key>/...},
 * {@code units/<key>.html}, and anything else named after a unit). A unit code is data from a
 * delivery, so it never reaches a path as it is written:
 * <ul>
 * <li>a code of capital letters, digits, '-' and '_' that starts with a letter or digit, is at
 * most {@value #MAX_PLAIN} characters and is no Windows device name (CON, NUL, COM1, ...) is its
 * own key, so the usual codes ({@code SWB-BGS}) stay readable;</li>
 * <li>any other code (lower case, Chinese, dots, slashes, control characters, {@code ..}) becomes
 * {@code _} + the lower-case hex of its UTF-8 bytes;</li>
 * <li>when that is longer than {@value #MAX_LENGTH} characters it is cut and ends with {@code -}
 * and 16 hex digits of the code's SHA-256.</li>
 * </ul>
 * So every key is at most {@value #MAX_LENGTH} ASCII characters (room for suffixes under the
 * 255-byte limit of file names), has no separator, no leading dot and no device name, and two
 * codes never share a key, even on a file system that ignores case: plain keys hold no lower-case
 * letter and never start with '_', escaped keys always do and their hex is lower case; a cut key
 * holds a '-', a whole hex key never does.
 */
public final class UnitKey {

	/** The longest key, in characters (ASCII, so also in bytes). */
	public static final int MAX_LENGTH = 96;

	static final int MAX_PLAIN = 64;

	private static final Pattern PLAIN = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0," + (MAX_PLAIN - 1) + "}");

	private static final Pattern DEVICE = Pattern.compile("CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9]");

	private static final int HASH_HEX = 16;

	private UnitKey() {
	}

	public static String of(String unitCode) {
		if (PLAIN.matcher(unitCode).matches() && !DEVICE.matcher(unitCode).matches()) {
			return unitCode;
		}
		String hex = HexFormat.of().formatHex(unitCode.getBytes(StandardCharsets.UTF_8));
		if (1 + hex.length() <= MAX_LENGTH) {
			return "_" + hex;
		}
		return "_" + hex.substring(0, MAX_LENGTH - 2 - HASH_HEX) + "-" + sha256(unitCode).substring(0, HASH_HEX);
	}

	private static String sha256(String code) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
