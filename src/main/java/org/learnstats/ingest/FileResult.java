package org.learnstats.ingest;

/** The accounting of one file: rows_read = rows_applied + rows_rejected. */
public record FileResult(long rowsRead, long rowsApplied, long rowsRejected) {
}
