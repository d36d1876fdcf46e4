package org.learnstats.outputs.dashboard;

import java.time.LocalDate;
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
import org.learnstats.outputs.dashboard.DataQuality.FileRow;
import org.learnstats.outputs.dashboard.DataQuality.RejectCount;
import org.learnstats.outputs.dashboard.DataQuality.WarningCount;
import org.learnstats.store.OpenProblems.Problem;
import org.learnstats.store.UnitForest;
import org.learnstats.store.UnitForest.Unit;
import org.learnstats.vocabulary.Kind;
import org.learnstats.vocabulary.ReasonLabel;

/** What {@code data-quality.html} shows, as records for {@code dataQuality.jte}. */
final class DataQualityPage {

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

	/**
	 * What {@code dataQuality.jte} shows.
	 * @param nothingNew this run read no file and skipped none
	 * @param open the open problems of every run (null when not loaded)
	 * @param coverage the delivery grid (null: no business data yet)
	 */
	record View(long runId, List<Figure> tiles, boolean nothingNew, OpenProblemsSection.View open, Rejects rejects,
			List<FileLine> files, Warnings warnings, List<SkipLine> skips, Coverage.View coverage) {
	}

	/** A tile: a number, what it counts and its style (good, bad or ""). */
	record Figure(String label, long n, String style) {
	}

	/** A unit named on the page: linked when it is in the store; code null: no unit code. */
	record UnitCell(String code, UnitLink link) {
	}

	/** This run's rejects by unit and reason; {@code anyOpen}: problems of earlier runs are open. */
	record Rejects(boolean anyOpen, List<RejectLine> lines, long total) {
	}

	/**
	 * A unit's rows rejected for a reason; the unit is named on its first line only (null on the
	 * others), spanning {@code span} lines. {@code oldest}: the oldest open problem ("" for none).
	 */
	record RejectLine(UnitCell unit, int span, String label, String code, long rows, String oldest) {
	}

	/** A file read by this run; {@code reason}: why it was quarantined whole (null: it was not). */
	record FileLine(String path, String kind, String encoding, long read, long applied, long rejected,
			long unknownPersons, String reasonLabel, String reason) {

		/** Read rows = applied + rejected. */
		boolean balanced() {
			return this.read == this.applied + this.rejected;
		}

	}

	/** The UNKNOWN_PERSON warnings per unit and kind, and the person ids (truncated: more than listed). */
	record Warnings(List<WarningLine> counts, List<PersonLine> people, boolean truncated) {
	}

	record WarningLine(UnitCell unit, String kind, long rows, long persons) {
	}

	record PersonLine(UnitCell unit, String personId, long rows) {
	}

	/** A skipped re-delivery and the file it repeats ("" where unknown), with its digest's start. */
	record SkipLine(String path, String originalPath, String originalRun, String sha256) {
	}

	View view() {
		OpenProblemsSection.View open = null;
		if (this.problems != null && this.record != null) {
			List<String> codes = new ArrayList<>(this.treeOrder.stream().map(Unit::code).toList());
			this.problems.forEach((p) -> codes.add(p.unitCode()));
			open = new OpenProblemsSection(this.problems, this.record, this.asOf, this::unitCell).view(unitOrder(codes));
		}
		return new View(this.runId, tiles(), this.data.files().isEmpty() && this.data.skips().isEmpty(), open,
				rejects(), files(), warnings(), skips(), new Coverage(this.data, this.record, this.treeOrder, this.depths,
						this.asOf).view());
	}

	private List<Figure> tiles() {
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
		return List.of(new Figure("读取文件", this.data.files().size(), ""), new Figure("读取行", read, ""),
				new Figure("入库行", applied, "good"), new Figure("拒收行", rejected, (rejected > 0) ? "bad" : "good"),
				new Figure("整文件隔离", quarantined, (quarantined > 0) ? "bad" : "good"),
				new Figure("重复送达（已跳过）", this.data.skips().size(), ""), new Figure("未知人员警告", warnings, ""));
	}

	/**
	 * This run's rejects as a list by unit: one row per unit and reason (reasons in spec order),
	 * with the rows rejected and the oldest open problem of that unit and reason, rather than a
	 * matrix of every reason, mostly zeros, that squeezes the unit names.
	 */
	private Rejects rejects() {
		boolean anyOpen = this.problems != null && this.problems.stream().anyMatch(Problem::open);
		Map<String, Map<String, Long>> byUnit = new LinkedHashMap<>();
		// an empty unit column is no unit code, as in the open problems
		for (String unit : unitOrder(this.data.rejects().stream().map((c) -> code(c.unitCode())).toList())) {
			byUnit.put(unit, new TreeMap<>(
					Comparator.comparingInt(ReasonLabel::rank).thenComparing(Comparator.naturalOrder())));
		}
		for (RejectCount c : this.data.rejects()) {
			byUnit.get(code(c.unitCode())).merge(c.reason(), c.rows(), Long::sum);
		}
		List<RejectLine> lines = new ArrayList<>();
		long total = 0;
		for (Map.Entry<String, Map<String, Long>> e : byUnit.entrySet()) {
			Map<String, Long> reasons = e.getValue();
			boolean first = true;
			for (Map.Entry<String, Long> r : reasons.entrySet()) {
				LocalDate oldest = oldestOpen(e.getKey(), r.getKey());
				lines.add(new RejectLine(first ? unitCell(e.getKey()) : null, reasons.size(), Labels.reason(r.getKey()),
						r.getKey(), r.getValue(), (oldest != null)
								? oldest + "（" + ChronoUnit.DAYS.between(oldest, this.asOf) + " 天）" : ""));
				first = false;
				total += r.getValue();
			}
		}
		return new Rejects(anyOpen, lines, total);
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

	private UnitCell unitCell(String code) {
		Unit unit = (code != null) ? this.forest.get(code) : null;
		return new UnitCell(code, (unit != null) ? UnitLink.of(unit) : null);
	}

	private List<FileLine> files() {
		return this.data.files().stream().map((f) -> new FileLine(f.path(), Labels.kind(f.kind()),
				(f.encoding() != null) ? f.encoding() : "", f.read(), f.applied(), f.rejected(), f.unknownPersons(),
				(f.fileReason() != null) ? Labels.reason(f.fileReason()) : null, f.fileReason())).toList();
	}

	private Warnings warnings() {
		List<WarningCount> sorted = new ArrayList<>(this.data.warnings());
		Map<String, Integer> order = new HashMap<>();
		for (String code : unitOrder(sorted.stream().map(WarningCount::unitCode).toList())) {
			order.put(code, order.size());
		}
		sorted.sort(Comparator.<WarningCount>comparingInt((w) -> order.get(w.unitCode()))
			.thenComparing((w) -> kindIndex(w.kind())));
		return new Warnings(
				sorted.stream().map((w) -> new WarningLine(unitCell(w.unitCode()), Labels.kind(w.kind()), w.rows(),
						w.persons())).toList(),
				this.data.warningPeople().stream()
					.map((p) -> new PersonLine(unitCell(p.unitCode()), p.personId(), p.rows())).toList(),
				this.data.warningPeopleTruncated());
	}

	private static int kindIndex(String kind) {
		return Kind.rank(kind);
	}

	private List<SkipLine> skips() {
		return this.data.skips().stream().map((s) -> new SkipLine(s.path(),
				(s.originalPath() != null) ? s.originalPath() : "",
				(s.originalRun() != null) ? s.originalRun().toString() : "",
				s.sha256().substring(0, Math.min(12, s.sha256().length())))).toList();
	}

}
