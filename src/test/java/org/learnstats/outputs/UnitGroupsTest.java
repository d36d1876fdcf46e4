package org.learnstats.outputs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.learnstats.store.UnitForest;
import org.learnstats.store.UnitForest.Unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Units in groups of whole subtrees for the pieces workers write. */
class UnitGroupsTest {

	/**
	 * A province: root P with 20 counties of 3 to 60 units (a county and its towns), a second root
	 * Q with 4 units, and two units whose parents point at each other (no root above them).
	 */
	static List<Unit> province() {
		List<Unit> units = new ArrayList<>();
		units.add(new Unit("P", "省", null, "committee"));
		for (int c = 0; c < 20; c++) {
			String county = "P-%02d".formatted(c);
			units.add(new Unit(county, county, "P", "committee"));
			for (int t = 0; t < 2 + (c * 7) % 59; t++) {
				units.add(new Unit(county + "-%02d".formatted(t), "镇", county, "office"));
			}
		}
		units.add(new Unit("Q", "另一根", null, "committee"));
		for (int t = 0; t < 3; t++) {
			units.add(new Unit("Q-" + t, "镇", "Q", "office"));
		}
		units.add(new Unit("X1", "环", "X2", "office"));
		units.add(new Unit("X2", "环", "X1", "office"));
		return units;
	}

	@Test
	void everyUnitOnceInBoundedGroupsOfWholeSubtreesWhateverTheLoadingOrder() {
		List<Unit> units = province();
		UnitForest forest = UnitForest.of(units);
		List<List<Unit>> groups = UnitGroups.of(forest, 12, (u) -> 1);

		assertThat(groups).hasSize(12);
		List<String> all = groups.stream().flatMap(List::stream).map(Unit::code).sorted().toList();
		assertThat(all).doesNotHaveDuplicates().hasSize(units.size())
			.containsExactlyElementsOf(forest.units().stream().map(Unit::code).toList());
		// a county's subtree no larger than an even share stays in one group
		int share = (units.size() + 11) / 12;
		for (Unit county : forest.children("P")) {
			List<Unit> subtree = forest.subtree(county.code());
			if (subtree.size() <= share) {
				assertThat(groups).as(county.code()).anySatisfy((g) -> assertThat(g).containsAll(subtree));
			}
		}
		// roughly even: no group more than twice the share
		assertThat(groups).allSatisfy((g) -> assertThat(g.size()).isLessThanOrEqualTo(2 * share));
		// each group in the forest's order, groups by their first unit
		for (List<Unit> g : groups) {
			assertThat(g).isSortedAccordingTo(java.util.Comparator.comparing(Unit::code));
		}
		assertThat(groups.stream().map((g) -> g.get(0).code()).toList()).isSorted();

		// the same from units loaded in another order, and from the same forest again
		List<Unit> shuffled = new ArrayList<>(units);
		Collections.shuffle(shuffled, new Random(7));
		assertThat(UnitGroups.of(UnitForest.of(shuffled), 12, (u) -> 1)).isEqualTo(groups);
		assertThat(UnitGroups.of(forest, 12, (u) -> 1)).isEqualTo(groups);
	}

	@Test
	void fewerUnitsThanGroupsGiveOneGroupEachAndWeightsSteerTheSplit() {
		UnitForest small = UnitForest.of(List.of(new Unit("R", "根", null, "committee"),
				new Unit("R-1", "一", "R", "office"), new Unit("R-2", "二", "R", "office")));
		assertThat(UnitGroups.of(small, 12, (u) -> 1)).extracting((g) -> g.stream().map(Unit::code).toList())
			.containsExactly(List.of("R"), List.of("R-1"), List.of("R-2"));
		assertThat(UnitGroups.of(small, 1, (u) -> 1)).extracting(List::size).containsExactly(3);

		// weighing only the committees (the per-unit packs): towns weigh nothing, every unit still once
		UnitForest forest = UnitForest.of(province());
		List<List<Unit>> groups = UnitGroups.of(forest, 8, (u) -> u.type().equals("committee") ? 1 : 0);
		assertThat(groups).hasSizeLessThanOrEqualTo(8).allSatisfy((g) -> assertThat(g).isNotEmpty());
		assertThat(groups.stream().mapToInt(List::size).sum()).isEqualTo(forest.units().size());
		assertThat(groups).allSatisfy((g) -> assertThat(g.stream().filter((u) -> u.type().equals("committee")))
			.hasSizeLessThanOrEqualTo(4));

		assertThat(UnitGroups.group(forest, 8, (u) -> 1, 2, 8)).isEqualTo(UnitGroups.of(forest, 8, (u) -> 1).get(2));
		assertThatThrownBy(() -> UnitGroups.group(forest, 8, (u) -> 1, 2, 9))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void piecesAreNamedByTheirNumberAndCount() {
		assertThat(NumberedPiece.names("2025-Q3 units ", 3)).containsExactly("2025-Q3 units 1/3", "2025-Q3 units 2/3",
				"2025-Q3 units 3/3");
		assertThat(NumberedPiece.of("2025-Q3 units 2/3")).isEqualTo(new NumberedPiece(2, 3));
		assertThat(NumberedPiece.of("units 12/12")).isEqualTo(new NumberedPiece(12, 12));
	}

}
