package org.learnstats.outputs.pack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;

import org.learnstats.indicators.PeriodChanges;
import org.learnstats.store.UnitForest;
import org.learnstats.store.UnitForest.Unit;

/**
 * Decides, without reading a pack's inputs, that a published pack is still right: its inputs were
 * last compared at refresh stamp S ({@link PeriodChanges}), none of the periods it reads
 * ({@link PackSource#periodsRead(Quarter)}) was recomputed since, what every pack shares (layout,
 * units and names, targets, the first month of data) has the same digest, and the quarter had
 * ended before tonight's D (so tonight's deliveries are not among the quarter's). Otherwise the
 * pack's inputs are read and fingerprinted as before. One per run: it reads the stamps and every
 * pack's row once.
 */
final class PackCarryOver {

	private final PeriodChanges changes;

	private final Map<String, PackStore.Row> rows;

	private final String shared;

	private final LocalDate asOf;

	private PackCarryOver(PeriodChanges changes, Map<String, PackStore.Row> rows, String shared, LocalDate asOf) {
		this.changes = changes;
		this.rows = rows;
		this.shared = shared;
		this.asOf = asOf;
	}

	static PackCarryOver of(PeriodChanges changes, PackStore store, UnitForest forest, PackTargets targets,
			LocalDate asOf) {
		return new PackCarryOver(changes, store.rows(), digest(forest, targets, changes.firstMonth()), asOf);
	}

	/** The pack's row in the store, or null when it was never built. */
	PackStore.Row row(Quarter q, String unitCode) {
		return this.rows.get(PackStore.key(q, unitCode));
	}

	/** Whether the pack with this row is still right without reading its inputs. */
	boolean unchanged(Quarter q, PackStore.Row row) {
		return row != null && row.checkedSeq() != null && this.shared.equals(row.shared())
				&& this.asOf.isAfter(q.lastDay())
				&& this.changes.lastChange(PackSource.periodsRead(q)) <= row.checkedSeq();
	}

	/** Tonight's refresh stamp, recorded with every pack compared or built. */
	long seq() {
		return this.changes.current();
	}

	/** The digest of what every pack shares, recorded with every pack compared or built. */
	String shared() {
		return this.shared;
	}

	private static String digest(UnitForest forest, PackTargets targets, String firstMonth) {
		StringBuilder text = new StringBuilder(PackPart.FORMAT).append('\n')
			.append(targets.canonical())
			.append('\n')
			.append(firstMonth)
			.append('\n');
		for (Unit u : forest.units()) {
			text.append(u.code())
				.append('\t')
				.append(u.name())
				.append('\t')
				.append(u.parentCode())
				.append('\t')
				.append(u.type())
				.append('\n');
		}
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
