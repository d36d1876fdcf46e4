package org.learnstats.outputs;

import java.nio.file.Path;
import java.time.LocalDate;

import org.learnstats.readmodel.ReadModel;

/**
 * What an {@link OutputPart} needs to know about the run it writes for.
 *
 * @param runId the run's id in {@code ls_run}
 * @param asOf the as-of date D the run reports on
 * @param dir the folder being built, published as the output folder when all parts are done
 * @param previous the currently published output folder, or {@code null} on the first run
 * @param failures the parts and pieces not rebuilt so far in this run; a part that isolates its
 * own pieces (one pack, one unit's charts) records them here and keeps their previous files
 * @param read what every part reads of the store, loaded once for the run; {@code null} only
 * for a context of parts that read nothing (then {@link #read()} says so)
 */
public record OutputContext(long runId, LocalDate asOf, Path dir, Path previous, OutputFailures failures,
		ReadModel read) {

	public OutputContext(long runId, LocalDate asOf, Path dir, Path previous, ReadModel read) {
		this(runId, asOf, dir, previous, new OutputFailures(), read);
	}

	/** Without a read model: for parts that read nothing of the store. */
	public OutputContext(long runId, LocalDate asOf, Path dir, Path previous) {
		this(runId, asOf, dir, previous, new OutputFailures(), null);
	}

	/** The run's read model. */
	@Override
	public ReadModel read() {
		if (this.read == null) {
			throw new IllegalStateException("this output context was made without a read model");
		}
		return this.read;
	}

}
