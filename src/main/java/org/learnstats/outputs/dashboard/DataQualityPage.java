package org.learnstats.outputs.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.learnstats.indicators.DeliveryRecord;
import org.learnstats.indicators.DeliveryRecord.Status;
import org.learnstats.outputs.UnitKey;
import org.learnstats.outputs.dashboard.DataQuality.FileRow;
import org.learnstats.outputs.dashboard.DataQuality.RejectCount;
import org.learnstats.outputs.dashboard.DataQuality.Skip;
import org.learnstats.outputs.dashboard.DataQuality.WarningCount;
import org.learnstats.outputs.dashboard.DataQuality.WarningPerson;
import org.learnstats.store.OpenProblems.Problem;
import org.learnstats.store.UnitForest;
import org.learnstats.store.UnitForest.Unit;
import org.learnstats.vocabulary.Kind;
import org.learnstats.vocabulary.Period;
import org.learnstats.vocabulary.ReasonLabel;

/** The body of {@code data-quality.html}. */
final class DataQualityPage {

	static final int MONTHS = 12;

	private final DataQuality data;

	private final UnitForest forest;

	private final long runId;

	private final LocalDate asOf;

	private final List<Unit> treeOrder = new ArrayList<>();

	private final List<Integer> depths = new ArrayList<>();

	/** Open problems of every run and the delivery record by month; null when not loaded. */
	private final List<Problem> problems;

	private final DeliveryRecord record;

	DataQualityPage(DataQuality data, UnitForest forest, long runId, LocalDate asOf) {
		this(data, forest, runId, asOf, null, null);
	}

	DataQualityPage(DataQuality data, UnitForest forest, long runId, LocalDate asOf, List<Problem> problems,
			DeliveryRecord record) {
		this.problems = problems;
		this.record = record;
		this.data = data;
		this.forest = forest;
		this.runId = runId;
		this.asOf = asOf;
		Set<String> seen = new HashSet<>();
		forest.roots().forEach((r) -> order(r, 0, seen));
		forest.units().forEach((u) -> order(u, 0, seen));
	}

	private void order(Unit unit, int depth, Set<String> seen) {
		if (!seen.add(unit.code())) {
			return;
		}
		this.treeOrder.add(unit);
		this.depths.add(depth);
		this.forest.children(unit.code()).forEach((c) -> order(c, depth + 1, seen));
	}

	String body() {
		StringBuilder out = new StringBuilder(64 * 1024);
		out.append("<h1>数据质量</h1>\n<p class=\"sub\">本次运行（编号 ").append(this.runId)
			.append("）读取的送达文件、拒收与警告，以及库中各单位各月的报送情况。拒收的每一行见 ")
			.append("<a href=\"data-quality/rejects.csv\">拒收明细 rejects.csv</a>（含原始行内容）。</p>\n");
		summary(out);
		if (this.problems != null && this.record != null) {
			List<String> codes = new ArrayList<>(this.treeOrder.stream().map(Unit::code).toList());
			this.problems.forEach((p) -> codes.add(p.unitCode()));
			new OpenProblemsSection(this.problems, this.record, this.asOf, this::unitCell).render(out, unitOrder(codes));
		}
		rejects(out);
		files(out);
		warnings(out);
		skips(out);
		coverage(out);
		return out.toString();
	}

	private void summary(StringBuilder out) {
		long read = 0;
		long applied = 0;
		long rejected = 0;
		long quarantined = 0;
		for (FileRow f : this.data.files()) {
			read += f.read();
			applied += f.applied();
			rejected += f.rejected();
			if (f.fileReason() != null) {
				quarantined++;
			}
		}
		long warnings = this.data.warnings().stream().mapToLong(WarningCount::rows).sum();
		out.append("<div class=\"tiles\">");
		tile(out, "读取文件", this.data.files().size(), "");
		tile(out, "读取行", read, "");
		tile(out, "入库行", applied, "good");
		tile(out, "拒收行", rejected, (rejected > 0) ? "bad" : "good");
		tile(out, "整文件隔离", quarantined, (quarantined > 0) ? "bad" : "good");
		tile(out, "重复送达（已跳过）", this.data.skips().size(), "");
		tile(out, "未知人员警告", warnings, "");
		out.append("</div>\n");
		if (this.data.files().isEmpty() && this.data.skips().isEmpty()) {
			out.append("<p class=\"empty\">本次运行没有新送达的文件。</p>\n");
		}
	}

