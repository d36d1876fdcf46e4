package org.learnstats.outputs.dashboard;

import java.util.ArrayList;
import java.util.List;

import org.learnstats.outputs.dashboard.KeyIndicators.Badge;
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
	static Badge badge(Pace pace, boolean hasValue, boolean targeted) {
		if (pace == null) {
			if (!hasValue) {
				return new Badge("none", "无数据");
			}
			return new Badge("none", targeted ? "进行中" : "无目标");
		}
		return new Badge(pace.style(), pace.chinese());
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

	/**
	 * A summary tile of one granularity.
	 * @param n its figure; {@code none}: there is nothing to judge
	 * @param foot the line under the figure (null: none)
	 */
	record Tile(String style, String label, String n, boolean none, String foot) {
	}

	static Tile tile(Tally t) {
		Granularity g = t.ended().unit();
		int judged = t.endedMet() + t.endedMissed();
		if (t.running() == null) {
			String label = g.current() + " · " + t.ended().label();
			String style = (t.endedMissed() > 0) ? "bad" : (judged > 0) ? "good" : "";
			if (judged == 0) {
				return new Tile(style, label, "暂无有目标的指标数据", true, null);
			}
			return new Tile(style, label, misses(t), false, "有目标的 " + judged + " 项中达标 " + t.endedMet() + " 项");
		}
		String style = (t.unreachable() > 0) ? "bad" : (t.behind() > 0) ? "warn" : "good";
		return new Tile(style, g.current() + " · " + t.running().label() + " · 进行中", risks(t), false,
				g.previous() + " " + t.ended().label() + "："
						+ ((judged == 0) ? "无有目标的指标数据" : misses(t) + "（有目标的 " + judged + " 项）"));
	}

	/** "上季度 N 项未达标 · 本季度 M 项进度落后、K 项已无法达标", one part per granularity. */
	static String headline(List<Tally> tallies) {
		List<String> parts = new ArrayList<>();
		for (Tally t : tallies) {
			Granularity g = t.ended().unit();
			String ended = ((t.running() == null) ? g.current() : g.previous()) + " " + misses(t);
			parts.add((t.running() == null) ? ended : ended + " · " + g.current() + " " + risks(t));
		}
		return String.join("；", parts);
	}

	/** 需要关注 ({@code attention.jte}): the child units at risk, with what, in the children's order. */
	record Attention(List<AtRisk> units) {
	}

	/** A child unit at risk and its risks, as "本年度调研天数达标率（已无法达标）；…". */
	record AtRisk(UnitLink link, String risks) {
	}

	/** The child units behind pace or out of reach in a running period. */
	static Attention attention(KeyIndicators keys, List<Unit> children) {
		List<AtRisk> units = new ArrayList<>();
		for (Unit child : children) {
			List<Line> lines = new ArrayList<>();
			for (char g : "MQY".toCharArray()) {
				lines.addAll(keys.lines(child.code(), g));
			}
			List<String> risks = atRisk(lines);
			if (!risks.isEmpty()) {
				units.add(new AtRisk(UnitLink.of(child), String.join("；", risks)));
			}
		}
		return new Attention(units);
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
