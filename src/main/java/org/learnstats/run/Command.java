package org.learnstats.run;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One parsed invocation of the command line: what the operator asked for, with every default
 * resolved, so nothing after parsing has to look at the arguments again.
 */
sealed interface Command {

	/** {@code run}: the nightly run. */
	record Run(LocalDate asOf, Path inbox, Path out) implements Command {
	}

	/**
	 * {@code pack --quarter 2025-Q3 [--unit CODE] [--as-of YYYY-MM-DD]}: build or rebuild one
	 * quarterly pack, the organization's or (unit not null) that of one unit's subtree.
	 * @param asOf the {@code --as-of} date, or null: then the as-of date of the last run that was done
	 *        (a default that lives in the store, {@link RunLedger#lastDoneAsOf()}), else {@code today}
	 * @param today today in {@code learnstats.time-zone}
	 */
	record Pack(String quarter, String unit, LocalDate asOf, LocalDate today, Path out) implements Command {
	}

	/** {@code status}: the last runs and the packs built so far. */
	record Status(int last) implements Command {
	}

	/** {@code worker}: take partitions of the nights of a manager until stopped ({@code learnstats.workers.enabled}). */
	record Worker() implements Command {
	}

	/** {@code --help}, overall or for one command: print and exit 0. */
	record Help(String text) implements Command {
	}

}
