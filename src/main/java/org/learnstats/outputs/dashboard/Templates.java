package org.learnstats.outputs.dashboard;

import java.util.Map;

import gg.jte.Content;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * The pages' templates, {@code src/main/jte/outputs/<part>/*.jte}: jte-maven-plugin turns each
 * into a class of its part's package at build time, so this engine only loads classes (the jar
 * holds jte's runtime, no template compiler). Every {@code ${...}} of a template is escaped for
 * where it stands, element text or attribute value (ContentType.Html).
 */
public final class Templates {

	/** The package of {@code src/main/jte}: a template's folders are the rest of its class's package. */
	static final String PACKAGE = "org.learnstats";

	private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
			Templates.class.getClassLoader(), PACKAGE);

	private Templates() {
	}

	/**
	 * A template written out, e.g. {@code render("outputs/dashboard/unit.jte", view)}.
	 * @param model the template's one parameter (null: it has none)
	 */
	public static String render(String name, Object model) {
		StringOutput out = new StringOutput(16 * 1024);
		content(name, model).writeTo(out);
		return out.toString();
	}

	/** A template as content of another (a page's body in the layout), written when that one is. */
	public static Content content(String name, Object model) {
		if (model == null) {
			return (out) -> ENGINE.render(name, Map.of(), out);
		}
		return (out) -> ENGINE.render(name, model, out);
	}

}
