package org.learnstats.ingest;

/**
 * The accounting of one file: rows_read = rows_applied + rows_rejected. Title rows above the
 * header and total rows at the end are skipped, not read.
 */
public record FileResult(long rowsRead, long rowsApplied, long rowsRejected, long rowsSkipped) {

	public FileResult(long rowsRead, long rowsApplied, long rowsRejected) {
		this(rowsRead, rowsApplied, rowsRejected, 0);
	}

}
