package org.learnstats.outputs.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.learnstats.store.UnitForest.Unit;
import org.learnstats.vocabulary.Granularity;

/**
 * The table of a unit's child units ({@code childrenTable.jte}): per child, the targeted
 * indicators missed in the latest ended month, quarter and year, and those behind pace or out of
 * reach in the running month, quarter and year, each period in a column of its own (a month's
 * count and a year's are not added into one number).
 */
final class ChildrenTable {

	private static final char[] GRANULARITIES = { 'M', 'Q', 'Y' };

	private ChildrenTable() {
	}

	/** The nine period columns' heads, then a row per child. */
	record View(List<Head> heads, List<Row> rows) {
	}

	/** A period column: the word ("上月") and the period ("2025-02", or "已结束"). */
	record Head(String word, String period) {
	}

	/** A child, the number of units below it and its nine counts. */
	record Row(UnitLink link, String code, String type, int below, List<Count> counts) {
	}

	/** A count, styled by {@code style} when it is not zero. */
	record Count(int n, String style) {
	}

	static View view(KeyIndicators keys, List<Unit> children, Map<String, Integer> subtreeSizes) {
		KeyIndicators.Tally[] heads = tallies(keys, children.get(0));
		List<Head> columns = new ArrayList<>();
		for (KeyIndicators.Tally t : heads) {
			Granularity g = t.ended().unit();
			// the latest ended period is the previous one, or the current one on its last day
			columns.add(new Head((t.running() != null) ? g.previous() : g.current(), t.ended().toString()));
		}
		for (int pass = 0; pass < 2; pass++) {
			for (KeyIndicators.Tally t : heads) {
				Granularity g = (t.running() != null) ? t.running().unit() : t.ended().unit();
				columns.add(new Head(g.current(), (t.running() != null) ? t.running().toString() : "已结束"));
			}
		}
		List<Row> rows = new ArrayList<>();
		for (Unit child : children) {
			KeyIndicators.Tally[] tallies = tallies(keys, child);
			List<Count> counts = new ArrayList<>();
			for (KeyIndicators.Tally t : tallies) {
				counts.add(new Count(t.endedMissed(), "bad"));
			}
			for (KeyIndicators.Tally t : tallies) {
				counts.add(new Count(t.behind(), "warn"));
			}
			for (KeyIndicators.Tally t : tallies) {
				counts.add(new Count(t.unreachable(), "bad"));
			}
			rows.add(new Row(UnitLink.of(child), child.code(), Labels.unitType(child.type()),
					subtreeSizes.getOrDefault(child.code(), 1) - 1, counts));
		}
		return new View(columns, rows);
	}

	private static KeyIndicators.Tally[] tallies(KeyIndicators keys, Unit unit) {
		KeyIndicators.Tally[] tallies = new KeyIndicators.Tally[3];
		for (int i = 0; i < 3; i++) {
			tallies[i] = keys.tally(unit.code(), GRANULARITIES[i]);
		}
		return tallies;
	}

}
