package org.learnstats.outputs.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnstats.support.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The pages come from templates compiled at build time, which escape what they are given: a unit
 * named like markup reads as its name on its page and in the overview's tree, in text and in
 * attributes.
 */
class TemplatesTest {

	/** A name holding every character that means something in HTML. */
	static final String MARKUP = "<script>&\"'";

	@TempDir
	Path tmp;

	@Test
	void aUnitNamedLikeMarkupIsEscapedOnItsPageAndInTheTree() throws IOException {
		TestDatabase db = TestDatabase.create("h2");
		DashboardFixture.load(db);
		DashboardFixture.unit(new JdbcTemplate(db.dataSource()), "M", MARKUP, "A", "branch");
		Path out = DashboardFixture.run(db, this.tmp.resolve("out"));

		String page = Files.readString(out.resolve("units/M.html"));
		// text: < > & escaped (quotes are plain text there); attributes: " ' & < escaped
		assertThat(page).contains("<title>&lt;script&gt;&amp;\"' · 学习型组织建设统计</title>")
			.contains("<h1>&lt;script&gt;&amp;\"' <span class=\"tag\">党支部</span></h1>")
			.contains("<span>&lt;script&gt;&amp;\"'</span></nav>")
			.doesNotContain("<script>&");
		String index = Files.readString(out.resolve("index.html"));
		assertThat(index)
			.contains("<li data-search=\"&lt;script>&amp;&#34;&#39; M\"><span class=\"leaf\"><a href=\"units/M.html\">"
					+ "&lt;script&gt;&amp;\"'</a></span></li>")
			.doesNotContain("<script>&");
		String parent = Files.readString(out.resolve("units/A.html"));
		assertThat(parent).contains("<a href=\"M.html\">&lt;script&gt;&amp;\"'</a></td><td class=\"code\">M</td>");
		String quality = Files.readString(out.resolve("data-quality.html"));
		assertThat(quality).contains("<a href=\"units/M.html\">&lt;script&gt;&amp;\"'</a></td>")
			.contains("data-search=\"&lt;script>&amp;&#34;&#39; M\"");
	}

	@Test
	void everyTemplateIsAClassOfTheJarAndNoCompilerIsThere() throws IOException, ClassNotFoundException {
		Path sources = Paths.get("src/main/jte");
		List<Path> templates;
		try (Stream<Path> files = Files.walk(sources)) {
			templates = files.filter((f) -> f.toString().endsWith(".jte")).toList();
		}
		assertThat(templates).hasSizeGreaterThan(10);
		for (Path template : templates) {
			Path relative = sources.relativize(template);
			String name = relative.getFileName().toString().replace(".jte", "");
			String pkg = Templates.PACKAGE + "." + relative.getParent().toString().replace('/', '.');
			// jte-maven-plugin's name for the class of a template
			assertThat(Class.forName(pkg + ".Jte" + name + "Generated")).isNotNull();
		}
		// jte-runtime only: a template missing from the build fails, it is never compiled on the spot
		assertThatThrownBy(() -> Class.forName("gg.jte.compiler.TemplateCompiler"))
			.isInstanceOf(ClassNotFoundException.class);
		assertThat(Templates.render("outputs/dashboard/noPacks.jte", null)).startsWith("<h1>季度报告</h1>");
	}

}
