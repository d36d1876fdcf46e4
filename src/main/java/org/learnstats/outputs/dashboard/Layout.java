package org.learnstats.outputs.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page frame of {@code dashboard/layout.html}: its {@code {{slot}}}s are filled in one pass,
 * so text put into one slot is never read as another slot.
 */
public final class Layout {

	static final String RESOURCES = "dashboard/";

	/** The top menu entry of the page shown: marked for the eye and for screen readers. */
	private static final String ACTIVE = " class=\"active\" aria-current=\"page\"";

	private static final Pattern SLOT = Pattern.compile("\\{\\{(\\w+)}}");

	/** The template cut at its slots: literal text at even places, slot names at odd places. */
	private final List<String> pieces = new ArrayList<>();

	private final String asOf;

	/** The banner on every page, HTML ("" for none). */
	private final String banner;

	public Layout(String asOf) {
		this(asOf, "");
	}

	public Layout(String asOf, String banner) {
		this.banner = banner;
		String template = resource("layout.html");
		Matcher m = SLOT.matcher(template);
		int last = 0;
		while (m.find()) {
			this.pieces.add(template.substring(last, m.start()));
			this.pieces.add(m.group(1));
			last = m.end();
		}
		this.pieces.add(template.substring(last));
		this.asOf = asOf;
	}

	/** Which top navigation entry a page is. */
	public enum Nav {

		INDEX, QUALITY, UNIT, PACKS

	}

	/**
	 * A whole page.
	 * @param title the title, plain text (escaped here)
	 * @param base the way back to the output folder from the page ("" or "../")
	 * @param body the page's body, HTML
	 */
	public String page(String title, String base, Nav nav, CharSequence body) {
		Map<String, String> slots = Map.of("title", Html.esc(title), "base", base, "asOf", Html.esc(this.asOf),
				"navIndex", (nav == Nav.INDEX) ? ACTIVE : "", "navQuality",
				(nav == Nav.QUALITY) ? ACTIVE : "", "navPacks", (nav == Nav.PACKS) ? ACTIVE : "",
				"body", this.banner + body);
		StringBuilder out = new StringBuilder(body.length() + 2048);
		for (int i = 0; i < this.pieces.size(); i++) {
			String piece = this.pieces.get(i);
			if (i % 2 == 0) {
				out.append(piece);
			}
			else {
				String value = slots.get(piece);
				out.append((value != null) ? value : "{{" + piece + "}}");
			}
		}
		return out.toString();
	}

	static String resource(String name) {
		try (InputStream in = Layout.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + RESOURCES + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
