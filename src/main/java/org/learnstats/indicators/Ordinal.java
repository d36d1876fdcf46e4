package org.learnstats.indicators;

import java.util.Comparator;

/**
 * Ordinal (Unicode code point, the same as UTF-8 byte) order of strings, whatever the database
 * collation. {@link String#compareTo} compares UTF-16 units, which differs for characters outside
 * the Basic Multilingual Plane.
 */
public final class Ordinal {

	public static final Comparator<String> ORDER = Ordinal::compare;

	private Ordinal() {
	}

	public static int compare(String a, String b) {
		int i = 0;
		int j = 0;
		while (i < a.length() && j < b.length()) {
			int ca = a.codePointAt(i);
			int cb = b.codePointAt(j);
			if (ca != cb) {
				return Integer.compare(ca, cb);
			}
			i += Character.charCount(ca);
			j += Character.charCount(cb);
		}
		return Integer.compare(a.length() - i, b.length() - j);
	}

}
