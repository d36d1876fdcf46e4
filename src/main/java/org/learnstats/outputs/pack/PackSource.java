package org.learnstats.outputs.pack;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.learnstats.indicators.IndicatorCatalog;
import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.indicators.PeriodChanges;
import org.learnstats.readmodel.ReadModel;
import org.learnstats.store.UnitForest;
import org.learnstats.store.UnitForest.Unit;
import org.learnstats.vocabulary.Kind;
import org.learnstats.vocabulary.ReasonLabel;

/**
 * Reads what a quarter's pack shows from the store: indicator values of the roots and their
 * children, data completeness, deliveries and rejections, and the pro-rata research shortfall.
 * Thread-safe: the packs of a quarter are loaded on several threads.
 */
class PackSource {

	/** Quarters a trend chart shows at most. */
	static final int TREND_QUARTERS = 8;

	private final ReadModel read;

	private Quarter first;

	private final PackResearch research;

	private boolean firstRead;

	/** kind → quarter id → units that delivered rows of the kind dated in the quarter; null until read. */
	private Map<String, Map<String, Set<String>>> reported;

	/** The first month with dated rows of any kind, or null. */
	private LocalDate firstMonth;

	/**
	 * A reader of the run's read model: it keeps what every quarter shares (the first quarter,
	 * who delivered what when) for its lifetime, so make one per run (or per pack command).
	 */
	PackSource(ReadModel read) {
		this.read = read;
		this.research = new PackResearch(read.roster());
	}

	/** The quarter holding the earliest event date of the store, or {@code null} when it holds none. */
	synchronized Quarter firstQuarter() {
		if (!this.firstRead) {
			// the refresh writes every period from the one holding the earliest event date (spec
			// section 1): reading it from indicator_value's key spares a scan of every event table
			String period = this.read.values().firstQuarter();
			if (period != null) {
				this.first = Quarter.parse(period.trim());
			}
			else {
				// no indicators written (yet): the months of the event tables themselves
				LocalDate month = coveredFrom();
				this.first = (month == null) ? null : Quarter.of(month);
			}
			this.firstRead = true;
		}
		return this.first;
	}

	/** The units of the store, read once per run. */
	UnitForest forest() {
		return this.read.forest();
	}

	/** The organization's pack of a quarter. */
	PackData load(Quarter quarter, PackTargets targets) {
		return load(quarter, targets, null);
	}

	/**
	 * The pack of a quarter for one unit's subtree ({@code scope} null: the organization's): the
	 * unit's values, its children ranked, its peers (itself and its siblings), the completeness of
	 * its subtree and its people's research shortfall. Deliveries and rejections are not one unit's:
	 * only the organization's pack lists them.
	 */
	PackData load(Quarter quarter, PackTargets targets, String scope) {
		Quarter first = firstQuarter();
		UnitForest forest = forest();
		Unit unit = scope == null ? null : forest.get(scope);
		if (scope != null && unit == null) {
			throw new IllegalArgumentException("unknown unit " + scope);
		}
		List<Unit> roots = unit == null ? forest.roots() : List.of(unit);
		List<Unit> top = new ArrayList<>();
		roots.forEach((r) -> top.addAll(forest.children(r.code())));
		List<Unit> peers = unit == null ? List.of()
				: unit.parentCode() == null || forest.get(unit.parentCode()) == null ? forest.roots()
						: forest.children(unit.parentCode());
		List<Quarter> trend = new ArrayList<>();
		Quarter start = quarter;
		for (int i = 1; i < TREND_QUARTERS; i++) {
			start = start.previous();
		}
		for (Quarter q = start; q.compareTo(quarter) <= 0; q = q.next()) {
			if (first == null || q.compareTo(first) >= 0) {
				trend.add(q);
			}
		}
		List<Unit> compared = new ArrayList<>(top);
		compared.addAll(peers);
		return new PackData(quarter, unit, roots, List.copyOf(top), List.copyOf(peers), List.copyOf(trend),
				values(roots, compared, quarter), completeness(forest, unit, top, quarter),
				unit == null ? delivered(quarter) : List.of(), unit == null ? reasons(quarter) : List.of(),
				this.research.behind(forest, roots, quarter, targets), targets, coveredFrom());
	}

	/** The periods whose indicator values a quarter's pack shows: its trend quarters and two closed years. */
	private static Set<String> valuePeriods(Quarter quarter) {
		Set<String> periods = new LinkedHashSet<>();
		Quarter q = quarter;
		for (int i = 0; i < TREND_QUARTERS; i++) {
			periods.add(q.id());
			q = q.previous();
		}
		int year = quarter.lastClosedYear();
		periods.add(Integer.toString(year));
		periods.add(Integer.toString(year - 1));
		return periods;
	}

	/**
	 * Every period whose recomputation can change what a quarter's pack shows: the periods of its
	 * values; the quarter's months (the completeness of the quarter comes from their dated rows) and
	 * its year's research trips (the research shortfall counts the trips since 1 January; stamped
	 * as {@link PeriodChanges#trips}, not on the year, whose stamp moves every night of the year).
	 * {@link PackCarryOver} watches these.
	 */
	static Set<String> periodsRead(Quarter quarter) {
		Set<String> periods = valuePeriods(quarter);
		periods.add(PeriodChanges.trips(quarter.year()));
		for (org.learnstats.vocabulary.Period m : org.learnstats.vocabulary.Period.range(quarter.firstDay(),
				quarter.lastDay(), 'M')) {
			periods.add(m.toString());
		}
		return periods;
	}

