package org.learnstats.store;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import org.learnstats.ingest.Column;
import org.learnstats.ingest.CsvRecordReader;
import org.learnstats.ingest.IngestLimits;
import org.learnstats.ingest.InboxFile;
import org.learnstats.ingest.Values;

/**
 * The natural key a rejected row was going to write, read back from its raw text with the
 * file's header, so the open-problems ledger can tell when a later delivery applies that key.
 * Null when any key value is blank or not a valid code (too long), or the row cannot be read.
 */
final class RejectKey {

	/** Where each key column sits in a row of the file; null when the file's header has no kind. */
	private final int[] positions;

	private final char delimiter;

	private RejectKey(int[] positions, char delimiter) {
		this.positions = positions;
		this.delimiter = delimiter;
	}

	static RejectKey of(InboxFile file) {
		if (file.kind() == null || file.header() == null || file.header().positions() == null) {
			return new RejectKey(null, file.delimiter());
		}
		List<String> key = file.kind().key();
		List<Column> columns = file.kind().columns();
		int[] positions = new int[key.size()];
		for (int k = 0; k < key.size(); k++) {
			positions[k] = -1;
			for (int c = 0; c < columns.size(); c++) {
				if (columns.get(c).name().equals(key.get(k))) {
					positions[k] = file.header().positions()[c];
				}
			}
		}
		return new RejectKey(positions, file.delimiter());
	}

	/** The key values in the kind's key order, or null. */
	String[] read(String raw) {
		if (this.positions == null || raw == null || this.positions.length > 3) {
			return null;
		}
		List<String> fields;
		try (CsvRecordReader records = new CsvRecordReader(new StringReader(raw), this.delimiter,
				IngestLimits.defaults().maxRecordChars(), raw.length())) {
			if (!records.next()) {
				return null;
			}
			fields = records.fields();
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
		String[] key = new String[this.positions.length];
		for (int k = 0; k < key.length; k++) {
			int at = this.positions[k];
			String value = (at >= 0 && at < fields.size()) ? Values.trim(fields.get(at)) : null;
			if (value == null || value.isEmpty() || !Values.codeLengthOk(value)) {
				return null;
			}
			key[k] = value;
		}
		return key;
	}

}
