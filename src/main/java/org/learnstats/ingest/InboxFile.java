package org.learnstats.ingest;

import java.nio.file.Path;

/**
 * One export found in the inbox, as the scan saw it.
 *
 * @param path the file
 * @param relativePath its path relative to the inbox, with '/' separators (its name in ledgers)
 * @param text its hash, size and encoding
 * @param delimiter the delimiter found in its header row
 * @param header the kind its header names, or why it names none
 * @param fileRejection a file-level reason (NOT_TEXT, EMPTY_FILE, UNKNOWN_KIND, MISSING_COLUMN) or null
 */
public record InboxFile(Path path, String relativePath, TextEncoding text, char delimiter, HeaderMatch header,
		Rejection fileRejection) {

	/** The kind whose rows the file holds; null for a quarantined file. */
	public ExportKind kind() {
		return this.fileRejection == null ? this.header.kind() : null;
	}

	/** The kind to name in ledgers: the matched one, or the nearest for MISSING_COLUMN. */
	public String kindName() {
		if (this.header == null) {
			return null;
		}
		if (this.header.kind() != null) {
			return this.header.kind().name();
		}
		return this.header.nearest() == null ? null : this.header.nearest().name();
	}

}