	private SortedMap<String, PackData.Value> values(List<Unit> roots, List<Unit> top, Quarter quarter) {
		// top: the children ranked and, in a unit's pack, its peers
		Set<String> units = new LinkedHashSet<>();
		roots.forEach((u) -> units.add(u.code()));
		top.forEach((u) -> units.add(u.code()));
		Set<String> periods = valuePeriods(quarter);
		Set<String> indicators = new HashSet<>();
		IndicatorCatalog.ALL.stream().map(IndicatorDefinition::id).forEach(indicators::add);
		SortedMap<String, PackData.Value> values = new TreeMap<>();
		if (units.isEmpty()) {
			return values;
		}
		this.read.values().ofUnits(units, periods, (v) -> {
			if (indicators.contains(v.indicator())) {
				values.put(PackData.key(v.period(), v.unitCode(), v.indicator()),
						new PackData.Value(v.numerator(), v.denominator(), v.value()));
			}
		});
		return values;
	}

	private List<PackData.Completeness> completeness(UnitForest forest, Unit scope, List<Unit> top, Quarter quarter) {
		List<Set<String>> reported = new ArrayList<>();
		for (String kind : PackData.DATED_KINDS) {
			reported.add(reportedIn(kind, quarter));
		}
		List<PackData.Completeness> out = new ArrayList<>();
		out.add(scope == null ? scope(null, "全部单位", forest.units(), reported)
				: scope(scope.code(), scope.name(), forest.subtree(scope.code()), reported));
		for (Unit u : top) {
			out.add(scope(u.code(), u.name(), forest.subtree(u.code()), reported));
		}
		return out;
	}

	private static PackData.Completeness scope(String code, String name, List<Unit> units, List<Set<String>> reported) {
		List<Integer> expected = new ArrayList<>();
		List<Integer> counts = new ArrayList<>();
		for (int k = 0; k < reported.size(); k++) {
			Set<String> kind = reported.get(k);
			List<Unit> due = units.stream().filter(expectedToReport(PackData.DATED_KINDS.get(k))::test).toList();
			expected.add(due.size());
			counts.add((int) due.stream().filter((u) -> kind.contains(u.code())).count());
		}
		return new PackData.Completeness(code, name, units.size(), List.copyOf(expected), List.copyOf(counts));
	}

	/** Attendance is kept by committees and branches (as attendance_reporting_rate counts it); the rest by any unit. */
	private static java.util.function.Predicate<Unit> expectedToReport(String kind) {
		if (Kind.ATTENDANCE.code().equals(kind)) {
			return (u) -> "committee".equals(u.type()) || "branch".equals(u.type());
		}
		return (u) -> true;
	}

	private Set<String> reportedIn(String kind, Quarter quarter) {
		return reported().getOrDefault(kind, Map.of()).getOrDefault(quarter.id(), Set.of());
	}

	/** Who delivered which kind in which quarter, from the run's event months (read once per run). */
	private synchronized Map<String, Map<String, Set<String>>> reported() {
		if (this.reported == null) {
			Map<String, Map<String, Set<String>>> out = new HashMap<>();
			for (ReadModel.EventMonth e : this.read.eventMonths()) {
				String q = e.year() + "-Q" + ((e.month() - 1) / 3 + 1);
				out.computeIfAbsent(e.kind(), (k) -> new HashMap<>())
					.computeIfAbsent(q, (x) -> new HashSet<>())
					.add(e.unitCode());
				LocalDate month = LocalDate.of(e.year(), e.month(), 1);
				if (this.firstMonth == null || month.isBefore(this.firstMonth)) {
					this.firstMonth = month;
				}
			}
			this.reported = out;
		}
		return this.reported;
	}

	/**
	 * The first day of the first month with dated rows of any kind in the store (the organization's
	 * data coverage starts there), or null when it has none; read with the completeness, no scan of its own.
	 */
	private synchronized LocalDate coveredFrom() {
		reported();
		return this.firstMonth;
	}

	private List<PackData.Delivered> delivered(Quarter quarter) {
		List<PackData.Delivered> rows = this.read.deliveries().delivered(quarter.firstDay(), quarter.lastDay(),
				(rs, i) -> new PackData.Delivered(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
						rs.getLong(5)));
		List<PackData.Delivered> sorted = new ArrayList<>(rows);
		sorted.sort((a, b) -> Integer.compare(kindOrder(a.kind()), kindOrder(b.kind())));
		return List.copyOf(sorted);
	}

	/** Where a kind's row goes; a quarantined file has no kind (null) and goes last. */
	static int kindOrder(String kind) {
		return Kind.rank(kind);
	}

	private List<PackData.ReasonCount> reasons(Quarter quarter) {
		List<PackData.ReasonCount> rows = new ArrayList<>(this.read.deliveries().reasons(quarter.firstDay(),
				quarter.lastDay(), (rs, i) -> new PackData.ReasonCount(rs.getString(1), rs.getLong(2))));
		rows.sort((a, b) -> Integer.compare(ReasonLabel.rank(a.reason()), ReasonLabel.rank(b.reason())));
		return List.copyOf(rows);
	}

}
