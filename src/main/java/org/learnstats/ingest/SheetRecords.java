package org.learnstats.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.learnstats.ingest.excel.BadWorkbookException;
import org.learnstats.ingest.excel.SheetRows;
import org.learnstats.ingest.excel.WorkbookFile;
import org.learnstats.vocabulary.RejectDetail.Text;

/**
 * A workbook sheet's rows as export records: fields are the cells' text, the line is the row
 * number Excel shows, the raw text is the cells joined with tabs. Excel keeps no blank cells at
 * the end of a row, so a row shorter than the header is filled up with blank fields; a row
 * with a value right of the header's last column is longer (FIELD_COUNT).
 * <p>
 * Read to its end, it checks that the workbook's bytes still hash as the scan saw them
 * ({@link UnreadFile.FileChangedException} when not), as {@link TextEncoding#open} does for a
 * text file: a workbook rewritten after the scan is never taken for the delivery the scan saw.
 * The check costs one more pass over the workbook's (compressed) bytes per sheet read.
 */
final class SheetRecords implements RecordSource {

	private final WorkbookFile workbook;

	private final SheetRows rows;

	private final int width;

	private final List<String> padded = new ArrayList<>();

	/** The workbook file and its identity at the scan, checked at the end; null for no check. */
	private final Path file;

	private final TextEncoding identity;

	private boolean checked;

	/**
	 * @param workbook the workbook to close with the sheet, or null when the caller keeps it open
	 * @param width the header's number of fields: shorter rows are filled up to it
	 */
	SheetRecords(WorkbookFile workbook, SheetRows rows, int width) {
		this(workbook, rows, width, null, null);
	}

	private SheetRecords(WorkbookFile workbook, SheetRows rows, int width, Path file, TextEncoding identity) {
		this.workbook = workbook;
		this.rows = rows;
		this.width = width;
		this.file = file;
		this.identity = identity;
	}

	/**
	 * Opens sheet {@code index} of the workbook at {@code file}; a workbook that became unreadable is
	 * an IOException.
	 *
	 * @param identity the workbook's SHA-256 and size at the scan, checked once the sheet is read
	 * to its end; null for no check
	 */
	static SheetRecords open(Path file, int index, int width, TextEncoding identity) throws IOException {
		try {
			WorkbookFile workbook = WorkbookFile.open(file);
			try {
				return new SheetRecords(workbook, workbook.sheet(index), width, file, identity);
			}
			catch (BadWorkbookException | RuntimeException ex) {
				workbook.close();
				throw ex;
			}
		}
		catch (BadWorkbookException ex) {
			throw new IOException(file.getFileName() + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public boolean next() throws IOException {
		boolean more;
		try {
			more = this.rows.next();
		}
		catch (BadWorkbookException ex) {
			throw new IOException(ex.getMessage(), ex);
		}
		if (!more) {
			checkUnchanged();
		}
		return more;
	}

	private void checkUnchanged() throws IOException {
		if (this.checked || this.identity == null) {
			return;
		}
		this.checked = true;
		TextEncoding now = TextEncoding.ofWorkbook(this.file, null);
		if (now.size() != this.identity.size()) {
			throw new UnreadFile.FileChangedException(
					"%d bytes, %d when the inbox was scanned".formatted(now.size(), this.identity.size()));
		}
		if (!now.sha256().equals(this.identity.sha256())) {
			throw new UnreadFile.FileChangedException("other bytes than when the inbox was scanned");
		}
	}

	@Override
	public List<String> fields() {
		List<String> cells = this.rows.cells();
		if (cells.size() >= this.width) {
			return cells;
		}
		this.padded.clear();
		this.padded.addAll(cells);
		while (this.padded.size() < this.width) {
			this.padded.add("");
		}
		return this.padded;
	}

	@Override
	public long line() {
		return this.rows.rowNumber();
	}

	@Override
	public String raw() {
		return String.join("\t", this.rows.cells());
	}

	@Override
	public Text unreadable(int index) {
		return this.rows.problem(index);
	}

	@Override
	public void close() {
		this.rows.close();
		if (this.workbook != null) {
			this.workbook.close();
		}
	}

}
