package org.learnstats.outputs.dashboard;

import java.util.List;
import java.util.Map;

import org.learnstats.store.UnitForest.Unit;
import org.learnstats.vocabulary.Granularity;
import org.learnstats.vocabulary.Pace;

/**
 * The table of a unit's child units: per child, the targeted indicators missed in the latest
 * ended month, quarter and year, and those behind pace or out of reach in the running month,
 * quarter and year, each period in a column of its own (a month's count and a year's are not
 * added into one number).
 */
final class ChildrenTable {

	private static final char[] GRANULARITIES = { 'M', 'Q', 'Y' };

	private ChildrenTable() {
	}

	static void render(StringBuilder out, KeyIndicators keys, List<Unit> children, Map<String, Integer> subtreeSizes) {
		KeyIndicators.Tally[] heads = new KeyIndicators.Tally[3];
		for (int i = 0; i < 3; i++) {
			heads[i] = keys.tally(children.get(0).code(), GRANULARITIES[i]);
		}
		out.append("<h2 id=\"children\">下级单位</h2>\n<p class=\"note\">每格为一个下级单位（含其全部下属单位）在该期有目标的指标项数：")
			.append("未达标按最近已结束的月、季度、年度分列；").append(Pace.BEHIND.chinese()).append("、")
			.append(Pace.UNREACHABLE.chinese()).append("按进行中的本月、本季度、本年度分列；点击单位名称进入。</p>\n")
			.append("<div class=\"wide\"><table class=\"compact\" id=\"children-table\"><thead><tr>")
			.append("<th rowspan=\"2\">单位</th><th rowspan=\"2\">代码</th><th rowspan=\"2\">类型</th>")
			.append("<th class=\"num\" rowspan=\"2\">下属单位</th>")
			.append("<th colspan=\"3\">已结束期未达标项</th><th colspan=\"3\">本期").append(Pace.BEHIND.chinese())
			.append("项</th><th colspan=\"3\">本期").append(Pace.UNREACHABLE.chinese()).append("项</th></tr>\n<tr>");
		for (KeyIndicators.Tally t : heads) {
			Granularity g = t.ended().unit();
			// the latest ended period is the previous one, or the current one on its last day
			head(out, (t.running() != null) ? g.previous() : g.current(), t.ended().toString());
		}
		for (int pass = 0; pass < 2; pass++) {
			for (KeyIndicators.Tally t : heads) {
				Granularity g = (t.running() != null) ? t.running().unit() : t.ended().unit();
				head(out, g.current(), (t.running() != null) ? t.running().toString() : "已结束");
			}
		}
		out.append("</tr></thead><tbody>\n");
		for (Unit child : children) {
			KeyIndicators.Tally[] tallies = new KeyIndicators.Tally[3];
			for (int i = 0; i < 3; i++) {
				tallies[i] = keys.tally(child.code(), GRANULARITIES[i]);
			}
			out.append("<tr><td>").append(UnitPages.unitLink(child)).append("</td><td class=\"code\">")
				.append(Html.esc(child.code())).append("</td><td>").append(Html.esc(Labels.unitType(child.type())))
				.append("</td><td class=\"num\">").append(subtreeSizes.getOrDefault(child.code(), 1) - 1).append("</td>");
			for (KeyIndicators.Tally t : tallies) {
				out.append(count(t.endedMissed(), "bad"));
			}
			for (KeyIndicators.Tally t : tallies) {
				out.append(count(t.behind(), "warn"));
			}
			for (KeyIndicators.Tally t : tallies) {
				out.append(count(t.unreachable(), "bad"));
			}
			out.append("</tr>\n");
		}
		out.append("</tbody></table></div>\n");
	}

	private static void head(StringBuilder out, String word, String period) {
		out.append("<th class=\"num\" title=\"").append(Html.esc(period)).append("\">").append(Html.esc(word))
			.append("<br><span class=\"code\">").append(Html.esc(period)).append("</span></th>");
	}

	private static String count(int n, String style) {
		return "<td class=\"num" + ((n > 0) ? " " + style : "") + "\">" + n + "</td>";
	}

}
