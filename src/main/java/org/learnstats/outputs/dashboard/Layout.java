package org.learnstats.outputs.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import gg.jte.Content;

/** The frame of every page ({@code layout.jte}): title, top menu, banner, body and footer. */
public final class Layout {

	static final String RESOURCES = "dashboard/";

	private final String asOf;

	/** The banner on every page (no failures: none). */
	private final Banner banner;

	public Layout(String asOf) {
		this(asOf, Banner.NONE);
	}

	Layout(String asOf, Banner banner) {
		this.asOf = asOf;
		this.banner = banner;
	}

	/** Which top navigation entry a page is. */
	public enum Nav {

		INDEX, QUALITY, UNIT, PACKS

	}

	/**
	 * What {@code layout.jte} shows.
	 * @param base the way back to the output folder from the page ("" or "../")
	 */
	record Frame(String title, String base, Nav nav, String asOf, Banner banner, Content body) {
	}

	/**
	 * A whole page.
	 * @param title the title, plain text
	 * @param base the way back to the output folder from the page ("" or "../")
	 * @param body the page's body, a template's output
	 */
	public String page(String title, String base, Nav nav, Content body) {
		return Templates.render("outputs/dashboard/layout.jte", new Frame(title, base, nav, this.asOf, this.banner, body));
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
