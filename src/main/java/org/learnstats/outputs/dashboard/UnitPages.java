package org.learnstats.outputs.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.learnstats.indicators.IndicatorCatalog;
import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.indicators.PaceStates;
import org.learnstats.outputs.UnitKey;
import org.learnstats.outputs.dashboard.ChartManifest.Chart;
import org.learnstats.outputs.dashboard.Layout.Nav;
import org.learnstats.outputs.tables.TableFiles;
import org.learnstats.store.UnitForest;
import org.learnstats.store.UnitForest.Unit;

/** Writes {@code index.html} and {@code units/<key>.html} for every unit, from data loaded once. */
final class UnitPages {

	/** The folder of the unit pages, inside the output folder. */
	static final String DIR = "units";

	private final UnitForest forest;

	private final KeyIndicators keys;

	private final Layout layout;

	private final Path outDir;

	private final Map<String, Integer> subtreeSizes = new HashMap<>();

	private final Map<String, Integer> tableRows = new HashMap<>();

	UnitPages(UnitForest forest, IndicatorValues values, PaceStates paces, LocalDate asOf, Layout layout, Path outDir) {
		this.forest = forest;
		this.keys = new KeyIndicators(values, paces, asOf);
		this.layout = layout;
		this.outDir = outDir;
		Set<String> seen = new HashSet<>();
		for (Unit root : forest.roots()) {
			size(root, seen);
		}
	}

	/** Subtree sizes and table rows (header is row 1) in the tree order of the wide tables. */
	private int size(Unit unit, Set<String> seen) {
		if (!seen.add(unit.code())) {
			return 0;
		}
		this.tableRows.put(unit.code(), this.tableRows.size() + 2);
		int size = 1;
		for (Unit child : this.forest.children(unit.code())) {
			size += size(child, seen);
		}
		this.subtreeSizes.put(unit.code(), size);
		return size;
	}

	/** HTML shown under the overview's heading (the delivery notice); empty by default. */
	private String notice = "";

	void notice(String html) {
		this.notice = html;
	}

	void writeIndex() throws IOException {
		StringBuilder body = new StringBuilder(64 * 1024);
		body.append("<div class=\"split\">\n<aside class=\"side\">\n<h2>单位导航</h2>\n")
			.append("<input class=\"filter\" type=\"search\" placeholder=\"按单位名称或代码筛选…\" data-filter=\"unit-tree\" aria-label=\"筛选单位\">\n")
			.append("<ul class=\"tree\" id=\"unit-tree\">\n");
		for (Unit root : this.forest.roots()) {
			tree(body, root, 0);
		}
		body.append("</ul>\n");
		if (this.forest.roots().isEmpty()) {
			body.append("<p class=\"empty\">库中还没有单位。</p>");
		}
		body.append("</aside>\n<section>\n<h1>总览</h1>\n")
			.append("<p class=\"sub\">各顶级单位（含全部下属单位）本月、本季度、本年度的关键指标与目标对比，并与上一期比较。点击左侧单位查看其详情、图表和表格。</p>\n")
			.append(this.notice);
		for (Unit root : this.forest.roots()) {
			body.append("<h2><a href=\"units/").append(Html.href(UnitKey.of(root.code()) + ".html")).append("\">")
				.append(Html.esc(root.name())).append("</a> <span class=\"code\">").append(Html.esc(root.code()))
				.append("</span> <span class=\"tag\">").append(Html.esc(Labels.unitType(root.type())))
				.append("</span> <span class=\"tag\">共 ").append(this.subtreeSizes.getOrDefault(root.code(), 1))
				.append(" 个单位</span></h2>\n");
			body.append(headline(root.code())).append(this.keys.render(root.code(), ""));
		}
		if (this.forest.roots().isEmpty()) {
			body.append("<p class=\"empty\">暂无数据：请先投递单位名册和业务数据。</p>\n");
		}
		body.append("</section>\n</div>\n");
		write(this.outDir.resolve("index.html"), this.layout.page("总览", "", Nav.INDEX, body));
	}

	private void tree(StringBuilder out, Unit unit, int depth) {
		List<Unit> children = this.forest.children(unit.code());
		out.append("<li data-search=\"").append(Html.esc(unit.name() + " " + unit.code())).append("\">");
		String link = "<a href=\"units/" + Html.href(UnitKey.of(unit.code()) + ".html") + "\">" + Html.esc(unit.name())
				+ "</a>";
		if (children.isEmpty() || depth > 200) {
			out.append("<span class=\"leaf\">").append(link).append("</span></li>\n");
			return;
		}
		String open = (depth == 0) ? " open data-open" : "";
		// the link beside the summary, not in it: a link inside the control that opens the branch is
		// a control within a control (nested-interactive), which keyboards and screen readers skip
		out.append("<span class=\"node\">").append(link).append("<span class=\"count\" title=\"全部下属单位数\">")
			.append(this.subtreeSizes.getOrDefault(unit.code(), 1) - 1).append("</span></span><details").append(open)
			.append("><summary><span class=\"sr\">").append(Html.esc(unit.name())).append(" 的下级单位</span></summary><ul>\n");
		for (Unit child : children) {
			tree(out, child, depth + 1);
		}
		out.append("</ul></details></li>\n");
	}

