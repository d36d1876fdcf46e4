package org.learnstats.outputs.dashboard;

import java.nio.charset.StandardCharsets;

/** HTML escaping and link building: every piece of data reaches a page through here. */
public final class Html {

	private Html() {
	}

	/** The text escaped for element content and quoted attribute values. */
	public static String esc(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			String rep = switch (c) {
				case '&' -> "&amp;";
				case '<' -> "&lt;";
				case '>' -> "&gt;";
				case '"' -> "&quot;";
				case '\'' -> "&#39;";
				default -> null;
			};
			if (rep != null) {
				if (out == null) {
					out = new StringBuilder(text.length() + 16).append(text, 0, i);
				}
				out.append(rep);
			}
			else if (out != null) {
				out.append(c);
			}
		}
		return (out != null) ? out.toString() : text;
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
