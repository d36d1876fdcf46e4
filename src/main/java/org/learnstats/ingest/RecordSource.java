package org.learnstats.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import org.learnstats.vocabulary.RejectDetail.Text;

/**
 * The records of one export, in order, blank ones left out: a text file's records
 * ({@link CsvRecordReader}) or a sheet's rows ({@link SheetRecords}).
 */
public interface RecordSource extends Closeable {

	/** Advances to the next record that is not blank; false at the end. */
	boolean next() throws IOException;

	/** The current record's fields, untrimmed. */
	List<String> fields();

	/** Where the current record starts: a text file's physical line, a sheet's row number (1-based). */
	long line();

	/** The current record as delivered: its text, or a sheet row's cells joined with tabs. */
	String raw();

	/**
	 * The current record's whole length in characters, which may exceed {@link #raw()}'s when
	 * the source cuts an over-long record (TOO_LONG).
	 */
	default long length() {
		return raw().length();
	}

	/**
	 * Why field {@code index} holds no value that can be read (a formula with no cached value,
	 * an error cell), or null. The field's text then shows the formula or the error.
	 */
	default Text unreadable(int index) {
		return null;
	}

}