	private static void tile(StringBuilder out, String label, long n, String cls) {
		out.append("<div class=\"tile ").append(cls).append("\"><div class=\"n\">").append(n)
			.append("</div><div class=\"l\">").append(label).append("</div></div>");
	}

	/**
	 * This run's rejects as a list by unit: one row per unit and reason (reasons in spec order),
	 * with the rows rejected and the oldest open problem of that unit and reason, rather than a
	 * matrix of every reason, mostly zeros, that squeezes the unit names.
	 */
	private void rejects(StringBuilder out) {
		out.append("<h2>拒收汇总（按单位）</h2>\n");
		if (this.data.rejects().isEmpty()) {
			out.append("<p class=\"empty\">本次运行没有拒收记录。")
				.append((this.problems != null && this.problems.stream().anyMatch(Problem::open))
						? "历次运行中尚未解决的问题见上文“未解决的问题”。" : "")
				.append("</p>\n");
			return;
		}
		Map<String, Map<String, Long>> byUnit = new LinkedHashMap<>();
		// an empty unit column is no unit code, as in the open problems
		for (String unit : unitOrder(this.data.rejects().stream().map((c) -> code(c.unitCode())).toList())) {
			byUnit.put(unit, new TreeMap<>(
					Comparator.comparingInt(ReasonLabel::rank).thenComparing(Comparator.naturalOrder())));
		}
		for (RejectCount c : this.data.rejects()) {
			byUnit.get(code(c.unitCode())).merge(c.reason(), c.rows(), Long::sum);
		}
		out.append("<p class=\"note\">单位为拒收行中填写的单位代码；整文件隔离（文件级原因）按文件的全部行计数。")
			.append("“最早未解决”为该单位该原因历次运行中仍未解决的最早问题的发现日期。</p>\n")
			.append("<div class=\"wide\"><table class=\"compact\" id=\"rejects-by-unit\"><thead><tr><th>单位</th><th>原因</th>")
			.append("<th class=\"num\">拒收行</th><th>最早未解决</th></tr></thead><tbody>\n");
		long total = 0;
		for (Map.Entry<String, Map<String, Long>> e : byUnit.entrySet()) {
			Map<String, Long> reasons = e.getValue();
			boolean first = true;
			for (Map.Entry<String, Long> r : reasons.entrySet()) {
				out.append("<tr>");
				if (first) {
					out.append("<td").append((reasons.size() > 1) ? " rowspan=\"" + reasons.size() + "\"" : "")
						.append(">").append(unitCell(e.getKey())).append("</td>");
					first = false;
				}
				LocalDate oldest = oldestOpen(e.getKey(), r.getKey());
				out.append("<td>").append(Html.esc(Labels.reason(r.getKey()))).append(" <span class=\"code\">")
					.append(Html.esc(r.getKey())).append("</span></td><td class=\"num bad\">").append(r.getValue())
					.append("</td><td>").append((oldest != null) ? oldest + "（" + ChronoUnit.DAYS.between(oldest, this.asOf)
							+ " 天）" : "").append("</td></tr>\n");
				total += r.getValue();
			}
		}
		out.append("</tbody><tfoot><tr><th colspan=\"2\">合计</th><th class=\"num\">").append(total)
			.append("</th><th></th></tr></tfoot></table></div>\n");
	}

	private static String code(String unitCode) {
		return (unitCode == null || unitCode.isBlank()) ? null : unitCode;
	}

