package org.learnstats.outputs.dashboard;

import java.nio.charset.StandardCharsets;

/**
 * Link building: the pages' relative links, percent-encoded. Escaping is the templates' (jte
 * escapes every output for where it stands).
 */
final class Html {

	private Html() {
	}

	/**
	 * A relative link from path segments, each percent-encoded (a '/' inside a segment too),
	 * ready for an attribute value.
	 */
	static String href(String... segments) {
		StringBuilder out = new StringBuilder();
		for (int s = 0; s < segments.length; s++) {
			if (s > 0) {
				out.append('/');
			}
			String segment = segments[s];
			if (segment.equals("..")) {
				out.append(segment);
				continue;
			}
			for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
				int c = b & 0xFF;
				if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
						|| c == '.' || c == '~') {
					out.append((char) c);
				}
				else {
					out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
						.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
				}
			}
		}
		return out.toString();
	}

}
