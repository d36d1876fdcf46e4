package org.learnstats.outputs.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.learnstats.indicators.DeliveryRecord;
import org.learnstats.indicators.DeliveryRecord.Status;
import org.learnstats.store.OpenProblems.Problem;
import org.learnstats.vocabulary.ReasonLabel;

/**
 * The data-quality page's view of every run: the open problems per unit (how many, the oldest,
 * which reasons, the problems themselves), each unit's last months of reject rate and on-time
 * delivery, and the problems closed in the last {@link #CLOSED_DAYS} days.
 */
final class OpenProblemsSection {

	static final int CLOSED_DAYS = 30;

	/** Problems listed per unit on the page; the rest are in open.csv. */
	static final int LISTED = 20;

	private final List<Problem> problems;

	private final DeliveryRecord record;

	private final LocalDate asOf;

	private final Function<String, String> unitCell;

	/**
	 * @param problems the open problems and those closed since the window's start
	 * @param unitOrder unit codes in the page's order (null = no unit last)
	 * @param unitCell the HTML naming a unit code
	 */
	OpenProblemsSection(List<Problem> problems, DeliveryRecord record, LocalDate asOf,
			Function<String, String> unitCell) {
		this.problems = problems;
		this.record = record;
		this.asOf = asOf;
		this.unitCell = unitCell;
	}

	void render(StringBuilder out, List<String> unitOrder) {
		List<Problem> open = this.problems.stream().filter(Problem::open).toList();
		List<Problem> closed = this.problems.stream().filter((p) -> p.closedRun() != null && !p.accepted()).toList();
		Map<String, List<Problem>> byUnit = new LinkedHashMap<>();
		unitOrder.forEach((u) -> byUnit.put(u, new ArrayList<>()));
		open.forEach((p) -> byUnit.computeIfAbsent(p.unitCode(), (k) -> new ArrayList<>()).add(p));
		out.append("<h2 id=\"open\">未解决的问题（历次运行累计）</h2>\n<p class=\"note\">拒收的行在同一记录（相同主键）被后来的送达更正后解决；")
			.append("整文件隔离在同一投递目录后来送达可识别的文件后解决；运维人员也可在接受清单中标记为接受。")
			.append("完整清单见 <a href=\"data-quality/open.csv\">open.csv</a>。上月数据截止日为每月 ")
			.append(this.record.dueDay()).append(" 日。</p>\n<div class=\"tiles\">");
		tile(out, "未解决问题", open.size(), open.isEmpty() ? "good" : "bad");
		tile(out, "涉及单位", byUnit.values().stream().filter((l) -> !l.isEmpty()).count(), "");
		tile(out, "近 " + CLOSED_DAYS + " 天已解决", closed.stream()
			.filter((p) -> !p.closedOn().isBefore(this.asOf.minusDays(CLOSED_DAYS))).count(), "good");
		out.append("</div>\n");
		perUnit(out, byUnit);
		closed(out, closed);
	}

	private void perUnit(StringBuilder out, Map<String, List<Problem>> byUnit) {
		List<YearMonth> months = new ArrayList<>();
		for (int i = DeliveryRecord.HISTORY_MONTHS - 1; i >= 0; i--) {
			months.add(YearMonth.from(this.asOf).minusMonths(i));
		}
		out.append("<h3>按单位</h3>\n<p class=\"legend\">近 ").append(months.size())
			.append(" 个月每格：该月收到的送达中拒收行所占比例 · 该月业务数据按期报送 <b class=\"ok\">✓</b>、迟报 <b class=\"late\">迟</b>、缺报 <b class=\"bad\">缺</b>、未到期 …</p>\n")
			.append("<div class=\"wide\"><table class=\"compact\" id=\"open-units\"><thead><tr><th>单位</th><th class=\"num\">未解决</th><th>最早发现</th><th>原因</th>");
		months.forEach((m) -> out.append("<th>").append(m).append("</th>"));
		out.append("</tr></thead><tbody>\n");
		int quiet = 0;
		for (Map.Entry<String, List<Problem>> e : byUnit.entrySet()) {
			String unit = e.getKey();
			List<Problem> list = e.getValue();
			StringBuilder history = new StringBuilder();
			boolean eventful = !list.isEmpty();
			for (YearMonth m : months) {
				Double rate = (unit != null) ? this.record.rejectRate(unit, m) : null;
				Status status = (unit != null) ? this.record.status(unit, m) : Status.NOT_EXPECTED;
				eventful |= (rate != null && rate > 0) || status == Status.LATE || status == Status.MISSING;
				history.append("<td class=\"hist\">").append((rate == null) ? "" : percent(rate)).append(' ')
					.append(mark(status)).append("</td>");
			}
			if (!eventful) {
				quiet++;
				continue;
			}
			out.append("<tr><td>").append(this.unitCell.apply(unit)).append("</td><td class=\"num")
				.append(list.isEmpty() ? " zero" : " bad").append("\">").append(list.size()).append("</td><td>");
			Problem oldest = list.stream().filter((p) -> p.firstSeen() != null)
				.min(Comparator.comparing(Problem::firstSeen)).orElse(null);
			if (oldest != null) {
				out.append(oldest.firstSeen()).append("（").append(ChronoUnit.DAYS.between(oldest.firstSeen(), this.asOf))
					.append(" 天）");
			}
			out.append("</td><td>").append(reasons(list));
			details(out, list);
			out.append("</td>").append(history).append("</tr>\n");
		}
		out.append("</tbody></table></div>\n");
		if (quiet > 0) {
			out.append("<p class=\"note\">其余 ").append(quiet).append(" 个单位没有未解决的问题，近 ").append(months.size())
				.append(" 个月没有拒收、迟报或缺报。</p>\n");
		}
	}

