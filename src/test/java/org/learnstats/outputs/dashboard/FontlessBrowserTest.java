package org.learnstats.outputs.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnstats.outputs.fonts.WebFont;
import org.learnstats.support.TestDatabase;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The dashboard on a machine without a CJK font: Chromium runs with fontconfig pointed at a
 * configuration whose only font holds ASCII, so only the web font in {@code assets/} can draw Chinese. Two different
 * characters drawn in the page's font must leave ink and differ (an empty box is the same box for
 * every character); in a system family they do not, which shows the machine really has none.
 * Runs wherever the dashboard browser test runs, and fails in CI when the browser is missing.
 */
@Tag("browser")
class FontlessBrowserTest {

	/** Draws each character in a family on a canvas once the web font loaded; returns alpha sums and hashes. */
	private static final String INK = """
			const family = arguments[0], chars = arguments[1], weight = arguments[2], done = arguments[arguments.length - 1];
			document.fonts.load('48px "%s"', chars.join('')).catch(() => []).then(() => {
			  done(chars.map((ch) => {
			    const c = document.createElement('canvas'); c.width = 64; c.height = 64;
			    const g = c.getContext('2d'); g.font = weight + ' 48px ' + family; g.fillText(ch, 4, 52);
			    const a = g.getImageData(0, 0, 64, 64).data; let sum = 0, hash = 7;
			    for (let i = 3; i < a.length; i += 4) { sum += a[i]; hash = (hash * 31 + a[i]) | 0; }
			    return sum + ':' + hash;
			  }));
			});""".formatted(WebFont.FAMILY);

	@TempDir
	Path tmp;

	/** A screenshot of one character appended to the first element matching the selector. */
	private static String glyph(WebDriver driver, String selector, String ch, String family) {
		WebElement span = (WebElement) ((JavascriptExecutor) driver).executeScript(
				"const s = document.createElement('span'); s.textContent = arguments[1];"
						+ " if (arguments[2]) { s.style.fontFamily = '\"' + arguments[2] + '\"'; }"
						+ " document.querySelector(arguments[0]).appendChild(s); return s;",
				selector, ch, family);
		String png = span.getScreenshotAs(OutputType.BASE64);
		((JavascriptExecutor) driver).executeScript("arguments[0].remove()", span);
		return png;
	}

	@Test
	void chineseDrawsInTheBundledFontWithoutASystemCjkFont() throws IOException {
		DashboardBrowserTest.requireBrowser();
		TestDatabase db = TestDatabase.h2();
		DashboardFixture.load(db);
		Path out = DashboardFixture.run(db, this.tmp.resolve("out"));
		assertThat(out.resolve("assets").resolve(WebFont.FILE)).isNotEmptyFile();
		assertThat(Files.readString(out.resolve("assets/dashboard.css"))).contains("url(\"" + WebFont.FILE + "\")");

		// the machine's only font: the shipped face cut down to ASCII (Chromium's renderer needs one
		// font), renamed so that it does not pass for the face the style sheet names among system fonts
		Path fonts = Files.createDirectories(this.tmp.resolve("fontconfig"));
		Path latin = Files.createDirectories(fonts.resolve("latin"));
		SortedSet<Integer> ascii = new TreeSet<>();
		IntStream.range(0x20, 0x7F).forEach(ascii::add);
		Files.write(latin.resolve("latin.ttf"), WebFont.subset(ascii));
		Files.writeString(fonts.resolve("fonts.conf"), """
				<?xml version="1.0"?>
				<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
				<fontconfig><dir>%s</dir><cachedir>%s</cachedir>
				<match target="scan"><edit name="family" mode="assign" binding="same"><string>Latin Only</string></edit></match>
				</fontconfig>
				""".formatted(latin, fonts.resolve("cache")));
		WebDriver driver = DashboardBrowserTest.headless(this.tmp.resolve("profile"), "1200,900",
				Map.of("FONTCONFIG_FILE", fonts.resolve("fonts.conf").toString()));
		try {
			driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
			driver.get(out.resolve("index.html").toUri().toString());
			JavascriptExecutor js = (JavascriptExecutor) driver;
			String pageFont = (String) js.executeScript("return getComputedStyle(document.body).fontFamily");
			assertThat(pageFont).contains(WebFont.FAMILY);
			List<String> chars = List.of("总", "览", "数", "据");

			@SuppressWarnings("unchecked")
			List<String> system = (List<String>) js.executeAsyncScript(INK, "sans-serif", chars, "400");
			assertThat(system).as("no system font draws these characters apart: the machine is font-less")
				.hasSize(4).containsOnly(system.get(0));

			for (String weight : List.of("400", "600", "700")) {
				@SuppressWarnings("unchecked")
				List<String> page = (List<String>) js.executeAsyncScript(INK, pageFont, chars, weight);
				assertThat(page).as("each character its own glyph in the page's font, weight " + weight)
					.doesNotHaveDuplicates()
					.allSatisfy((ink) -> assertThat(Long.parseLong(ink.split(":")[0])).isGreaterThan(5000));
			}
			// and in the page itself, at the weights its headings, table heads and text use
			for (String selector : List.of("h1", "th", "p.sub", "nav a.active")) {
				assertThat(glyph(driver, selector, "总", null)).as("a glyph in " + selector)
					.isNotEqualTo(glyph(driver, selector, "据", null));
			}
			assertThat(glyph(driver, "h1", "总", "Latin Only")).as("boxes when the web font is not used")
				.isEqualTo(glyph(driver, "h1", "据", "Latin Only"));
			Number heading = (Number) js.executeScript(
					"return document.querySelector('h1').getBoundingClientRect().width");
			assertThat(heading.doubleValue()).as("总览 laid out at about two em").isGreaterThan(40);

			Files.createDirectories(DashboardBrowserTest.SCREENSHOTS);
			Files.write(DashboardBrowserTest.SCREENSHOTS.resolve("fontless-index.png"),
					((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
		}
		finally {
			driver.quit();
		}
	}

}