	/** The first day an open problem of a unit (null: none) and reason was seen, or null. */
	private LocalDate oldestOpen(String unit, String reason) {
		if (this.problems == null) {
			return null;
		}
		return this.problems.stream()
			.filter((p) -> p.open() && Objects.equals(code(p.unitCode()), unit) && p.reason().equals(reason)
					&& p.firstSeen() != null)
			.map(Problem::firstSeen).min(Comparator.naturalOrder()).orElse(null);
	}

	/** Unit codes in tree order, then codes not in the store, then "none" (null) last. */
	private List<String> unitOrder(List<String> codes) {
		Set<String> wanted = new HashSet<>(codes);
		List<String> ordered = new ArrayList<>();
		for (Unit u : this.treeOrder) {
			if (wanted.contains(u.code())) {
				ordered.add(u.code());
			}
		}
		codes.stream().filter((c) -> c != null && this.forest.get(c) == null).distinct().sorted().forEach(ordered::add);
		if (wanted.contains(null)) {
			ordered.add(null);
		}
		return ordered;
	}

	private String unitCell(String code) {
		if (code == null) {
			return "<span class=\"note\">（无单位代码：整文件问题或单位列为空）</span>";
		}
		Unit unit = this.forest.get(code);
		if (unit == null) {
			return "<span class=\"code\">" + Html.esc(code) + "</span> <span class=\"note\">（库中无此单位）</span>";
		}
		return "<a href=\"units/" + Html.href(UnitKey.of(code) + ".html") + "\">" + Html.esc(unit.name())
				+ "</a> <span class=\"code\">" + Html.esc(code) + "</span>";
	}

	private void files(StringBuilder out) {
		out.append("<h2>逐文件核对</h2>\n");
		if (this.data.files().isEmpty()) {
			out.append("<p class=\"empty\">本次运行没有读取新文件。</p>\n");
			return;
		}
		out.append("<p class=\"note\">每个文件：读取行 = 入库行 + 拒收行。整文件隔离的文件不入库任何一行。</p>\n")
			.append("<input class=\"filter\" type=\"search\" placeholder=\"按文件名筛选…\" data-filter=\"files\" aria-label=\"筛选文件\">\n")
			.append("<div class=\"wide\"><table id=\"files\"><thead><tr><th>文件（相对投递目录）</th><th>类型</th><th>编码</th>")
			.append("<th class=\"num\">读取</th><th class=\"num\">入库</th><th class=\"num\">拒收</th>")
			.append("<th class=\"num\">未知人员</th><th>整文件问题</th><th>核对</th></tr></thead><tbody>\n");
		for (FileRow f : this.data.files()) {
			boolean balanced = f.read() == f.applied() + f.rejected();
			out.append("<tr data-search=\"").append(Html.esc(f.path())).append("\"><td class=\"path\">")
				.append(Html.esc(f.path())).append("</td><td>").append(Html.esc(Labels.kind(f.kind())))
				.append("</td><td>").append(Html.esc((f.encoding() != null) ? f.encoding() : "")).append("</td>")
				.append("<td class=\"num\">").append(f.read()).append("</td><td class=\"num\">").append(f.applied())
				.append("</td><td class=\"num").append((f.rejected() > 0) ? " bad" : " zero").append("\">")
				.append(f.rejected()).append("</td><td class=\"num").append((f.unknownPersons() > 0) ? "" : " zero")
				.append("\">").append(f.unknownPersons()).append("</td><td>");
			if (f.fileReason() != null) {
				out.append("<span class=\"bad\">").append(Html.esc(Labels.reason(f.fileReason()))).append("</span> <span class=\"code\">")
					.append(Html.esc(f.fileReason())).append("</span>");
			}
			out.append("</td>").append(balanced ? "<td class=\"ok\">✓ 平衡</td>" : "<td class=\"bad\">✗ 不平衡</td>")
				.append("</tr>\n");
		}
		out.append("</tbody></table></div>\n");
	}