	private static String reasons(List<Problem> list) {
		Map<String, Integer> counts = new TreeMap<>(
				Comparator.comparingInt(ReasonLabel::rank).thenComparing(Comparator.naturalOrder()));
		list.forEach((p) -> counts.merge(p.reason(), 1, Integer::sum));
		StringBuilder s = new StringBuilder();
		counts.forEach((r, n) -> s.append((s.length() == 0) ? "" : "、").append(Html.esc(Labels.reason(r)))
			.append(" <span class=\"code\">").append(Html.esc(r)).append("</span> ").append(n));
		return s.toString();
	}

	private void details(StringBuilder out, List<Problem> list) {
		if (list.isEmpty()) {
			return;
		}
		out.append("<details><summary>查看</summary><ul class=\"problems\">");
		for (Problem p : list.subList(0, Math.min(LISTED, list.size()))) {
			out.append("<li><span class=\"path\">").append(Html.esc(p.file())).append("</span>")
				.append((p.line() != null) ? " 第 " + p.line() + " 行" : " 整个文件").append("：")
				.append(Html.esc(Labels.reason(p.reason()))).append(" <span class=\"code\">")
				.append(Html.esc((p.detail() != null) ? p.detail() : "")).append("</span></li>");
		}
		if (list.size() > LISTED) {
			out.append("<li>…… 另有 ").append(list.size() - LISTED).append(" 个，见 open.csv</li>");
		}
		out.append("</ul></details>");
	}

	private void closed(StringBuilder out, List<Problem> closed) {
		out.append("<h3>近 ").append(CLOSED_DAYS).append(" 天已解决</h3>\n");
		List<Problem> recent = closed.stream().filter((p) -> !p.closedOn().isBefore(this.asOf.minusDays(CLOSED_DAYS)))
			.sorted(Comparator.comparing(Problem::closedOn).reversed()).toList();
		if (recent.isEmpty()) {
			out.append("<p class=\"empty\">近 ").append(CLOSED_DAYS).append(" 天没有问题被更正。</p>\n");
			return;
		}
		out.append("<div class=\"wide\"><table class=\"compact\"><thead><tr><th>单位</th><th>文件</th><th class=\"num\">行</th>")
			.append("<th>原因</th><th>首次发现</th><th>解决日期</th><th class=\"num\">历时（天）</th></tr></thead><tbody>\n");
		for (Problem p : recent) {
			out.append("<tr><td>").append(this.unitCell.apply(p.unitCode())).append("</td><td class=\"path\">")
				.append(Html.esc(p.file())).append("</td><td class=\"num\">").append((p.line() != null) ? p.line() : "")
				.append("</td><td>").append(Html.esc(Labels.reason(p.reason()))).append("</td><td>")
				.append((p.firstSeen() != null) ? p.firstSeen() : "").append("</td><td>").append(p.closedOn())
				.append("</td><td class=\"num\">")
				.append((p.firstSeen() != null) ? ChronoUnit.DAYS.between(p.firstSeen(), p.closedOn()) : "")
				.append("</td></tr>\n");
		}
		out.append("</tbody></table></div>\n");
	}

	/** The glyph of a month's delivery status in the history and the coverage grid. */
	static String mark(Status status) {
		return switch (status) {
			case ON_TIME -> "<b class=\"ok\" title=\"按期报送\">✓</b>";
			case DELIVERED -> "<b class=\"ok\" title=\"已报送（早于本台账，到达日期不详）\">✓</b>";
			case LATE -> "<b class=\"late\" title=\"迟报\">迟</b>";
			case MISSING -> "<b class=\"bad\" title=\"缺报\">缺</b>";
			case PENDING -> "<span class=\"note\" title=\"未到截止日\">…</span>";
			case NOT_EXPECTED -> "";
		};
	}

	private static String percent(double rate) {
		return String.format(java.util.Locale.ROOT, "%.1f%%", rate * 100);
	}

	private static void tile(StringBuilder out, String label, long n, String cls) {
		out.append("<div class=\"tile ").append(cls).append("\"><div class=\"n\">").append(n)
			.append("</div><div class=\"l\">").append(Html.esc(label)).append("</div></div>");
	}

}
