package org.learnstats.ingest;

/**
 * The reject reasons of spec section 2.3, in the table's order: a row with several faults gets
 * the first reason in this order. The file-level reasons come first and quarantine a whole file
 * (a sheet; for BAD_WORKBOOK possibly a whole workbook): the spec's four, then the project's own
 * limits (README, "Why a row or a file is refused").
 */
public enum Reason {

	UNKNOWN_KIND(true), MISSING_COLUMN(true), EMPTY_FILE(true), NOT_TEXT(true),

	/** The file, its header row or its number of columns is beyond the limits of {@link IngestLimits}. */
	TOO_LARGE(true),

	/** The store refused the file's rows for a reason the checks did not foresee; the file is kept out. */
	STORE_ERROR(true),

	/** A workbook (.xlsx, .xls) or one of its sheets cannot be read: encrypted, corrupt, over its limits. */
	BAD_WORKBOOK(true),

	/** A record or one of its fields is longer than the limits of {@link IngestLimits}: nothing else is judged. */
	TOO_LONG(false),

	FIELD_COUNT(false), MISSING_VALUE(false), BAD_DATE(false), BAD_NUMBER(false), BAD_CODE(false),
	OUT_OF_RANGE(false), FUTURE_DATE(false), UNKNOWN_UNIT(false), UNKNOWN_SURVEY(false), CYCLE(false),
	DUPLICATE_KEY(false);

	private final boolean fileLevel;

	Reason(boolean fileLevel) {
		this.fileLevel = fileLevel;
	}

	public boolean fileLevel() {
		return this.fileLevel;
	}

}