	private void warnings(StringBuilder out) {
		out.append("<h2>未知人员警告 <span class=\"code\">UNKNOWN_PERSON</span></h2>\n");
		if (this.data.warnings().isEmpty()) {
			out.append("<p class=\"empty\">本次运行没有未知人员警告。</p>\n");
			return;
		}
		out.append("<p class=\"note\">这些行已入库，但其人员编号不在人员名册中；在该人员出现在名册之前，按人员统计的指标不计入这些行。</p>\n")
			.append("<table class=\"compact\"><thead><tr><th>单位</th><th>数据类型</th><th class=\"num\">行数</th><th class=\"num\">人员数</th></tr></thead><tbody>\n");
		List<WarningCount> sorted = new ArrayList<>(this.data.warnings());
		Map<String, Integer> order = new HashMap<>();
		for (String code : unitOrder(sorted.stream().map(WarningCount::unitCode).toList())) {
			order.put(code, order.size());
		}
		sorted.sort(Comparator.<WarningCount>comparingInt((w) -> order.get(w.unitCode()))
			.thenComparing((w) -> kindIndex(w.kind())));
		for (WarningCount w : sorted) {
			out.append("<tr><td>").append(unitCell(w.unitCode())).append("</td><td>")
				.append(Html.esc(Labels.kind(w.kind()))).append("</td><td class=\"num\">").append(w.rows())
				.append("</td><td class=\"num\">").append(w.persons()).append("</td></tr>\n");
		}
		out.append("</tbody></table>\n<details><summary>查看不在名册中的人员编号（")
			.append(this.data.warningPeople().size()).append(this.data.warningPeopleTruncated() ? "+" : "")
			.append(" 个）</summary>\n<table class=\"compact\"><thead><tr><th>单位</th><th>人员编号</th><th class=\"num\">行数</th></tr></thead><tbody>\n");
		for (WarningPerson p : this.data.warningPeople()) {
			out.append("<tr><td>").append(unitCell(p.unitCode())).append("</td><td class=\"code\">")
				.append(Html.esc(p.personId())).append("</td><td class=\"num\">").append(p.rows()).append("</td></tr>\n");
		}
		out.append("</tbody></table>\n");
		if (this.data.warningPeopleTruncated()) {
			out.append("<p class=\"note\">仅列出前 ").append(DataQuality.MAX_WARNING_PEOPLE).append(" 个。</p>\n");
		}
		out.append("</details>\n");
	}

	private static int kindIndex(String kind) {
		return Kind.rank(kind);
	}

	private void skips(StringBuilder out) {
		out.append("<h2>重复送达（已跳过）</h2>\n");
		if (this.data.skips().isEmpty()) {
			out.append("<p class=\"empty\">本次运行没有重复送达的文件。</p>\n");
			return;
		}
		out.append("<p class=\"note\">内容与已读取过的文件完全相同（SHA-256 一致），不再读取。</p>\n")
			.append("<table><thead><tr><th>文件</th><th>与之相同的已读文件</th><th class=\"num\">首次读取的运行</th><th>SHA-256</th></tr></thead><tbody>\n");
		for (Skip s : this.data.skips()) {
			out.append("<tr><td class=\"path\">").append(Html.esc(s.path())).append("</td><td class=\"path\">")
				.append(Html.esc((s.originalPath() != null) ? s.originalPath() : "")).append("</td><td class=\"num\">")
				.append((s.originalRun() != null) ? s.originalRun().toString() : "").append("</td><td class=\"code\">")
				.append(Html.esc(s.sha256().substring(0, Math.min(12, s.sha256().length())))).append("…</td></tr>\n");
		}
		out.append("</tbody></table>\n");
	}

	/** The months shown: the last {@link #MONTHS} up to the as-of month, none before the earliest event. */
	List<String> months() {
		List<String> months = new ArrayList<>();
		Period p = Period.of(this.asOf, 'M');
		for (int i = 0; i < MONTHS; i++) {
			if (this.data.earliestMonth() == null || p.toString().compareTo(this.data.earliestMonth()) < 0) {
				break;
			}
			months.add(0, p.toString());
			p = p.previous();
		}
		return months;
	}

