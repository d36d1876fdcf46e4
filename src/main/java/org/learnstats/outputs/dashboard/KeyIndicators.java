package org.learnstats.outputs.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.learnstats.indicators.IndicatorCatalog;
import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.indicators.PaceRule;
import org.learnstats.indicators.PaceStates;
import org.learnstats.indicators.PaceTarget;
import org.learnstats.outputs.dashboard.IndicatorValues.Value;
import org.learnstats.outputs.tables.TableFiles;
import org.learnstats.vocabulary.Granularity;
import org.learnstats.vocabulary.Pace;
import org.learnstats.vocabulary.Period;

/**
 * A unit's indicators of the current month, quarter and year (the ones holding the as-of date)
 * against their goals, with the period before for comparison. A period that has not ended is
 * judged by its pace (indicators.PaceRule), never as "not met"; only ended periods are met or not.
 */
final class KeyIndicators {

	/**
	 * One indicator of one granularity for one unit.
	 *
	 * @param pace the state of a running period ({@code null} when it has ended or has no target)
	 */
	record Line(IndicatorDefinition indicator, Period period, Value current, Value previous, boolean running,
			Pace pace) {

		/** Met or not, for an ended period only; {@code null} while it runs. */
		Boolean met() {
			return this.running ? null : this.indicator.meets((this.current != null) ? this.current.value() : null);
		}

		Boolean previousMet() {
			return this.indicator.meets((this.previous != null) ? this.previous.value() : null);
		}

		boolean empty() {
			return this.current == null && this.previous == null;
		}

	}

	private final IndicatorValues values;

	private final PaceStates paces;

	private final LocalDate asOf;

	KeyIndicators(IndicatorValues values, PaceStates paces, LocalDate asOf) {
		this.values = values;
		this.paces = paces;
		this.asOf = asOf;
	}

	List<Line> lines(String unitCode, char granularity) {
		Period period = IndicatorValues.current(this.asOf, granularity);
		boolean running = !period.closedBy(this.asOf);
		List<Line> lines = new ArrayList<>();
		for (IndicatorDefinition indicator : IndicatorCatalog.ALL) {
			if (indicator.computedFor(granularity)) {
				Value current = this.values.get(period, unitCode, indicator.id());
				Pace pace = null;
				if (running) {
					pace = this.paces.of(unitCode, indicator.id(), granularity);
					if (pace == null && PaceTarget.of(indicator.id(), granularity) == null && current != null) {
						pace = PaceRule.soFar(indicator, current.value());
					}
				}
				lines.add(new Line(indicator, period, current,
						this.values.get(period.previous(), unitCode, indicator.id()), running, pace));
			}
		}
		return lines;
	}

	/** Misses of the latest ended period and risks of the running one, for one unit and granularity. */
	record Tally(Period ended, int endedMet, int endedMissed, Period running, int behind, int unreachable) {
	}

	Tally tally(String unitCode, char g) {
		List<Line> lines = lines(unitCode, g);
		Period current = IndicatorValues.current(this.asOf, g);
		boolean running = !current.closedBy(this.asOf);
		int met = 0;
		int missed = 0;
		int behind = 0;
		int unreachable = 0;
		for (Line line : lines) {
			Boolean m = running ? line.previousMet() : line.met();
			if (m != null) {
				met += m ? 1 : 0;
				missed += m ? 0 : 1;
			}
			behind += (line.pace() == Pace.BEHIND) ? 1 : 0;
			unreachable += (line.pace() == Pace.UNREACHABLE) ? 1 : 0;
		}
		return new Tally(running ? current.previous() : current, met, missed, running ? current : null, behind,
				unreachable);
	}

	/** Summary tiles and one table per granularity; {@code base} leads back to the output folder. */
	String render(String unitCode, String base) {
		StringBuilder out = new StringBuilder();
		out.append("<div class=\"tiles\">");
		for (char g : "MQY".toCharArray()) {
			out.append(PaceView.tile(tally(unitCode, g)));
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
			.append("</th><th class=\"num\">目标</th><th>").append(p.closedBy(this.asOf) ? "本期是否达标" : "本期进度").append("</th><th class=\"num\">上期 ").append(p.previous())
			.append("</th><th>上期是否达标</th><th class=\"num\">较上期变化</th><th>表格</th></tr></thead><tbody>\n");
		for (Line line : shown) {
			IndicatorDefinition ind = line.indicator();
			out.append("<tr").append(ind.id().contains(".") ? " class=\"ind-sub\"" : "").append("><td>")
				.append(Html.esc(ind.label())).append("</td>");
			cellValue(out, ind, line.current());
			out.append("<td class=\"num\">").append(Formats.goal(ind)).append("</td><td>")
				.append(line.running() ? PaceView.badge(line.pace(), line.current() != null,
						ind.goal() != null || PaceTarget.of(ind.id(), g) != null)
						: badge(line.met(), line.current() != null))
				.append("</td>");
			cellValue(out, ind, line.previous());
			out.append("<td>").append(badge(line.previousMet(), line.previous() != null)).append("</td>");
			var cur = (line.current() != null) ? line.current().value() : null;
			var prev = (line.previous() != null) ? line.previous().value() : null;
			if (line.running() && PaceTarget.of(ind.id(), g) != null) {
				// a total so far against a whole period's: no change to show until it ends
				out.append("<td class=\"num flat\" title=\"本期未结束，按进度判断\">—</td>");
			}
			else {
				int dir = Formats.direction(ind, cur, prev);
				out.append("<td class=\"num ").append((dir > 0) ? "up" : (dir < 0) ? "down" : "flat").append("\">")
					.append(Formats.change(ind, cur, prev)).append("</td>");
			}
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
