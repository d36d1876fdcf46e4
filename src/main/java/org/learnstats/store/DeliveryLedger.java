package org.learnstats.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.learnstats.ingest.FileResult;
import org.learnstats.ingest.InboxFile;
import org.learnstats.ingest.Rejection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The record of every file ever read: the delivery row (its identity is its SHA-256), the
 * rejects, and the re-deliveries a run skipped. Written in the same transaction as the rows a
 * file applies, so a file is either wholly in the store with its ledger or not at all.
 */
@Component
public class DeliveryLedger {

	/** Raw rows longer than this are cut in the ledger (the file keeps them whole). */
	static final int MAX_RAW = 10_000;

	private final JdbcTemplate jdbc;

	public DeliveryLedger(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/** delivery_id of every file already read, by SHA-256 (for a workbook: of one of its sheets). */
	public Map<String, Long> knownDeliveries() {
		Map<String, Long> known = new HashMap<>();
		this.jdbc.query("SELECT sha256, delivery_id FROM delivery", (rs) -> {
			known.put(rs.getString(1), rs.getLong(2));
		});
		return known;
	}

	public long lastDeliveryId() {
		Long max = this.jdbc.queryForObject("SELECT MAX(delivery_id) FROM delivery", Long.class);
		return max == null ? 0 : max;
	}

	public void recordDelivery(long deliveryId, long runId, InboxFile file, FileResult result, Rejection fileRejection,
			long millis) {
		this.jdbc.update("""
				INSERT INTO delivery (delivery_id, sha256, path, kind, encoding, delimiter_char, byte_size, rows_read,
				    rows_applied, rows_rejected, unknown_persons, file_reason, run_id, ingested_at, millis, rows_skipped)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)
				""", deliveryId, file.text().sha256(), file.relativePath(), file.kindName(), file.text().encoding(),
				delimiterName(file), file.text().size(), result.rowsRead(), result.rowsApplied(),
				result.rowsRejected(), fileRejection == null ? null : fileRejection.reason().name(), runId,
				Timestamp.from(Instant.now()), millis, result.rowsSkipped());
		if (fileRejection != null) {
			this.jdbc.update("""
					INSERT INTO reject_row (delivery_id, line_no, kind, unit_code, reason, detail, raw_text)
					VALUES (?, NULL, ?, NULL, ?, ?, NULL)""", deliveryId, file.kindName(),
					fileRejection.reason().name(), fileRejection.detail());
		}
	}

	public void recordSkip(long runId, InboxFile file, long deliveryId) {
		this.jdbc.update("INSERT INTO delivery_skip (run_id, path, sha256, delivery_id) VALUES (?, ?, ?, ?)", runId,
				file.relativePath(), file.text().sha256(), deliveryId);
	}

	/** Row rejects of one file, inserted in one batch. */
	public void recordRejects(long deliveryId, String kind, List<RejectedRow> rows) {
		if (rows.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate("""
				INSERT INTO reject_row (delivery_id, line_no, kind, unit_code, reason, detail, raw_text)
				VALUES (?, ?, ?, ?, ?, ?, ?)""", rows, 1000, (ps, r) -> {
			ps.setLong(1, deliveryId);
			ps.setLong(2, r.line());
			ps.setString(3, kind);
			ps.setString(4, r.unitCode());
			ps.setString(5, r.rejection().reason().name());
			ps.setString(6, r.rejection().detail());
			ps.setString(7, r.raw().length() > MAX_RAW ? r.raw().substring(0, MAX_RAW) : r.raw());
		});
	}

	/** UNKNOWN_PERSON warnings of one file's applied rows, inserted in one batch. */
	void recordWarnings(long deliveryId, String kind, List<PersonWarning> rows) {
		if (rows.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate("""
				INSERT INTO person_warning (delivery_id, line_no, kind, unit_code, person_id)
				VALUES (?, ?, ?, ?, ?)""", rows, 1000, (ps, w) -> {
			ps.setLong(1, deliveryId);
			ps.setLong(2, w.line());
			ps.setString(3, kind);
			ps.setString(4, w.unitCode());
			ps.setString(5, w.personId());
		});
	}

	/** Counts the UNKNOWN_PERSON warnings of deliveries into their delivery rows. */
	void countWarnings(long fromDeliveryId, long toDeliveryId) {
		this.jdbc.update("""
				UPDATE delivery SET unknown_persons =
				    (SELECT COUNT(*) FROM person_warning w WHERE w.delivery_id = delivery.delivery_id)
				WHERE delivery_id BETWEEN ? AND ?""", fromDeliveryId, toDeliveryId);
	}

	private static String delimiterName(InboxFile file) {
		if (file.header() == null || file.isSheet()) {
			return null;
		}
		return switch (file.delimiter()) {
			case '\t' -> "tab";
			case ';' -> "semicolon";
			default -> "comma";
		};
	}

	/** An applied row naming a person the roster does not hold, waiting for the ledger. */
	record PersonWarning(long line, String unitCode, String personId) {
	}

	/** A rejected row waiting for the ledger. */
	public record RejectedRow(long line, String unitCode, Rejection rejection, String raw) {
	}

}
