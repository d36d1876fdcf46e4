package org.learnstats.outputs.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnstats.support.TestDatabase;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An analyst's walk through the dashboard in a real browser: Debian's headless Chromium driven by
 * the system chromedriver (Selenium Manager cannot download anything here), the site opened from
 * disk. Skipped when Chromium or chromedriver is missing, unless
 * {@code -Dlearnstats.require-browser=true} (CI), where it fails. Screenshots of the pages it
 * visits are left in {@code target/dashboard-screenshots/}.
 */
@Tag("browser")
public class DashboardBrowserTest {

	static final String CHROMIUM = "/usr/bin/chromium";

	static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");

	@TempDir
	Path tmp;

	/**
	 * Debian's Chromium as this machine runs it (headless, no sandbox, no GPU, no background
	 * traffic), with its own profile, a window size ("1280,900") and changes to its environment.
	 */
	public static ChromeDriver headless(Path profile, String windowSize, Map<String, String> environment) {
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.withEnvironment(environment)
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--user-data-dir=" + profile, "--window-size=" + windowSize);
		return new ChromeDriver(service, options);
	}

	@Test
	void analystWalksFromTheRootToALeafAndNothingRuns() throws IOException {
		requireBrowser();
		TestDatabase db = TestDatabase.h2();
		DashboardFixture.load(db);
		Path out = DashboardFixture.run(db, this.tmp.resolve("out"));

		WebDriver driver = headless(this.tmp.resolve("profile"), "1400,1000", Map.of());
		try {
			driver.get(out.resolve("index.html").toUri().toString());
			assertNoAlert(driver);
			assertThat(driver.getTitle()).startsWith("总览");
			assertThat(driver.findElement(By.cssSelector("#unit-tree a[href='units/X.html']")).getText())
				.isEqualTo(DashboardFixture.EVIL);
			assertThat(driver.findElement(By.tagName("main")).getText()).contains("学习出勤率", "92.31%", "进度正常");
			screenshot(driver, "index");

			// the tree filter keeps the matching unit and its ancestors
			driver.findElement(By.cssSelector("input[data-filter='unit-tree']")).sendKeys("第一支部");
			assertThat(driver.findElement(By.cssSelector("#unit-tree a[href='units/B1.html']")).isDisplayed()).isTrue();
			assertThat(driver.findElement(By.cssSelector("#unit-tree a[href='units/X.html']")).isDisplayed()).isFalse();
			screenshot(driver, "index-filtered");

			// root → committee → branch, by clicking links as an analyst does
			driver.findElement(By.cssSelector("#unit-tree a[href='units/ROOT.html']")).click();
			assertThat(driver.getCurrentUrl()).endsWith("/units/ROOT.html");
			assertThat(heading(driver)).startsWith("某省委");
			assertChartsLoaded(driver, 2);
			screenshot(driver, "unit-root");
			driver.findElement(By.linkText("机关党委")).click();
			assertThat(driver.getCurrentUrl()).endsWith("/units/A.html");
			assertThat(driver.findElement(By.id("no-charts")).getText()).isEqualTo("本单位暂无图表。");
			driver.findElement(By.linkText("第一支部")).click();
			assertThat(driver.getCurrentUrl()).endsWith("/units/B1.html");
			assertThat(driver.findElement(By.cssSelector("nav.crumbs")).getText().replaceAll("\\s", ""))
				.isEqualTo("总览›某省委›机关党委›第一支部");
			assertChartsLoaded(driver, 1);
			screenshot(driver, "unit-leaf");

			// the unit named like a script: its name is text, nothing ran
			driver.findElement(By.cssSelector("nav.crumbs a[href='ROOT.html']")).click();
			driver.findElement(By.linkText(DashboardFixture.EVIL)).click();
			assertNoAlert(driver);
			assertThat(heading(driver)).isEqualTo(DashboardFixture.EVIL + " 其他单位");
			assertThat(driver.getTitle()).startsWith(DashboardFixture.EVIL);
			screenshot(driver, "unit-evil");

			// data quality, from the top navigation; a file named like markup shows as text
			driver.findElement(By.linkText("数据质量")).click();
			assertNoAlert(driver);
			assertThat(driver.getCurrentUrl()).endsWith("/data-quality.html");
			assertThat(driver.findElement(By.id("files")).getText()).contains("junk/<img src=x onerror=alert(2)>.csv");
			assertThat(driver.findElements(By.cssSelector("main img"))).isEmpty();
			screenshot(driver, "data-quality");
			assertNoAlert(driver);
		}
		finally {
			driver.quit();
		}
	}

	private static String heading(WebDriver driver) {
		return driver.findElement(By.tagName("h1")).getText();
	}

	/** Every chart image of the page loaded (scrolled into view first: they load lazily). */
	private static void assertChartsLoaded(WebDriver driver, int expected) {
		List<WebElement> images = driver.findElements(By.cssSelector("figure.chart img"));
		assertThat(images).hasSize(expected);
		JavascriptExecutor js = (JavascriptExecutor) driver;
		for (WebElement image : images) {
			js.executeScript("arguments[0].scrollIntoView()", image);
			new WebDriverWait(driver, Duration.ofSeconds(20)).until((d) -> (Boolean) js
				.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", image));
			assertThat(((Number) js.executeScript("return arguments[0].naturalWidth", image)).intValue()).isEqualTo(480);
		}
		js.executeScript("window.scrollTo(0, 0)");
	}

	private static void assertNoAlert(WebDriver driver) {
		try {
			String text = driver.switchTo().alert().getText();
			Assertions.fail("an alert fired: " + text);
		}
		catch (NoAlertPresentException expected) {
			// nothing ran
		}
	}

	private static void screenshot(WebDriver driver, String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		JavascriptExecutor js = (JavascriptExecutor) driver;
		long height = ((Number) js.executeScript("return document.documentElement.scrollHeight")).longValue();
		driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, (int) Math.min(Math.max(height + 140, 1000), 4000)));
		Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
		driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
	}

	public static void requireBrowser() {
		if (new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute()) {
			return;
		}
		String message = "Chromium (" + CHROMIUM + ") or chromedriver (" + CHROMEDRIVER
				+ ") missing: apt-get install -y chromium chromium-driver";
		if (org.learnstats.support.Requirement.strict("browser")) {
			Assertions.fail(message + ", and CI (or -Dlearnstats.require-browser=true) requires it");
		}
		Assumptions.abort(message + ": browser test skipped");
	}

}
