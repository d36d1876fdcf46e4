package org.learnstats.ingest.excel;

/** A workbook that cannot be read: encrypted, corrupt, too large, of an old format, or no workbook at all. */
public final class BadWorkbookException extends Exception {

	private static final long serialVersionUID = 1L;

	public BadWorkbookException(String detail) {
		super(detail);
	}

	public BadWorkbookException(String detail, Throwable cause) {
		super(detail, cause);
	}

}
