package org.learnstats.outputs.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.learnstats.outputs.UnitKey;
import org.learnstats.outputs.fonts.WebFont;
import org.learnstats.support.TestDatabase;

class DashboardPartTest {

	private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"]*)\"");

	@TempDir
	Path tmp;

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void writesIndexUnitPagesAndDataQuality(String vendor) throws IOException {
		TestDatabase db = TestDatabase.create(vendor);
		DashboardFixture.load(db);
		Path out = DashboardFixture.run(db, this.tmp.resolve("out"));

		String index = Files.readString(out.resolve("index.html"));
		assertThat(index).contains("<a href=\"units/ROOT.html\">某省委</a>")
			.contains("<a href=\"units/X.html\">&lt;script&gt;alert(1)&lt;/script&gt;</a>")
			.contains("2025年3月")
			.contains("<td>学习出勤率</td><td class=\"num\">92.31%<span class=\"frac\">12 / 13</span></td>"
					+ "<td class=\"num\">≥ 90%</td><td><span class=\"badge good\">进度正常</span></td>"
					+ "<td class=\"num\">80.00%<span class=\"frac\">4 / 5</span></td>"
					+ "<td><span class=\"badge unmet\">✗ 未达标</span></td><td class=\"num up\">+12.31 个百分点</td>")
			.contains("<td>支部集中学习达标率</td><td class=\"num\">50.00%")
			.contains("<td>意见建议条数</td><td class=\"num\">7</td><td class=\"num\">—</td>"
					+ "<td><span class=\"badge none\">无目标</span></td><td class=\"num\">9</td>")
			.contains("<td class=\"num down\">−2</td>")
			.contains("<td>人均学分</td><td class=\"num\">12.50<span class=\"frac\">37.5 / 3</span>")
			.doesNotContain(DashboardFixture.EVIL);

		for (String code : List.of("ROOT", "A", "X", "B1", "B2", DashboardFixture.CHINESE_CODE)) {
			assertThat(out.resolve("units/" + UnitKey.of(code) + ".html")).isRegularFile();
		}
		String b1 = Files.readString(out.resolve("units/B1.html"));
		assertThat(b1).contains("<nav class=\"crumbs\" aria-label=\"当前位置\"><a href=\"../index.html\">总览</a><span class=\"sep\" aria-hidden=\"true\">›</span>"
				+ "<a href=\"ROOT.html\">某省委</a><span class=\"sep\" aria-hidden=\"true\">›</span><a href=\"A.html\">机关党委</a>"
				+ "<span class=\"sep\" aria-hidden=\"true\">›</span><span>第一支部</span></nav>")
			.contains("<img src=\"../charts/B1/01-trend.png\"")
			.contains("<a href=\"../charts/B1/01-trend.svg\">")
			.contains("本单位位于第 4 行");
		String root = Files.readString(out.resolve("units/ROOT.html"));
		assertThat(root).contains("<img src=\"../charts/ROOT/01-trend.png\" alt=\"学习出勤率趋势\"")
			.contains("<span>下级单位排名 &lt;b&gt;</span>")
			.contains("<a href=\"X.html\">&lt;script&gt;alert(1)&lt;/script&gt;</a>")
			.doesNotContain(DashboardFixture.EVIL);
		// children counted per period, not summed: B1 missed 2025-02; behind in 2025-03 and in 2025
		String a = Files.readString(out.resolve("units/A.html"));
		assertThat(a).contains("<th colspan=\"3\">已结束期未达标项</th>")
			.contains("<th class=\"num\" title=\"2025-02\">上月<br><span class=\"code\">2025-02</span></th>"
					+ "<th class=\"num\" title=\"2024-Q4\">上季度<br><span class=\"code\">2024-Q4</span></th>"
					+ "<th class=\"num\" title=\"2024\">上年度<br><span class=\"code\">2024</span></th>"
					+ "<th class=\"num\" title=\"2025-03\">本月<br><span class=\"code\">2025-03</span></th>")
			.contains("<a href=\"B1.html\">第一支部</a></td><td class=\"code\">B1</td><td>党支部</td><td class=\"num\">0</td>"
					+ "<td class=\"num bad\">1</td><td class=\"num\">0</td><td class=\"num\">0</td>"
					+ "<td class=\"num warn\">1</td><td class=\"num\">0</td><td class=\"num warn\">1</td>"
					+ "<td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">0</td></tr>");
		// a chart's picture opens itself at full size
		assertThat(root).contains("<a class=\"zoom\" href=\"../charts/ROOT/01-trend.png\" title=\"点击查看原图\"><img");
		String x = Files.readString(out.resolve("units/X.html"));
		assertThat(x).contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; <span class=\"tag\">其他单位</span></h1>")
			.contains("本单位暂无图表")
			.contains("<a href=\"" + UnitKey.of(DashboardFixture.CHINESE_CODE) + ".html\">甲单位</a>")
			.doesNotContain(DashboardFixture.EVIL);
		assertThat(Files.readString(out.resolve("units/B2.html")))
			.contains("<h1>第二支部 &amp; \"其他\" <span class=\"tag\">党支部</span></h1>");
		assertThat(Files.readString(out.resolve("units/" + UnitKey.of(DashboardFixture.CHINESE_CODE) + ".html")))
			.contains("单位代码 <span class=\"code\">单位/甲</span>");
	}

	/** The web font is the subset of every character beyond ASCII of every page and of the script. */
	@Test
	void theWebFontHoldsEveryPagesCharacters() throws IOException {
		TestDatabase db = TestDatabase.create("h2");
		DashboardFixture.load(db);
		Path out = DashboardFixture.run(db, this.tmp.resolve("out"));
		List<Path> texts = new ArrayList<>(List.of(out.resolve("index.html"), out.resolve("data-quality.html"),
				out.resolve("assets/dashboard.js")));
		try (Stream<Path> units = Files.list(out.resolve("units"))) {
			units.forEach(texts::add);
		}
		SortedSet<Integer> used = new TreeSet<>();
		for (Path text : texts) {
			used.addAll(WebFont.nonAscii(Files.readString(text)));
		}
		assertThat(used).contains((int) '某', (int) '甲', (int) '总');
		// the font is the subset of exactly these characters: none missing, none more
		assertThat(out.resolve("assets").resolve(WebFont.FILE)).hasBinaryContent(WebFont.subset(used));
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void dataQualityShowsThisRunOnly(String vendor) throws IOException {
		TestDatabase db = TestDatabase.create(vendor);
		DashboardFixture.load(db);
		Path out = DashboardFixture.run(db, this.tmp.resolve("out"));
		String dq = Files.readString(out.resolve("data-quality.html"));
		// tiles: 3 files of run 7, 19 rows read, 12 applied, 7 rejected, 1 quarantined, 1 skipped, 3 warnings
		assertThat(dq).contains("<div class=\"n\">3</div><div class=\"l\">读取文件</div>")
			.contains("<div class=\"n\">19</div><div class=\"l\">读取行</div>")
			.contains("<div class=\"n\">12</div><div class=\"l\">入库行</div>")
			.contains("<div class=\"n\">7</div><div class=\"l\">拒收行</div>")
			.contains("<div class=\"n\">1</div><div class=\"l\">整文件隔离</div>")
			.contains("<div class=\"n\">1</div><div class=\"l\">重复送达（已跳过）</div>")
			.contains("<div class=\"n\">3</div><div class=\"l\">未知人员警告</div>");
		// rejects listed by unit (tree order, unknown codes, then no unit), one row per reason with
		// its rows: B1 2 × BAD_DATE, NOPE 1 × UNKNOWN_UNIT, the quarantined file 4 rows; no column per reason
		assertThat(dq).contains("<th>单位</th><th>原因</th><th class=\"num\">拒收行</th><th>最早未解决</th>")
			.contains("<tr><td><a href=\"units/B1.html\">第一支部</a> <span class=\"code\">B1</span></td>"
					+ "<td>日期无效 <span class=\"code\">BAD_DATE</span></td><td class=\"num bad\">2</td>")
			.contains("<span class=\"code\">NOPE</span> <span class=\"note\">（库中无此单位）</span></td>"
					+ "<td>未知单位 <span class=\"code\">UNKNOWN_UNIT</span></td><td class=\"num bad\">1</td>")
			.contains("<td>无法识别的文件类型 <span class=\"code\">UNKNOWN_KIND</span></td><td class=\"num bad\">4</td>")
			.contains("<tfoot><tr><th colspan=\"2\">合计</th><th class=\"num\">7</th><th></th></tr></tfoot>")
			.doesNotContain("<th class=\"num\" title=\"BAD_DATE\">");
		assertThat(dq.indexOf("BAD_DATE</span></td><td class=\"num bad\">2"))
			.isLessThan(dq.indexOf("UNKNOWN_UNIT</span></td><td class=\"num bad\">1"))
			.isLessThan(dq.indexOf("UNKNOWN_KIND</span></td><td class=\"num bad\">4"));
		// per file, escaped names, sorted by path
		assertThat(dq).contains("<td class=\"path\">junk/&lt;img src=x onerror=alert(2)&gt;.csv</td><td>未识别</td>")
			.contains("<td class=\"path\">2025/考勤-3月.csv</td><td>学习考勤</td><td>UTF-8</td><td class=\"num\">10</td>"
					+ "<td class=\"num\">7</td><td class=\"num bad\">3</td><td class=\"num\">2</td><td></td>"
					+ "<td class=\"ok\">✓ 平衡</td>")
			.doesNotContain("<img src=x")
			.doesNotContain("data-search=\"units/units.csv\"");
		assertThat(dq.indexOf("2025/考勤-3月.csv")).isLessThan(dq.indexOf("junk/&lt;img"));
		// warnings of this run only
		assertThat(dq).contains("<td class=\"code\">P404</td><td class=\"num\">2</td>")
			.contains("<td class=\"code\">=P9</td>")
			.doesNotContain("OLDRUN");
		// skipped re-delivery with the file it repeats
		assertThat(dq).contains("<td class=\"path\">copy/units-again.csv</td><td class=\"path\">units/units.csv</td>"
				+ "<td class=\"num\">6</td>");
		// delivery matrix: months 2025-01..2025-03 (earliest event to as-of); B1 attendance in Jan and Mar
		assertThat(dq).contains("<th>2025-01</th><th>2025-02</th><th>2025-03</th></tr>")
			.doesNotContain("<th>2024-12</th>")
			.contains("<tr><td>学习考勤</td><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">1</td></tr>")
			.contains("<tr><td>学习培训</td><td class=\"num zero\">0</td><td class=\"num zero\">0</td><td class=\"num\">1</td></tr>")
			.contains("第一支部</a></td><td class=\"cell\">考</td><td class=\"cell none\">·</td><td class=\"cell\">考</td></tr>")
			.contains("机关党委</a></td><td class=\"cell none\">·</td><td class=\"cell none\">·</td><td class=\"cell\">训</td></tr>")
			.contains("<a href=\"data-quality/rejects.csv\">");
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void everyLinkIsRelativeAndLeadsToAFile(String vendor) throws IOException {
		TestDatabase db = TestDatabase.create(vendor);
		DashboardFixture.load(db);
		Path out = DashboardFixture.run(db, this.tmp.resolve("out"));
		List<String> broken = new ArrayList<>();
		int checked = 0;
		for (Path page : html(out)) {
			Matcher m = LINK.matcher(Files.readString(page));
			while (m.find()) {
				String link = m.group(1);
				assertThat(link).as(page + ": " + link).doesNotContain("://").doesNotStartWith("/").doesNotStartWith("//");
				if (link.endsWith("indicators.csv") || link.endsWith("data-quality/rejects.csv")) {
					continue; // written by other parts
				}
				if (link.startsWith("#")) {
					assertThat(Files.readString(page)).as(page + ": " + link).contains("id=\"" + link.substring(1) + "\"");
					continue;
				}
				Path target = page.getParent().resolve(java.net.URLDecoder.decode(link, java.nio.charset.StandardCharsets.UTF_8)).normalize();
				checked++;
				if (!target.startsWith(out) || !Files.isRegularFile(target)) {
					broken.add(out.relativize(page) + " -> " + link);
				}
			}
		}
		assertThat(broken).isEmpty();
		assertThat(checked).isGreaterThan(100);
	}

	static List<Path> html(Path out) throws IOException {
		try (Stream<Path> files = Files.walk(out)) {
			return files.filter((p) -> p.toString().endsWith(".html")).sorted().toList();
		}
	}

}
