package org.learnstats.ingest.excel;

import org.learnstats.vocabulary.RejectDetail;
import org.learnstats.vocabulary.RejectDetail.Text;

/**
 * A workbook that cannot be read: encrypted, corrupt, too large, of an old format, or no workbook
 * at all. Its detail is one of {@link RejectDetail}'s, in Chinese and English; its message is the
 * English one, for the log.
 */
public final class BadWorkbookException extends Exception {

	private static final long serialVersionUID = 1L;

	private final transient Text detail;

	public BadWorkbookException(Text detail) {
		super(detail.english());
		this.detail = detail;
	}

	public BadWorkbookException(Text detail, Throwable cause) {
		super(detail.english(), cause);
		this.detail = detail;
	}

	/** Why, as the reject ledger records it. */
	public Text detail() {
		return this.detail;
	}

}
