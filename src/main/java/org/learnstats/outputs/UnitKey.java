package org.learnstats.outputs;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A unit's name in file and URL paths ({@code charts/<key>/...}, {@code units/<key>.html}).
 * Codes of letters, digits, '-' and '_' are their own key; any other code (Chinese, spaces,
 * slashes) becomes {@code x} + the hex of its UTF-8 bytes, so every code maps to one safe name.
 */
public final class UnitKey {

	private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

	private UnitKey() {
	}

	public static String of(String unitCode) {
		if (SAFE.matcher(unitCode).matches() && !unitCode.startsWith("x")) {
			return unitCode;
		}
		return "x" + HexFormat.of().formatHex(unitCode.getBytes(StandardCharsets.UTF_8));
	}

}
