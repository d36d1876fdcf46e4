package org.learnstats.outputs;

/**
 * How many threads an output part that works in parallel (the charts, a quarter's packs) uses when
 * its setting is not given: one per core, at most four (beyond that they wait on the store and the
 * disk). The one home of that rule for every part.
 */
public final class OutputThreads {

	/** At most this many threads by default, whatever the cores. */
	static final int MAX_BY_DEFAULT = 4;

	private OutputThreads() {
	}

	/** One thread per core, at most {@value #MAX_BY_DEFAULT}. */
	public static int byDefault() {
		return Math.min(MAX_BY_DEFAULT, Runtime.getRuntime().availableProcessors());
	}

	/** {@code configured} when above zero, else {@link #byDefault()}. */
	public static int orDefault(int configured) {
		return (configured > 0) ? configured : byDefault();
	}

}
