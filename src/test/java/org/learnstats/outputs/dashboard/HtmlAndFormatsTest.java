package org.learnstats.outputs.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnstats.indicators.IndicatorCatalog;
import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.outputs.dashboard.ChartManifest.Chart;

class HtmlAndFormatsTest {

	@TempDir
	Path tmp;

	@Test
	void linksPercentEncodeEachSegment() {
		assertThat(Html.href("..", "charts", "ROOT", "01-trend.png")).isEqualTo("../charts/ROOT/01-trend.png");
		assertThat(Html.href("a b/c\"<")).isEqualTo("a%20b%2Fc%22%3C");
		assertThat(Html.href("趋势.png")).isEqualTo("%E8%B6%8B%E5%8A%BF.png");
	}

	@Test
	void valuesGoalsAndChangesReadAsAnAnalystExpects() {
		IndicatorDefinition rate = IndicatorCatalog.find("attendance_rate").orElseThrow();
		IndicatorDefinition mean = IndicatorCatalog.find("avg_credits").orElseThrow();
		IndicatorDefinition count = IndicatorCatalog.find("remedial_count").orElseThrow();
		assertThat(Formats.value(rate, new BigDecimal("0.923100000000000000"))).isEqualTo("92.31%");
		assertThat(Formats.value(rate, new BigDecimal("1"))).isEqualTo("100.00%");
		assertThat(Formats.value(mean, new BigDecimal("12.5"))).isEqualTo("12.50");
		assertThat(Formats.value(count, new BigDecimal("3.000000"))).isEqualTo("3");
		assertThat(Formats.value(count, null)).isEqualTo("—");
		assertThat(Formats.goal(rate)).isEqualTo("≥ 90%");
		assertThat(Formats.goal(count)).isEqualTo("≤ 0");
		assertThat(Formats.change(rate, new BigDecimal("0.8"), new BigDecimal("0.9231"))).isEqualTo("−12.31 个百分点");
		assertThat(Formats.change(count, new BigDecimal("2"), new BigDecimal("2"))).isEqualTo("±0");
		// fewer remedial cadres is better
		assertThat(Formats.direction(count, new BigDecimal("1"), new BigDecimal("3"))).isPositive();
		assertThat(Formats.direction(rate, new BigDecimal("0.5"), new BigDecimal("0.6"))).isNegative();
	}

	@Test
	void chartManifestSkipsItsHeaderAndChartsWithoutAPng() throws IOException {
		Path dir = Files.createDirectories(this.tmp.resolve("charts/U1"));
		ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", dir.resolve("01-a.png").toFile());
		Files.writeString(dir.resolve("charts.csv"),
				"\uFEFFfile,title,indicator\n01-a,\"趋势, 月度\",attendance_rate\n02-missing,没有图片,\n../../etc/passwd,x,\n");
		assertThat(ChartManifest.read(this.tmp, "U1"))
			.containsExactly(new Chart("01-a", "趋势, 月度", "attendance_rate"));
		assertThat(ChartManifest.read(this.tmp, "NO-CHARTS")).isEmpty();
	}

}
