package org.learnstats.ingest;

/**
 * What the ingest reports while it works, so a long night shows steady progress in the log (and
 * a live bar on a terminal). The bean {@code progressListener} implements it; the ingest calls it
 * from the thread that reads the file. Every method is cheap: call {@link #rows} per chunk, not
 * per row.
 */
public interface ProgressListener {

	/** The inbox was scanned: {@code files} export files to consider, {@code bytes} in all. */
	default void inboxScanned(int files, long bytes) {
	}

	/** A step begins (e.g. {@code ingestPeople}, {@code refreshIndicators}). */
	default void stepStarted(String step) {
	}

	/**
	 * A file starts being read.
	 * @param path the file relative to the inbox
	 * @param kind its kind, or {@code null} while not yet known
	 * @param bytes its size
	 */
	void fileStarted(String path, String kind, long bytes);

	/** More rows of the current file are done: counts since the previous call, not totals. */
	void rows(long read, long rejected);

	/**
	 * The current file is done and committed with its delivery row.
	 * @param reason the file-level reason when the file was quarantined, else {@code null}
	 */
	void fileDone(String path, long read, long applied, long rejected, String reason);

	/**
	 * The rows reported since the last {@link #fileDone} were undone (their chunk went back to its
	 * start, to be read again or without a file that could not be read): they are not done.
	 */
	default void readDropped() {
	}

	/**
	 * A file an earlier attempt of this (resumed) run read and recorded: it counts as done, with
	 * the rows it read and rejected then.
	 */
	default void fileReadEarlier(String path, long read, long rejected) {
	}

	/** A file skipped as a re-delivery of a file already read. */
	default void fileSkipped(String path) {
	}

}
