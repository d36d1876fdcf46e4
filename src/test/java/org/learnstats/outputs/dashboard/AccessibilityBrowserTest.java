package org.learnstats.outputs.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnstats.support.TestDatabase;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The four pages an analyst opens most (the overview, a committee, a branch, data quality) in one
 * browser session over one built dashboard: axe-core finds no violation of the WCAG 2.1 A and AA
 * rules at desktop width, nor of the width-dependent ones at a phone's 400 CSS pixels, where the
 * page does not scroll sideways (wide tables scroll inside themselves) and every top menu link is on
 * screen and the element under its centre. All problems are listed in one failure (page, rule, elements). Screenshots at 400 px
 * are left in {@code target/dashboard-screenshots/a11y-*.png}. Skipped without a browser, except in CI.
 */
@Tag("browser")
class AccessibilityBrowserTest {

	private static final List<String> PAGES = List.of("index.html", "units/ROOT.html", "units/B1.html",
			"data-quality.html");

	private static final List<String> WCAG_21_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	/**
	 * The rules whose outcome changes with the width (the rest, colour contrast above all, give the same
	 * answer at both and cost most of axe's time): a table that scrolls only on a phone must take the focus.
	 */
	private static final List<String> LAYOUT_RULES = List.of("scrollable-region-focusable", "meta-viewport",
			"nested-interactive", "aria-hidden-focus");

	private static final int PHONE = 400;

	/**
	 * Each top menu link that is not wholly inside the viewport, or whose middle or ends are not the
	 * element hit there (clipped by a box around it, or covered), with why. Nothing is scrolled first:
	 * scrolling would bring a link clipped by an {@code overflow: hidden} box into view.
	 */
	private static final String MENU_PROBLEMS = """
			const width = document.documentElement.clientWidth, bad = [];
			window.scrollTo(0, 0);
			for (const a of document.querySelectorAll('header nav a')) {
			  const r = a.getBoundingClientRect(), y = r.top + r.height / 2;
			  if (r.width === 0 || r.height === 0) { bad.push(a.textContent + ': not shown'); continue; }
			  if (r.left < 0 || r.right > width) { bad.push(a.textContent + ': at ' + r.left + '..' + r.right + ' px'); continue; }
			  for (const x of [r.left + 2, r.left + r.width / 2, r.right - 2]) {
			    const hit = document.elementFromPoint(x, y);
			    if (!hit || !(hit === a || a.contains(hit))) {
			      bad.push(a.textContent + ': at x ' + x + ' is ' + (hit && hit.outerHTML.slice(0, 60)));
			      break;
			    }
			  }
			}
			return bad;""";

	@TempDir
	Path tmp;

	@Test
	void fourPagesPassAxeAndFitAPhone() throws IOException {
		DashboardBrowserTest.requireBrowser();
		TestDatabase db = TestDatabase.h2();
		DashboardFixture.load(db);
		Path out = DashboardFixture.run(db, this.tmp.resolve("out"));

		ChromeDriver driver = DashboardBrowserTest.headless(this.tmp.resolve("profile"), "1280,900", Map.of());
		try {
			List<String> problems = new ArrayList<>();
			for (String page : PAGES) {
				driver.get(out.resolve(page).toUri().toString());
				axe(driver, page, new AxeBuilder().withTags(WCAG_21_A_AA), problems);
			}
			// a phone: the same pages at 400 CSS pixels, where tables scroll and must take the focus
			driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", PHONE, "height", 860, "deviceScaleFactor", 1, "mobile", true));
			Files.createDirectories(DashboardBrowserTest.SCREENSHOTS);
			for (String page : PAGES) {
				driver.get(out.resolve(page).toUri().toString());
				fitsAPhone(driver, page, problems);
				axe(driver, page + " at " + PHONE + " px", new AxeBuilder().withOnlyRules(LAYOUT_RULES), problems);
				Files.write(DashboardBrowserTest.SCREENSHOTS.resolve("a11y-" + page.replace('/', '-') + "-400.png"),
						driver.getScreenshotAs(OutputType.BYTES));
			}
			assertThat(problems).as("accessibility and phone-width problems").isEmpty();
		}
		finally {
			driver.quit();
		}
	}

	/** The WCAG 2.1 A and AA violations axe-core finds on the page shown, each with the elements it names. */
	private static void axe(ChromeDriver driver, String page, AxeBuilder axe, List<String> problems) {
		assertThat(driver.findElement(By.tagName("h1")).getText()).as(page).isNotBlank();
		Results results = axe.analyze(driver);
		assertThat(results.isErrored()).as(page + ": " + results.getErrorMessage()).isFalse();
		assertThat(results.getPasses()).as(page + ": axe ran its rules").isNotEmpty();
		for (Rule rule : results.getViolations()) {
			problems.add(page + " " + rule.getId() + " (" + rule.getHelp() + "): " + rule.getNodes()
				.stream()
				.map((node) -> String.valueOf(node.getTarget()))
				.collect(Collectors.joining(", ")));
		}
	}

	/** No sideways scroll of the page, and every top menu link on screen and not covered. */
	private static void fitsAPhone(ChromeDriver driver, String page, List<String> problems) {
		long viewport = ((Number) driver.executeScript("return document.documentElement.clientWidth")).longValue();
		assertThat(viewport).as("the phone's viewport").isEqualTo(PHONE);
		long width = ((Number) driver.executeScript("return document.documentElement.scrollWidth")).longValue();
		if (width > PHONE) {
			problems.add(page + " at " + PHONE + " px is " + width + " px wide, past the edge: " + driver.executeScript(
					"return [...document.body.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > "
							+ PHONE + ").slice(-3).map((e) => e.tagName + '.' + e.className).join(', ')"));
		}
		@SuppressWarnings("unchecked")
		List<String> menu = (List<String>) driver.executeScript(MENU_PROBLEMS);
		menu.forEach((problem) -> problems.add(page + " at " + PHONE + " px, menu " + problem));
		assertThat(driver.findElements(By.cssSelector("header nav a"))).as(page + ": the menu's links")
			.hasSizeGreaterThanOrEqualTo(4)
			.allMatch(WebElement::isDisplayed);
	}

}
