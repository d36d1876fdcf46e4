package org.learnstats.outputs.pack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.learnstats.indicators.TargetsProperties;
import org.learnstats.outputs.OutputContext;
import org.learnstats.outputs.OutputFolder;
import org.learnstats.outputs.OutputPart;
import org.learnstats.store.UnitForest;
import org.learnstats.store.UnitForest.Unit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The quarterly metric packs: for every closed quarter from the first with data, builds the
 * organization's {@code packs/YYYY-Qn/pack.pdf} and {@code pack.zip}, and the pack of the subtree
 * of every unit configured ({@link PackUnitsProperties}: every committee by default) in
 * {@code packs/YYYY-Qn/<unit key>/}, each when it has no pack yet or the fingerprint of its own
 * inputs changed, else carries it over from the published folder. Packs of quarters no longer
 * reported (an erroneous early date was corrected) are dropped, not carried over.
 * {@link #build(String, String, OutputContext)} builds one pack regardless, for {@code pack --quarter}.
 * With workers a quarter's packs are written in pieces ({@link PackPieces}): the organization's
 * pack, and the units' packs by groups of unit subtrees.
 */
@Component
public class PackPart implements OutputPart {

	/** Part of every fingerprint: bump it when the pack's layout changes, so every pack is rebuilt. */
	static final String FORMAT = "learnstats-pack-9";

	private static final Log logger = LogFactory.getLog(PackPart.class);

	/** The pack's own ledger (what was built when, at which refresh stamp): the one table it writes. */
	private final PackStore store;

	private final PackTargets targets;

	private final PackUnitsProperties units;

	private final Consumer<String> beforeQuarter;

	/** Of the last {@link #write}: packs built, carried over after reading their inputs, and without. */
	private volatile int[] lastCounts = new int[3];

	@Autowired
	PackPart(PackStore store, TargetsProperties targets, PackUnitsProperties units) {
		this(store, targets, units, (quarter) -> {
		});
	}

	/** With a seam called before each quarter's packs, or piece of them (tests make one fail). */
	PackPart(PackStore store, TargetsProperties targets, PackUnitsProperties units, Consumer<String> beforeQuarter) {
		this.beforeQuarter = beforeQuarter;
		this.store = store;
		this.targets = PackTargets.of(targets);
		this.units = units;
	}

	/** Builds a made-up committee's pack ({@link PackRehearsal}) and keeps nothing. */
	@Override
	public void rehearse() {
		PackRehearsal.build();
	}

	@Override
	public List<String> files() {
		return List.of("packs", "packs.html");
	}

	@Override
	public void write(OutputContext context) throws IOException {
		// one reader for all quarters: the first quarter, the units and who delivered when are read once
		PackSource source = new PackSource(context.read());
		Quarter first = source.firstQuarter();
		int[] total = new int[3];
		if (first != null) {
			List<String> codes = new ArrayList<>();
			codes.add(null);
			scopes(source.forest()).forEach((u) -> codes.add(u.code()));
			PackCarryOver carry = carryOver(source, context);
			for (Quarter q = first; q.closedOn(context.asOf()); q = q.next()) {
				int[] done = writeQuarter(source, carry, codes, q, context, q.id(), List.of("packs/" + q.id()));
				for (int i = 0; i < total.length; i++) {
					total[i] += done[i];
				}
			}
		}
		finish(source, first, context);
		this.lastCounts = total;
		logger.info("Packs: " + total[0] + " built, " + (total[1] + total[2]) + " carried over (" + total[2]
				+ " without reading their inputs)");
	}

	/** For tests: packs built, carried over after reading their inputs, and without, by the last {@link #write}. */
	List<Integer> lastCounts() {
		return java.util.Arrays.stream(this.lastCounts).boxed().toList();
	}

	/**
	 * With workers: each closed quarter's packs in pieces, the organization's pack one and the
	 * units' packs in groups of unit subtrees the others ({@link PackPieces}).
	 */
	@Override
	public List<String> pieces(OutputContext context) {
		PackSource source = new PackSource(context.read());
		return PackPieces.names(source.firstQuarter(), context.asOf(), source.forest(), scopes(source.forest()));
	}

	@Override
	public void writePiece(OutputContext context, String piece) throws IOException {
		PackSource source = new PackSource(context.read());
		PackPieces.Piece p = PackPieces.parse(piece, source.forest(), scopes(source.forest()));
		int[] done = writeQuarter(source, carryOver(source, context), p.codes(), p.quarter(), context, piece,
				p.keep());
		logger.info("Packs of " + piece + ": " + done[0] + " built, " + (done[1] + done[2]) + " carried over");
	}

	private PackCarryOver carryOver(PackSource source, OutputContext context) {
		return PackCarryOver.of(context.read().periodChanges(), this.store, source.forest(), this.targets,
				context.asOf());
	}

	@Override
	public void finishPieces(OutputContext context) throws IOException {
		PackSource source = new PackSource(context.read());
		finish(source, source.firstQuarter(), context);
	}

	private void finish(PackSource source, Quarter first, OutputContext context) throws IOException {
		this.store.forgetOtherQuarters(first, context.asOf());
		PackIndex.write(context.dir(), source.forest(), context.asOf());
	}

	/**
	 * Some of one quarter's packs, the organization's (a {@code null} code) and units': all of them
	 * ({@code piece} is the quarter) or one piece's, built on {@link PackUnitsProperties#getThreads()}
	 * threads (each pack is independent of the others: the same bytes whatever the order); when one
	 * fails, the others still running end, the published files {@code keep} (relative to the output
	 * folder) are kept and the failure recorded (a full disk stops everything).
	 * @return how many were built, carried over after reading their inputs, and carried over without
	 */
	private int[] writeQuarter(PackSource source, PackCarryOver carry, List<String> codes, Quarter q,
			OutputContext context, String piece, List<String> keep) throws IOException {
		int[] done = new int[3];
		try {
			this.beforeQuarter.accept(piece);
			for (int result : PackThreads.map(codes, this.units.threadsOrDefault(),
					(code) -> due(source, carry, q, code, context))) {
				done[result]++;
			}
		}
		catch (IOException | RuntimeException ex) {
			if (OutputFolder.isDiskFull(ex)) {
				throw ex;
			}
			// one quarter's packs never withhold the others: keep its published packs
			context.failures().add("pack " + piece, ex);
			logger.error("Pack " + piece + " could not be built, the previous one is kept: " + ex, ex);
			for (String relative : keep) {
				OutputFolder.keepPrevious(context, relative);
			}
		}
		return done;
	}

	/**
	 * Carries a pack over when nothing it reads changed ({@link PackCarryOver}), else reads its
	 * inputs and carries it over when their fingerprint is the one it was built from, else builds it.
	 * @return 0 when built, 1 when carried over after reading its inputs, 2 when carried over without
	 */
	private int due(PackSource source, PackCarryOver carry, Quarter q, String unitCode, OutputContext context)
			throws IOException {
		Path previous = PackFiles.previous(context, q, unitCode);
		PackStore.Row row = carry.row(q, unitCode);
		String published = (previous == null || row == null) ? null
				: PackZip.fingerprintOf(previous.resolve("pack.zip"), q);
		if (published != null && published.equals(row.fingerprint()) && carry.unchanged(q, row)) {
			PackFiles.carry(previous, PackFiles.dir(context, q, unitCode));
			return 2;
		}
		PackData data = source.load(q, this.targets, unitCode);
		String fingerprint = fingerprint(data);
		if (published != null && fingerprint.equals(row.fingerprint()) && fingerprint.equals(published)) {
			PackFiles.carry(previous, PackFiles.dir(context, q, unitCode));
			this.store.checked(q, unitCode, carry.seq(), carry.shared());
			return 1;
		}
		// into an empty folder (a rebuild): unchanged inputs keep the cut-off they were built with
		LocalDate cutOff = (row == null) ? context.asOf() : row.cutOff(fingerprint, context.asOf());
		PackFiles.write(q, unitCode, data, fingerprint, cutOff, context);
		this.store.record(q, unitCode, fingerprint, context.runId(), carry.seq(), carry.shared(), cutOff);
		return 0;
	}

	/**
	 * The units that get a pack of their own subtree, in the forest's order: those of the types
	 * configured below the roots (a root's pack is the organization's), those at the levels
	 * configured, and those listed.
	 */
	List<Unit> scopes(UnitForest forest) {
		Set<String> types = Set.copyOf(this.units.getUnitTypes());
		Set<Integer> levels = Set.copyOf(this.units.getLevels());
		Set<String> codes = Set.copyOf(this.units.getUnits());
		return forest.units()
			.stream()
			.filter((u) -> (types.contains(u.type()) && forest.depth(u.code()) > 0) || codes.contains(u.code())
					|| (!levels.isEmpty() && levels.contains(forest.depth(u.code()))))
			.toList();
	}

	/**
	 * Builds (or rebuilds) the pack of one closed quarter into {@code context.dir()}, whatever its
	 * fingerprint, and records the fingerprint.
	 * @param quarter the quarter, e.g. {@code 2025-Q3}
	 * @param unitCode the unit whose subtree's pack to build, or {@code null} for the organization's
	 * @return the pack's folder, {@code packs/2025-Q3} (or {@code packs/2025-Q3/<unit>}) below {@code context.dir()}
	 * @throws IllegalArgumentException when the quarter is malformed or not closed on the as-of date,
	 *         or the unit is not in the store
	 */
	public Path build(String quarter, String unitCode, OutputContext context) throws IOException {
		Quarter q = Quarter.parse(quarter);
		if (!q.closedOn(context.asOf())) {
			throw new IllegalArgumentException("quarter " + q.id() + " is not closed on " + context.asOf()
					+ ": a pack is built once the quarter's last day (" + q.lastDay() + ") is reached");
		}
		PackSource source = new PackSource(context.read());
		PackData data = source.load(q, this.targets, unitCode);
		String fingerprint = fingerprint(data);
		PackStore.Row row = this.store.row(q, unitCode);
		LocalDate cutOff = (row == null) ? context.asOf() : row.cutOff(fingerprint, context.asOf());
		Path dir = PackFiles.write(q, unitCode, data, fingerprint, cutOff, context);
		// not compared at a refresh stamp: the next night compares its inputs the long way once
		this.store.record(q, unitCode, fingerprint, context.runId(), null, null, cutOff);
		PackIndex.write(context.dir(), source.forest(), context.asOf());
		return dir;
	}

	static String fingerprint(PackData data) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			byte[] digest = sha.digest((FORMAT + '\n' + data.canonical()).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
