package org.learnstats.outputs;

import java.util.ArrayList;
import java.util.List;

/**
 * The output parts (or pieces of a part: one pack, the charts of one unit) that could not be
 * rebuilt tonight, with why. The run keeps the previous night's files of each, shows them on the
 * dashboard's banner, names them in {@code run.json} and the summary, and exits 1 so the operator
 * is paged. Thread-safe: charts are drawn on several threads.
 */
public final class OutputFailures {

	/** The longest cause kept: an exception's message can be a whole SQL statement. */
	static final int MAX_CAUSE = 300;

	/**
	 * One piece that was not rebuilt.
	 * @param part what it is, e.g. {@code PackPart}, {@code pack 2025-Q3}, {@code charts of unit SWB}
	 * @param cause the exception's type and message, one line
	 */
	public record Failure(String part, String cause) {

		@Override
		public String toString() {
			return this.part + " (" + this.cause + ")";
		}

	}

	private final List<Failure> failures = new ArrayList<>();

	/** Records that {@code part} failed with {@code cause}. */
	public synchronized void add(String part, Throwable cause) {
		this.failures.add(new Failure(part, describe(cause)));
	}

	/** Records a failure already described, as another process (a worker) recorded it. */
	public synchronized void add(Failure failure) {
		this.failures.add(failure);
	}

	public synchronized List<Failure> list() {
		return List.copyOf(this.failures);
	}

	public synchronized boolean isEmpty() {
		return this.failures.isEmpty();
	}

	/** A cause as one short line: the innermost exception's type and message. */
	static String describe(Throwable cause) {
		Throwable root = cause;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = (root.getMessage() != null) ? root.getMessage() : "";
		String text = root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
		text = text.replaceAll("\\s+", " ").strip();
		return (text.length() <= MAX_CAUSE) ? text : text.substring(0, MAX_CAUSE) + "…";
	}

}
