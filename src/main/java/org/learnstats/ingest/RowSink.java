package org.learnstats.ingest;

/** Where a file's verdicts go: applied rows to staging, rejected rows to the ledger. */
public interface RowSink {

	/** A row that passed every check, as the store table's values. */
	void apply(Object[] storeRow, CheckedRow row);

	/** A row that did not, with the unit it names (may be null) and its raw text. */
	void reject(long line, String unitCode, Rejection rejection, String raw);

}