	void writeUnits() throws IOException {
		Path dir = Files.createDirectories(this.outDir.resolve(DIR));
		for (Unit unit : this.forest.units()) {
			write(dir.resolve(UnitKey.of(unit.code()) + ".html"),
					this.layout.page(unit.name(), "../", Nav.UNIT, unitBody(unit)));
		}
	}

	private String unitBody(Unit unit) {
		StringBuilder out = new StringBuilder(16 * 1024);
		out.append("<nav class=\"crumbs\" aria-label=\"当前位置\"><a href=\"../index.html\">总览</a>");
		List<Unit> path = this.forest.path(unit.code());
		for (Unit step : path) {
			out.append("<span class=\"sep\" aria-hidden=\"true\">›</span>");
			if (step.code().equals(unit.code())) {
				out.append("<span>").append(Html.esc(step.name())).append("</span>");
			}
			else {
				out.append(unitLink(step));
			}
		}
		out.append("</nav>\n<h1>").append(Html.esc(unit.name())).append(" <span class=\"tag\">")
			.append(Html.esc(Labels.unitType(unit.type()))).append("</span></h1>\n");
		List<Unit> children = this.forest.children(unit.code());
		int size = this.subtreeSizes.getOrDefault(unit.code(), 1);
		out.append("<p class=\"sub\">单位代码 <span class=\"code\">").append(Html.esc(unit.code())).append("</span> · ");
		if (children.isEmpty()) {
			out.append("无下级单位</p>\n");
		}
		else {
			out.append("直属下级 ").append(children.size()).append(" 个 · 全部下属单位 ").append(size - 1)
				.append(" 个 · 以下指标均按本单位及全部下属单位统计</p>\n");
		}

		out.append("<nav class=\"jump\"><a href=\"#key\">关键指标</a>");
		if (!children.isEmpty()) {
			out.append("<a href=\"#attention\">需要关注</a>");
		}
		out.append("<a href=\"#charts\">图表</a>");
		if (!children.isEmpty()) {
			out.append("<a href=\"#children\">下级单位（").append(children.size()).append("）</a>");
		}
		out.append("<a href=\"#tables\">表格下载</a></nav>\n");
		out.append("<h2 id=\"key\">关键指标</h2>\n").append(headline(unit.code()))
			.append(this.keys.render(unit.code(), "../"));
		if (!children.isEmpty()) {
			attention(out, children);
		}

		out.append("<h2 id=\"charts\">图表</h2>\n");
		List<Chart> charts = ChartManifest.read(this.outDir, unit.code());
		if (charts.isEmpty()) {
			out.append("<p class=\"empty\" id=\"no-charts\">本单位暂无图表。</p>\n");
		}
		else {
			String key = UnitKey.of(unit.code());
			out.append("<div class=\"charts\">\n");
			for (Chart chart : charts) {
				String png = "../" + Html.href("charts", key, chart.file() + ".png");
				String svg = "../" + Html.href("charts", key, chart.file() + ".svg");
				// the picture links to itself at full size: a click enlarges it
				out.append("<figure class=\"chart\"><a class=\"zoom\" href=\"").append(png)
					.append("\" title=\"点击查看原图\"><img src=\"").append(png).append("\" alt=\"")
					.append(Html.esc(chart.title())).append("\" loading=\"lazy\"></a>")
					.append("<figcaption><span>").append(Html.esc(chart.title())).append("</span><span><a href=\"")
					.append(png).append("\">原图</a> · <a href=\"").append(svg)
					.append("\">矢量图 SVG</a></span></figcaption></figure>\n");
			}
			out.append("</div>\n");
		}

		if (!children.isEmpty()) {
			ChildrenTable.render(out, this.keys, children, this.subtreeSizes);
		}

		out.append("<h2 id=\"tables\">表格下载</h2>\n<p class=\"note\">每张宽表列出全部单位（行）在各期（列）的数值");
		Integer row = this.tableRows.get(unit.code());
		if (row != null) {
			out.append("，本单位位于第 ").append(row).append(" 行");
		}
		out.append("。</p>\n<table class=\"compact\"><thead><tr><th>指标</th><th>月度</th><th>季度</th><th>年度</th><th>Excel 工作簿</th></tr></thead><tbody>\n");
		for (IndicatorDefinition ind : IndicatorCatalog.ALL) {
			out.append("<tr><td>").append(Html.esc(ind.label())).append(" <span class=\"code\">")
				.append(Html.esc(ind.id())).append("</span></td>");
			for (char g : "MQY".toCharArray()) {
				out.append("<td>");
				if (ind.computedFor(g)) {
					out.append("<a href=\"../").append(Html.href(TableFiles.csv(ind.id(), g).split("/")))
						.append("\">CSV</a>");
				}
				out.append("</td>");
			}
			out.append("<td><a href=\"../").append(Html.href(TableFiles.xlsx(ind.id()).split("/")))
				.append("\">XLSX</a></td></tr>\n");
		}
		out.append("</tbody></table>\n");
		return out.toString();
	}

	private String headline(String unitCode) {
		return PaceView.headline(this.keys, unitCode);
	}

	private void attention(StringBuilder out, List<Unit> children) {
		PaceView.attention(out, this.keys, children);
	}

	static String unitLink(Unit unit) {
		return "<a href=\"" + Html.href(UnitKey.of(unit.code()) + ".html") + "\">" + Html.esc(unit.name()) + "</a>";
	}

	static void write(Path file, String html) throws IOException {
		Files.writeString(file, html, StandardCharsets.UTF_8);
	}

}
