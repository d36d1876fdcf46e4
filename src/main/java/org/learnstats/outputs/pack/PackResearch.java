package org.learnstats.outputs.pack;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.learnstats.readmodel.Roster;
import org.learnstats.store.UnitForest;
import org.learnstats.store.UnitForest.Unit;

/**
 * The pack's early warning on research days: who is behind the pro-rata share of their target at
 * a quarter's end, read once per quarter for every pack of a run.
 */
final class PackResearch {

	/** Quarter id → units of the people behind their pro-rata research days, with how many. */
	private final Map<String, Map<String, Integer>> behindByQuarter = new java.util.concurrent.ConcurrentHashMap<>();

	private final Roster roster;

	PackResearch(Roster roster) {
		this.roster = roster;
	}

	/**
	 * People with a research target who, at the quarter's end, have fewer research days since
	 * 1 January than target x n / 4 (n = quarter number), counted for each root and top unit. The
	 * year's own {@code research_compliance} is only known when the year has ended; this is its
	 * quarterly early warning, judged like {@code credit_on_track_rate}.
	 */
	SortedMap<String, Integer> behind(UnitForest forest, List<Unit> roots, Quarter quarter,
			PackTargets targets) {
		Map<String, Integer> byUnit = this.behindByQuarter.computeIfAbsent(quarter.id(),
				(q) -> behindByUnit(quarter, targets));
		SortedMap<String, Integer> behind = new TreeMap<>();
		Set<String> scopes = new HashSet<>();
		roots.forEach((r) -> {
			scopes.add(r.code());
			behind.put(r.code(), 0);
			forest.children(r.code()).forEach((c) -> behind.put(c.code(), 0));
		});
		byUnit.forEach((unitCode, n) -> {
			List<Unit> path = forest.path(unitCode);
			for (int i = 0; i < path.size(); i++) {
				if (scopes.contains(path.get(i).code())) {
					behind.merge(path.get(i).code(), n, Integer::sum);
					if (i + 1 < path.size()) {
						behind.merge(path.get(i + 1).code(), n, Integer::sum);
					}
					break;
				}
			}
		});
		return behind;
	}

	/** People behind their pro-rata research days at the quarter's end, counted by their unit. */
	private Map<String, Integer> behindByUnit(Quarter quarter, PackTargets targets) {
		LocalDate from = LocalDate.of(quarter.year(), 1, 1);
		LocalDate to = quarter.lastDay();
		Map<String, String[]> people = new HashMap<>();
		for (Roster.Member m : this.roster.activeOn(to)) {
			people.put(m.id(), new String[] { m.unitCode(), m.rank() });
		}
		Map<String, BitSet> days = new HashMap<>();
		for (Roster.Trip trip : this.roster.trips(from, to)) {
			String person = trip.personId();
			if (!people.containsKey(person)) {
				continue;
			}
			LocalDate s = trip.start();
			LocalDate e = trip.end();
			LocalDate a = s.isBefore(from) ? from : s;
			LocalDate b = e.isAfter(to) ? to : e;
			if (!a.isAfter(b)) {
				days.computeIfAbsent(person, (k) -> new BitSet()).set(a.getDayOfYear(), b.getDayOfYear() + 1);
			}
		}
		Map<String, Integer> byUnit = new HashMap<>();
		BigDecimal share = BigDecimal.valueOf(quarter.number());
		people.forEach((person, unitAndRank) -> {
			BigDecimal target = targets.researchDays().getOrDefault(unitAndRank[1], BigDecimal.ZERO);
			if (target.signum() <= 0) {
				return;
			}
			BitSet covered = days.get(person);
			BigDecimal have = BigDecimal.valueOf(covered == null ? 0 : covered.cardinality());
			if (have.multiply(BigDecimal.valueOf(4)).compareTo(target.multiply(share)) < 0) {
				byUnit.merge(unitAndRank[0], 1, Integer::sum);
			}
		});
		return byUnit;
	}

}
