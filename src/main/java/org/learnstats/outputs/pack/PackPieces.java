package org.learnstats.outputs.pack;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;

import org.learnstats.outputs.NumberedPiece;
import org.learnstats.outputs.UnitGroups;
import org.learnstats.outputs.UnitKey;
import org.learnstats.store.UnitForest;
import org.learnstats.store.UnitForest.Unit;

/**
 * The pieces the packs are written in with workers: for each closed quarter, the organization's
 * pack ({@code 2025-Q3 organization}) and the units' packs in groups of unit subtrees
 * ({@link UnitGroups}, weighed by how many packs each unit has: 1 or 0), one piece per group that
 * holds a pack ({@code 2025-Q3 units 2/5}). A piece writes only its own packs' folders, so pieces
 * written at once never share a file.
 */
final class PackPieces {

	private static final String ORGANIZATION = " organization";

	private static final String UNITS = " units ";

	private PackPieces() {
	}

	/**
	 * One piece's packs: the units' codes ({@code null} for the organization's) and the files to keep
	 * from the published folder when the piece fails (relative to the output folder).
	 */
	record Piece(Quarter quarter, List<String> codes, List<String> keep) {
	}

	/** The pieces of every quarter from {@code first} closed on {@code asOf}. */
	static List<String> names(Quarter first, LocalDate asOf, UnitForest forest, List<Unit> scopes) {
		List<List<Unit>> groups = UnitGroups.of(forest, UnitGroups.PIECES, weight(scopes));
		Set<Unit> packed = Set.copyOf(scopes);
		List<String> pieces = new ArrayList<>();
		for (Quarter q = first; q != null && q.closedOn(asOf); q = q.next()) {
			pieces.add(q.id() + ORGANIZATION);
			List<String> names = NumberedPiece.names(q.id() + UNITS, groups.size());
			for (int i = 0; i < groups.size(); i++) {
				if (groups.get(i).stream().anyMatch(packed::contains)) {
					pieces.add(names.get(i));
				}
			}
		}
		return pieces;
	}

	/** The packs of one of {@link #names}. */
	static Piece parse(String piece, UnitForest forest, List<Unit> scopes) {
		Quarter q = Quarter.parse(piece.substring(0, piece.indexOf(' ')));
		String dir = "packs/" + q.id() + "/";
		List<String> codes = new ArrayList<>();
		List<String> keep = new ArrayList<>();
		if (piece.endsWith(ORGANIZATION)) {
			codes.add(null);
			PackIndex.FILES.forEach((f) -> keep.add(dir + f));
			keep.add(dir + PackIndex.SUMS);
			return new Piece(q, codes, keep);
		}
		NumberedPiece n = NumberedPiece.of(piece);
		Set<Unit> packed = Set.copyOf(scopes);
		for (Unit u : UnitGroups.group(forest, UnitGroups.PIECES, weight(scopes), n.index() - 1, n.count())) {
			if (packed.contains(u)) {
				codes.add(u.code());
				keep.add(dir + UnitKey.of(u.code()));
			}
		}
		return new Piece(q, codes, keep);
	}

	private static ToIntFunction<Unit> weight(List<Unit> scopes) {
		Set<Unit> packed = Set.copyOf(scopes);
		return (u) -> packed.contains(u) ? 1 : 0;
	}

}
