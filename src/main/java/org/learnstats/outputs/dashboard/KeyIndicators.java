package org.learnstats.outputs.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.learnstats.indicators.IndicatorCatalog;
import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.outputs.dashboard.IndicatorValues.Value;
import org.learnstats.outputs.tables.TableFiles;
import org.learnstats.vocabulary.Granularity;
import org.learnstats.vocabulary.Period;

/**
 * A unit's indicators of the current month, quarter and year (the ones holding the as-of date)
 * against their goals, with the period before for comparison.
 */
final class KeyIndicators {

	/** One indicator of one granularity for one unit. */
	record Line(IndicatorDefinition indicator, Period period, Value current, Value previous) {

		Boolean met() {
			return this.indicator.meets((this.current != null) ? this.current.value() : null);
		}

		Boolean previousMet() {
			return this.indicator.meets((this.previous != null) ? this.previous.value() : null);
		}

		boolean empty() {
			return this.current == null && this.previous == null;
		}

	}

	private final IndicatorValues values;

	private final LocalDate asOf;

	KeyIndicators(IndicatorValues values, LocalDate asOf) {
		this.values = values;
		this.asOf = asOf;
	}

	List<Line> lines(String unitCode, char granularity) {
		Period period = IndicatorValues.current(this.asOf, granularity);
		List<Line> lines = new ArrayList<>();
		for (IndicatorDefinition indicator : IndicatorCatalog.ALL) {
			if (indicator.computedFor(granularity)) {
				lines.add(new Line(indicator, period, this.values.get(period, unitCode, indicator.id()),
						this.values.get(period.previous(), unitCode, indicator.id())));
			}
		}
		return lines;
	}

	/** How many indicators with a goal are met and missed in the current periods: {met, unmet}. */
	int[] tally(String unitCode) {
		int[] tally = new int[2];
		for (char g : "MQY".toCharArray()) {
			for (Line line : lines(unitCode, g)) {
				Boolean met = line.met();
				if (met != null) {
					tally[met ? 0 : 1]++;
				}
			}
		}
		return tally;
	}

	/** Summary tiles and one table per granularity; {@code base} leads back to the output folder. */
	String render(String unitCode, String base) {
		StringBuilder out = new StringBuilder();
		out.append("<div class=\"tiles\">");
		for (char g : "MQY".toCharArray()) {
			int met = 0;
			int unmet = 0;
			for (Line line : lines(unitCode, g)) {
				Boolean m = line.met();
				if (m != null) {
					if (m) {
						met++;
					}
					else {
						unmet++;
					}
				}
			}
			Period p = IndicatorValues.current(this.asOf, g);
			out.append("<div class=\"tile ").append((unmet > 0) ? "bad" : (met > 0) ? "good" : "").append("\">")
				.append("<div class=\"l\">").append(granularityName(g)).append(" · ").append(p.label()).append("</div>");
			if (met + unmet == 0) {
				out.append("<div class=\"n none\">暂无有目标的指标数据</div></div>");
				continue;
			}
			out.append("<div class=\"n\">").append((unmet == 0) ? "全部达标" : unmet + " 项未达标").append("</div>")
				.append("<div class=\"l\">有目标的 ").append(met + unmet).append(" 项中达标 ").append(met)
				.append(" 项</div></div>");
		}
		out.append("</div>\n");
		for (char g : "MQY".toCharArray()) {
			renderTable(out, unitCode, g, base);
		}
		return out.toString();
	}

	private void renderTable(StringBuilder out, String unitCode, char g, String base) {
		Period p = IndicatorValues.current(this.asOf, g);
		LocalDate end = p.next().first().minusDays(1);
		out.append("<h3>").append(granularityName(g)).append("指标 · ").append(p.label());
		if (end.isAfter(this.asOf)) {
			out.append(" <span class=\"tag\">进行中，截至 ").append(this.asOf).append("</span>");
		}
		out.append("</h3>\n");
		List<Line> shown = new ArrayList<>();
		int hidden = 0;
		for (Line line : lines(unitCode, g)) {
			if (line.empty()) {
				hidden++;
			}
			else {
				shown.add(line);
			}
		}
		if (shown.isEmpty()) {
			out.append("<p class=\"empty\">本期和上期均无数据。</p>\n");
			return;
		}
		out.append("<table class=\"ind\"><thead><tr><th>指标</th><th class=\"num\">本期 ").append(p)
			.append("</th><th class=\"num\">目标</th><th>本期是否达标</th><th class=\"num\">上期 ").append(p.previous())
			.append("</th><th>上期是否达标</th><th class=\"num\">较上期变化</th><th>表格</th></tr></thead><tbody>\n");
		for (Line line : shown) {
			IndicatorDefinition ind = line.indicator();
			out.append("<tr").append(ind.id().contains(".") ? " class=\"ind-sub\"" : "").append("><td>")
				.append(Html.esc(ind.label())).append("</td>");
			cellValue(out, ind, line.current());
			out.append("<td class=\"num\">").append(Formats.goal(ind)).append("</td><td>")
				.append(badge(line.met(), line.current() != null)).append("</td>");
			cellValue(out, ind, line.previous());
			out.append("<td>").append(badge(line.previousMet(), line.previous() != null)).append("</td>");
			var cur = (line.current() != null) ? line.current().value() : null;
			var prev = (line.previous() != null) ? line.previous().value() : null;
			int dir = Formats.direction(ind, cur, prev);
			out.append("<td class=\"num ").append((dir > 0) ? "up" : (dir < 0) ? "down" : "flat").append("\">")
				.append(Formats.change(ind, cur, prev)).append("</td>");
			out.append("<td><a href=\"").append(base).append(Html.href(TableFiles.xlsx(ind.id()).split("/")))
				.append("\" title=\"全部单位的").append(TableFiles.granularityLabel(g)).append("宽表 (XLSX)\">XLSX</a> · <a href=\"")
				.append(base).append(Html.href(TableFiles.csv(ind.id(), g).split("/")))
				.append("\" title=\"全部单位的").append(TableFiles.granularityLabel(g)).append("宽表 (CSV)\">CSV</a></td>");
			out.append("</tr>\n");
		}
		out.append("</tbody></table>\n");
		if (hidden > 0) {
			out.append("<p class=\"note\">另有 ").append(hidden)
				.append(" 项指标本期和上期均无数据（无统计对象，如本单位及下属单位没有相应人员或活动），未列出。</p>\n");
		}
	}

	private static void cellValue(StringBuilder out, IndicatorDefinition ind, Value value) {
		out.append("<td class=\"num\">").append(Formats.value(ind, (value != null) ? value.value() : null));
		String fraction = Formats.fraction(ind, value);
		if (!fraction.isEmpty()) {
			out.append("<span class=\"frac\">").append(fraction).append("</span>");
		}
		out.append("</td>");
	}

	static String badge(Boolean met, boolean hasValue) {
		if (!hasValue) {
			return "<span class=\"badge none\">无数据</span>";
		}
		if (met == null) {
			return "<span class=\"badge none\">无目标</span>";
		}
		return met ? "<span class=\"badge met\">✓ 达标</span>" : "<span class=\"badge unmet\">✗ 未达标</span>";
	}

	static String granularityName(char g) {
		return Granularity.of(g).current();
	}

}
