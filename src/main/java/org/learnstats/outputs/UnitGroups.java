package org.learnstats.outputs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

import org.learnstats.store.UnitForest;
import org.learnstats.store.UnitForest.Unit;

/**
 * The units of a forest in a bounded number of groups of whole subtrees, so that a part written in
 * pieces by workers ({@link OutputPart#pieces}) gives each piece one group. A subtree heavier than
 * an even share is split into its top unit alone and its children's subtrees, down to shares no
 * larger than even or to leaves; the subtrees are then dealt, heaviest first, to the lightest group.
 * The groups follow from the forest alone (the same on the manager and on every worker), hold every
 * unit exactly once, and are ordered by their first unit, each group's units in the forest's order.
 */
public final class UnitGroups {

	/** How many pieces a part is written in at most: enough for the workers a night has. */
	public static final int PIECES = 12;

	private UnitGroups() {
	}

	/** A subtree ({@code whole}) or its top unit alone, with the weight of what it holds. */
	private record Item(Unit top, boolean whole, long weight) {
	}

	/**
	 * The units of {@code forest} in at most {@code max} groups of roughly equal {@code weight}
	 * (a unit's cost; 0 for a unit the part writes nothing for).
	 */
	public static List<List<Unit>> of(UnitForest forest, int max, ToIntFunction<Unit> weight) {
		if (max < 1) {
			throw new IllegalArgumentException("at least one group: " + max);
		}
		Map<String, Long> subtree = new HashMap<>();
		long total = 0;
		for (Unit root : forest.roots()) {
			total += weigh(forest, root, weight, subtree);
		}
		long share = Math.max(1, (total + max - 1) / max);
		List<Item> items = new ArrayList<>();
		for (Unit root : forest.roots()) {
			split(forest, root, share, weight, subtree, items);
		}
		// units on a cycle of parents belong to no root's subtree: each on its own
		for (Unit unit : forest.units()) {
			if (!subtree.containsKey(unit.code())) {
				items.add(new Item(unit, false, weight.applyAsInt(unit)));
			}
		}
		items.sort(Comparator.comparingLong(Item::weight).reversed().thenComparing((i) -> i.top().code()));
		int count = Math.min(max, items.size());
		List<List<Unit>> groups = new ArrayList<>();
		long[] load = new long[count];
		for (int g = 0; g < count; g++) {
			groups.add(new ArrayList<>());
		}
		for (int i = 0; i < items.size(); i++) {
			Item item = items.get(i);
			// one item in each group first, then the lightest
			int lightest = (i < count) ? i : 0;
			for (int g = 1; i >= count && g < count; g++) {
				if (load[g] < load[lightest]) {
					lightest = g;
				}
			}
			load[lightest] += item.weight();
			groups.get(lightest).addAll(item.whole() ? forest.subtree(item.top().code()) : List.of(item.top()));
		}
		Comparator<Unit> byCode = Comparator.comparing(Unit::code);
		groups.forEach((g) -> g.sort(byCode));
		groups.sort(Comparator.comparing((List<Unit> g) -> g.get(0).code()));
		return groups.stream().map(List::copyOf).toList();
	}

	/** Of {@code of}'s groups, the one a piece named {@code index} of {@code count} writes. */
	public static List<Unit> group(UnitForest forest, int max, ToIntFunction<Unit> weight, int index, int count) {
		List<List<Unit>> groups = of(forest, max, weight);
		if (groups.size() != count || index < 0 || index >= count) {
			throw new IllegalStateException("the units are in " + groups.size() + " groups, not " + count
					+ " as when the pieces were planned: the units changed during the night");
		}
		return groups.get(index);
	}

	private static long weigh(UnitForest forest, Unit unit, ToIntFunction<Unit> weight, Map<String, Long> subtree) {
		long sum = weight.applyAsInt(unit);
		for (Unit child : forest.children(unit.code())) {
			sum += weigh(forest, child, weight, subtree);
		}
		subtree.put(unit.code(), sum);
		return sum;
	}

	private static void split(UnitForest forest, Unit top, long share, ToIntFunction<Unit> weight,
			Map<String, Long> subtree, List<Item> items) {
		List<Unit> children = forest.children(top.code());
		if (subtree.get(top.code()) <= share || children.isEmpty()) {
			items.add(new Item(top, true, subtree.get(top.code())));
			return;
		}
		items.add(new Item(top, false, weight.applyAsInt(top)));
		for (Unit child : children) {
			split(forest, child, share, weight, subtree, items);
		}
	}

}
