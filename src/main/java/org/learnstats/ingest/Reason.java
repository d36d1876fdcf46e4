package org.learnstats.ingest;

/**
 * The reject reasons of spec section 2.3, in the table's order: a row with several faults gets
 * the first reason in this order. The file-level ones quarantine a whole file (a sheet, for
 * BAD_WORKBOOK possibly a whole workbook).
 */
public enum Reason {

	UNKNOWN_KIND(true), MISSING_COLUMN(true), EMPTY_FILE(true), NOT_TEXT(true), BAD_WORKBOOK(true),

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
