package org.learnstats.outputs.dashboard;

import java.util.ArrayList;
import java.util.List;

import org.learnstats.outputs.dashboard.KeyIndicators.Line;
import org.learnstats.outputs.dashboard.KeyIndicators.Tally;
import org.learnstats.store.UnitForest.Unit;
import org.learnstats.vocabulary.Granularity;
import org.learnstats.vocabulary.Pace;

/**
 * How the pace of running periods reads on the dashboard: badges, the summary tiles (misses of
 * the last ended period apart from the risks of the running one) and the headline sentence. The
 * words are the vocabulary's ({@link Pace}, {@link Granularity}).
 */
final class PaceView {

	private PaceView() {
	}

	/** The badge of a running period; {@code targeted}: the indicator has a goal or a pace target. */
	static String badge(Pace pace, boolean hasValue, boolean targeted) {
		if (pace == null) {
			if (!hasValue) {
				return "<span class=\"badge none\">无数据</span>";
			}
			return targeted ? "<span class=\"badge none\">进行中</span>" : "<span class=\"badge none\">无目标</span>";
		}
		return "<span class=\"badge " + pace.style() + "\">" + Html.esc(pace.chinese()) + "</span>";
	}

	/** "M 项进度落后、K 项已无法达标", or "进度全部正常"; empty when nothing is at risk and none is judged. */
	static String risks(Tally t) {
		List<String> parts = new ArrayList<>();
		if (t.behind() > 0) {
			parts.add(t.behind() + " 项" + Pace.BEHIND.chinese());
		}
		if (t.unreachable() > 0) {
			parts.add(t.unreachable() + " 项" + Pace.UNREACHABLE.chinese());
		}
		return parts.isEmpty() ? "进度全部正常" : String.join("、", parts);
	}

	static String misses(Tally t) {
		return (t.endedMissed() == 0) ? "全部达标" : t.endedMissed() + " 项未达标";
	}

	static String tile(Tally t) {
		StringBuilder out = new StringBuilder();
		Granularity g = t.ended().unit();
		if (t.running() == null) {
			int judged = t.endedMet() + t.endedMissed();
			out.append("<div class=\"tile ").append((t.endedMissed() > 0) ? "bad" : (judged > 0) ? "good" : "")
				.append("\"><div class=\"l\">").append(g.current()).append(" · ").append(t.ended().label())
				.append("</div>");
			if (judged == 0) {
				return out.append("<div class=\"n none\">暂无有目标的指标数据</div></div>").toString();
			}
			return out.append("<div class=\"n\">").append(misses(t)).append("</div><div class=\"l\">有目标的 ")
				.append(judged).append(" 项中达标 ").append(t.endedMet()).append(" 项</div></div>").toString();
		}
		String style = (t.unreachable() > 0) ? "bad" : (t.behind() > 0) ? "warn" : "good";
		out.append("<div class=\"tile ").append(style).append("\"><div class=\"l\">").append(g.current()).append(" · ")
			.append(t.running().label()).append(" · 进行中</div><div class=\"n\">").append(risks(t))
			.append("</div><div class=\"l\">").append(g.previous()).append(" ").append(t.ended().label()).append("：");
		if (t.endedMet() + t.endedMissed() == 0) {
			out.append("无有目标的指标数据");
		}
		else {
			out.append(misses(t)).append("（有目标的 ").append(t.endedMet() + t.endedMissed()).append(" 项）");
		}
		return out.append("</div></div>").toString();
	}

	/** "上季度 N 项未达标 · 本季度 M 项进度落后、K 项已无法达标", one part per granularity. */
	static String headline(List<Tally> tallies) {
		List<String> parts = new ArrayList<>();
		for (Tally t : tallies) {
			Granularity g = t.ended().unit();
			String ended = ((t.running() == null) ? g.current() : g.previous()) + " " + misses(t);
			parts.add((t.running() == null) ? ended : ended + " · " + g.current() + " " + risks(t));
		}
		return "<p class=\"headline\">" + Html.esc(String.join("；", parts)) + "</p>\n";
	}

	static String headline(KeyIndicators keys, String unitCode) {
		List<Tally> tallies = new ArrayList<>();
		for (char g : "MQY".toCharArray()) {
			tallies.add(keys.tally(unitCode, g));
		}
		return headline(tallies);
	}

	/** 需要关注: the child units behind pace or out of reach in a running period, with what. */
	static void attention(StringBuilder out, KeyIndicators keys, List<Unit> children) {
		out.append("<h2 id=\"attention\">需要关注</h2>\n");
		StringBuilder items = new StringBuilder();
		for (Unit child : children) {
			List<Line> lines = new ArrayList<>();
			for (char g : "MQY".toCharArray()) {
				lines.addAll(keys.lines(child.code(), g));
			}
			List<String> risks = atRisk(lines);
			if (!risks.isEmpty()) {
				items.append("<li>").append(UnitPages.unitLink(child)).append("：")
					.append(Html.esc(String.join("；", risks))).append("</li>\n");
			}
		}
		if (items.length() == 0) {
			out.append("<p class=\"note\" id=\"attention-none\">本期没有进度落后或已无法达标的下级单位。</p>\n");
		}
		else {
			out.append("<p class=\"note\">进行中的本月、本季度、本年度里进度落后或已无法达标的下级单位；"
					+ "无法达标的人员名单只在 restricted/ 中。</p>\n<ul class=\"attention\">\n")
				.append(items).append("</ul>\n");
		}
	}

	/**
	 * The indicators of a unit at risk in the running periods, those it can no longer reach first,
	 * as "本年度调研天数达标率（已无法达标）".
	 */
	static List<String> atRisk(List<Line> lines) {
		List<String> out = new ArrayList<>();
		for (Pace pace : List.of(Pace.UNREACHABLE, Pace.BEHIND)) {
			for (Line line : lines) {
				if (line.pace() == pace) {
					out.add(line.period().unit().current() + line.indicator().label() + "（" + pace.chinese() + "）");
				}
			}
		}
		return out;
	}

}
