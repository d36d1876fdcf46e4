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

	private final Function<String, DataQualityPage.UnitCell> unitCell;

	/**
	 * @param problems the open problems and those closed since the window's start
	 * @param unitCell how the page names a unit code
	 */
	OpenProblemsSection(List<Problem> problems, DeliveryRecord record, LocalDate asOf,
			Function<String, DataQualityPage.UnitCell> unitCell) {
		this.problems = problems;
		this.record = record;
		this.asOf = asOf;
		this.unitCell = unitCell;
	}

	/**
	 * What {@code openProblems.jte} shows.
	 * @param units the units with open problems or an eventful history, in the page's order
	 * @param quiet the units left out: nothing open, nothing rejected, late or missing
	 */
	record View(int dueDay, List<DataQualityPage.Figure> tiles, List<YearMonth> months, List<UnitLine> units,
			int quiet, List<Closed> closed) {
	}

	/**
	 * A unit's open problems: how many, the oldest ("" for none), their reasons, the first
	 * {@link #LISTED} of them ({@code more}: the rest) and its months' history.
	 */
	record UnitLine(DataQualityPage.UnitCell unit, int open, String oldest, List<Reason> reasons, List<Listed> listed,
			int more, List<Month> history) {
	}

	/** A reason of a unit's open problems and how many have it. */
	record Reason(String label, String code, int n) {
	}

	/** A problem listed under its unit: where (line null: the whole file), why, and the detail ("" for none). */
	record Listed(String file, Long line, String reason, String detail) {
	}

	/** A month of a unit: its reject rate ("" for none) and the delivery's status. */
	record Month(String rate, Status status) {
	}

	/** A problem closed in the window; the empty texts are unknowns. */
	record Closed(DataQualityPage.UnitCell unit, String file, String line, String reason, String firstSeen,
			LocalDate closedOn, String days) {
	}

	/** @param unitOrder unit codes in the page's order (null = no unit last) */
	View view(List<String> unitOrder) {
		List<Problem> open = this.problems.stream().filter(Problem::open).toList();
		List<Problem> closed = this.problems.stream().filter((p) -> p.closedRun() != null && !p.accepted()).toList();
		Map<String, List<Problem>> byUnit = new LinkedHashMap<>();
		unitOrder.forEach((u) -> byUnit.put(u, new ArrayList<>()));
		open.forEach((p) -> byUnit.computeIfAbsent(p.unitCode(), (k) -> new ArrayList<>()).add(p));
		List<Problem> recent = closed.stream().filter((p) -> !p.closedOn().isBefore(this.asOf.minusDays(CLOSED_DAYS)))
			.sorted(Comparator.comparing(Problem::closedOn).reversed()).toList();
		List<DataQualityPage.Figure> tiles = List.of(
				new DataQualityPage.Figure("未解决问题", open.size(), open.isEmpty() ? "good" : "bad"),
				new DataQualityPage.Figure("涉及单位", byUnit.values().stream().filter((l) -> !l.isEmpty()).count(), ""),
				new DataQualityPage.Figure("近 " + CLOSED_DAYS + " 天已解决", recent.size(), "good"));
		List<YearMonth> months = new ArrayList<>();
		for (int i = DeliveryRecord.HISTORY_MONTHS - 1; i >= 0; i--) {
			months.add(YearMonth.from(this.asOf).minusMonths(i));
		}
		List<UnitLine> units = new ArrayList<>();
		for (Map.Entry<String, List<Problem>> e : byUnit.entrySet()) {
			UnitLine line = unitLine(e.getKey(), e.getValue(), months);
			if (line != null) {
				units.add(line);
			}
		}
		List<Closed> closedLines = recent.stream().map((p) -> new Closed(this.unitCell.apply(p.unitCode()), p.file(),
				(p.line() != null) ? p.line().toString() : "", Labels.reason(p.reason()),
				(p.firstSeen() != null) ? p.firstSeen().toString() : "", p.closedOn(),
				(p.firstSeen() != null) ? String.valueOf(ChronoUnit.DAYS.between(p.firstSeen(), p.closedOn())) : ""))
			.toList();
		return new View(this.record.dueDay(), tiles, months, units, byUnit.size() - units.size(), closedLines);
	}

	/** A unit's line, or null when it has nothing open and nothing rejected, late or missing. */
	private UnitLine unitLine(String unit, List<Problem> list, List<YearMonth> months) {
		List<Month> history = new ArrayList<>();
		boolean eventful = !list.isEmpty();
		for (YearMonth m : months) {
			Double rate = (unit != null) ? this.record.rejectRate(unit, m) : null;
			Status status = (unit != null) ? this.record.status(unit, m) : Status.NOT_EXPECTED;
			eventful |= (rate != null && rate > 0) || status == Status.LATE || status == Status.MISSING;
			history.add(new Month((rate == null) ? "" : percent(rate), status));
		}
		if (!eventful) {
			return null;
		}
		Problem oldest = list.stream().filter((p) -> p.firstSeen() != null)
			.min(Comparator.comparing(Problem::firstSeen)).orElse(null);
		return new UnitLine(this.unitCell.apply(unit), list.size(),
				(oldest != null) ? oldest.firstSeen() + "（" + ChronoUnit.DAYS.between(oldest.firstSeen(), this.asOf)
						+ " 天）" : "",
				reasons(list),
				list.stream().limit(LISTED).map((p) -> new Listed(p.file(), p.line(), Labels.reason(p.reason()),
						(p.detail() != null) ? p.detail() : "")).toList(), Math.max(0, list.size() - LISTED),
				history);
	}

	private static List<Reason> reasons(List<Problem> list) {
		Map<String, Integer> counts = new TreeMap<>(
				Comparator.comparingInt(ReasonLabel::rank).thenComparing(Comparator.naturalOrder()));
		list.forEach((p) -> counts.merge(p.reason(), 1, Integer::sum));
		List<Reason> reasons = new ArrayList<>();
		counts.forEach((r, n) -> reasons.add(new Reason(Labels.reason(r), r, n)));
		return reasons;
	}

	private static String percent(double rate) {
		return String.format(java.util.Locale.ROOT, "%.1f%%", rate * 100);
	}

}
