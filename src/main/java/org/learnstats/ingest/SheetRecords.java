package org.learnstats.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.learnstats.ingest.excel.BadWorkbookException;
import org.learnstats.ingest.excel.SheetRows;
import org.learnstats.ingest.excel.WorkbookFile;

/**
 * A workbook sheet's rows as export records: fields are the cells' text, the line is the row
 * number Excel shows, the raw text is the cells joined with tabs. Excel keeps no blank cells at
 * the end of a row, so a row shorter than the header is filled up with blank fields; a row
 * with a value right of the header's last column is longer (FIELD_COUNT).
 */
final class SheetRecords implements RecordSource {

	private final WorkbookFile workbook;

	private final SheetRows rows;

	private final int width;

	private final List<String> padded = new ArrayList<>();

	/**
	 * @param workbook the workbook to close with the sheet, or null when the caller keeps it open
	 * @param width the header's number of fields: shorter rows are filled up to it
	 */
	SheetRecords(WorkbookFile workbook, SheetRows rows, int width) {
		this.workbook = workbook;
		this.rows = rows;
		this.width = width;
	}

	/** Opens sheet {@code index} of the workbook at {@code file}; a workbook that became unreadable is an IOException. */
	static SheetRecords open(Path file, int index, int width) throws IOException {
		try {
			WorkbookFile workbook = WorkbookFile.open(file);
			try {
				return new SheetRecords(workbook, workbook.sheet(index), width);
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
		try {
			return this.rows.next();
		}
		catch (BadWorkbookException ex) {
			throw new IOException(ex.getMessage(), ex);
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
	public String unreadable(int index) {
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
