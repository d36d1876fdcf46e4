package org.learnstats.ingest;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One export found in the inbox, as the scan saw it: a text file, or one sheet of a workbook.
 *
 * @param path the file (for a sheet: its workbook)
 * @param relativePath its path relative to the inbox, with '/' separators (its name in ledgers);
 * for a sheet the workbook's path, '#' and the sheet's name
 * @param text its hash, size and encoding (for a sheet: the workbook's hash and size, and
 * "xlsx" or "xls")
 * @param delimiter the delimiter found in its header row
 * @param header the kind its header names, or why it names none
 * @param fileRejection a file-level reason (NOT_TEXT, EMPTY_FILE, UNKNOWN_KIND, MISSING_COLUMN,
 * BAD_WORKBOOK) or null
 * @param headerLine the line (a sheet's row number) of the header row; records above it are titles
 * @param sheet for a sheet, its index in the workbook; -1 for a text file
 */
public record InboxFile(Path path, String relativePath, TextEncoding text, char delimiter, HeaderMatch header,
		Rejection fileRejection, long headerLine, int sheet) {

	/** A text file whose header is its first record. */
	public InboxFile(Path path, String relativePath, TextEncoding text, char delimiter, HeaderMatch header,
			Rejection fileRejection) {
		this(path, relativePath, text, delimiter, header, fileRejection, 0, -1);
	}

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

	/** Whether this export is a sheet of a workbook. */
	public boolean isSheet() {
		return this.sheet >= 0;
	}

	/**
	 * Its records from the first, the header and any title rows above it included; a text file's
	 * records are cut at the limits' record length, and its bytes are checked at their end against
	 * the scan's ({@link TextEncoding#open}).
	 */
	RecordSource open(IngestLimits limits) throws IOException {
		return isSheet() ? SheetRecords.open(this.path, this.sheet, this.header.width(), this.text)
				: new CsvRecordReader(this.text.open(this.path), this.delimiter, limits.maxRecordChars(),
						this.text.size());
	}

}
