package org.learnstats.ingest;

import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What no real export reaches, under {@code learnstats.ingest}: beyond these a file is
 * quarantined {@code TOO_LARGE} or a row rejected {@code TOO_LONG} instead of taking the night
 * down, and the reader never holds more than one bounded record in memory. Also the programme's
 * earliest date: an event dated before it is {@code OUT_OF_RANGE} (spec section 2).
 *
 * @param maxFileSize a larger file is not read at all (TOO_LARGE)
 * @param maxRecordChars a longer header row quarantines the file (TOO_LARGE); a longer data
 * record is rejected (TOO_LONG) and reading goes on at the next record
 * @param maxFieldChars a row with a longer field is rejected (TOO_LONG); at most 1,000,000, what
 * the store's text columns hold
 * @param maxColumns a header with more columns quarantines the file (TOO_LARGE)
 * @param earliestDate event dates (session, completion, trip start, opening, submission) before
 * it are OUT_OF_RANGE
 */
@ConfigurationProperties("learnstats.ingest")
public record IngestLimits(@DefaultValue(MAX_FILE_SIZE) DataSize maxFileSize,
		@DefaultValue(MAX_RECORD_CHARS) int maxRecordChars, @DefaultValue(MAX_FIELD_CHARS) int maxFieldChars,
		@DefaultValue(MAX_COLUMNS) int maxColumns, @DefaultValue(EARLIEST_DATE) LocalDate earliestDate) {

	static final String MAX_FILE_SIZE = "2GB";

	static final String MAX_RECORD_CHARS = "1000000";

	static final String MAX_FIELD_CHARS = "100000";

	static final String MAX_COLUMNS = "2000";

	static final String EARLIEST_DATE = "2000-01-01";

	/** The length of the store's text columns (VARCHAR(1000000)). */
	static final int STORE_TEXT = 1_000_000;

	public IngestLimits {
		if (maxFileSize == null || maxFileSize.toBytes() < 1) {
			throw new IllegalArgumentException("learnstats.ingest.max-file-size must be positive");
		}
		if (maxRecordChars < 1 || maxColumns < 1 || earliestDate == null) {
			throw new IllegalArgumentException(
					"learnstats.ingest.max-record-chars and max-columns must be positive, earliest-date set");
		}
		if (maxFieldChars < 1 || maxFieldChars > STORE_TEXT) {
			throw new IllegalArgumentException("learnstats.ingest.max-field-chars must be 1 to " + STORE_TEXT
					+ " (the store's text columns hold no more)");
		}
	}

	/** The defaults, as a run without settings has them. */
	public static IngestLimits defaults() {
		return new IngestLimits(DataSize.parse(MAX_FILE_SIZE), Integer.parseInt(MAX_RECORD_CHARS),
				Integer.parseInt(MAX_FIELD_CHARS), Integer.parseInt(MAX_COLUMNS), LocalDate.parse(EARLIEST_DATE));
	}

}
