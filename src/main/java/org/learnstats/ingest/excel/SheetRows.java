package org.learnstats.ingest.excel;

import java.io.Closeable;
import java.util.List;
import org.learnstats.vocabulary.RejectDetail.Text;

/**
 * The rows of one sheet, top to bottom, blank rows left out. A row's cells run from column A to
 * its last non-blank cell, each as text by {@link CellText}'s rules.
 */
public interface SheetRows extends Closeable {

	/** Advances to the next row holding a non-blank cell; false at the end of the sheet. */
	boolean next() throws BadWorkbookException;

	/** The row's number as Excel shows it (1-based). */
	long rowNumber();

	/** The row's cells as text, from column A; blank cells are "". */
	List<String> cells();

	/**
	 * Why cell {@code column} has no value to read (a formula with no cached value, an error
	 * such as #DIV/0!), or null. Such a cell's text is the formula or the error code.
	 */
	Text problem(int column);

	/** The last row number the sheet declares (its dimension), or -1 when it declares none. */
	long declaredLastRow();

	@Override
	void close();

}