	private void coverage(StringBuilder out) {
		out.append("<h2>各单位报送情况（按业务日期所在月份）</h2>\n");
		List<String> months = months();
		if (months.isEmpty() || this.treeOrder.isEmpty()) {
			out.append("<p class=\"empty\">库中还没有业务数据。</p>\n");
			return;
		}
		out.append("<p class=\"note\">统计库中全部数据（不限本次运行）：某单位在某月有该类数据（如考勤的活动日期在该月），即视为已报送。显示最近 ")
			.append(months.size()).append(" 个月。</p>\n");
		out.append("<h3>报送单位数（共 ").append(this.treeOrder.size()).append(" 个单位）</h3>\n")
			.append("<div class=\"wide\"><table class=\"matrix compact\"><thead><tr><th>数据类型</th>");
		months.forEach((m) -> out.append("<th>").append(m).append("</th>"));
		out.append("</tr></thead><tbody>\n");
		for (Kind kind : Kind.events()) {
			out.append("<tr><td>").append(kind.chinese()).append("</td>");
			for (String m : months) {
				int n = 0;
				for (Unit u : this.treeOrder) {
					if (this.data.delivered(kind.code(), u.code(), m)) {
						n++;
					}
				}
				out.append("<td class=\"num").append((n == 0) ? " zero" : "").append("\">").append(n).append("</td>");
			}
			out.append("</tr>\n");
		}
		out.append("</tbody></table></div>\n");

		out.append("<h3>逐单位报送明细</h3>\n<p class=\"legend\">");
		for (Kind kind : Kind.events()) {
			out.append("<b>").append(kind.mark()).append("</b> = ").append(kind.chinese()).append("　");
		}
		out.append("· 表示该月没有任何数据");
		if (this.record != null) {
			out.append("　<b class=\"late\">迟</b> = 迟报（晚于次月 ").append(this.record.dueDay())
				.append(" 日送达）　<b class=\"bad\">缺</b> = 缺报（已过截止日仍无数据）");
		}
		out.append("</p>\n")
			.append("<input class=\"filter\" type=\"search\" placeholder=\"按单位名称或代码筛选…\" data-filter=\"coverage\" aria-label=\"筛选单位\">\n")
			.append("<div class=\"wide\"><table class=\"matrix compact\" id=\"coverage\"><thead><tr><th>单位</th>");
		months.forEach((m) -> out.append("<th>").append(m).append("</th>"));
		out.append("</tr></thead><tbody>\n");
		for (int i = 0; i < this.treeOrder.size(); i++) {
			Unit u = this.treeOrder.get(i);
			out.append("<tr data-search=\"").append(Html.esc(u.name() + " " + u.code())).append("\"><td style=\"padding-left:")
				.append(6 + 14 * Math.min(this.depths.get(i), 12)).append("px\"><a href=\"units/")
				.append(Html.href(UnitKey.of(u.code()) + ".html")).append("\">").append(Html.esc(u.name()))
				.append("</a></td>");
			for (String m : months) {
				StringBuilder marks = new StringBuilder();
				for (Kind kind : Kind.events()) {
					if (this.data.delivered(kind.code(), u.code(), m)) {
						marks.append(kind.mark());
					}
				}
				Status status = (this.record != null) ? this.record.status(u.code(), YearMonth.parse(m))
						: Status.NOT_EXPECTED;
				if (status == Status.MISSING) {
					out.append("<td class=\"cell missing\" title=\"缺报：截止 ").append(this.record.dueDate(YearMonth.parse(m)))
						.append(" 未收到该月数据\">缺</td>");
				}
				else if (status == Status.LATE) {
					out.append("<td class=\"cell late\" title=\"迟报：截止 ").append(this.record.dueDate(YearMonth.parse(m)))
						.append("，").append(this.record.arrived().get(u.code()).get(m)).append(" 收到\">").append(marks)
						.append("<b>迟</b></td>");
				}
				else {
					out.append((marks.length() == 0) ? "<td class=\"cell none\">·</td>"
							: "<td class=\"cell\">" + marks + "</td>");
				}
			}
			out.append("</tr>\n");
		}
		out.append("</tbody></table></div>\n");
	}

}
