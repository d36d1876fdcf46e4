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
import org.learnstats.ingest.UnreadFile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The record of every file ever read: the delivery row (its identity is its SHA-256; a
 * quarantined file's bytes may arrive, and be quarantined, again), the rejects, the
 * re-deliveries a run skipped and the files it found but could not read. Written in the same transaction as the rows a
 * file applies, so a file is either wholly in the store with its ledger or not at all.
 */
@Component
public class DeliveryLedger {

	/** Raw rows longer than this are cut in the ledger, with a marker (the file keeps them whole). */
	static final int MAX_RAW = 10_000;

	/**
	 * The unit code a reject names is the row's text as delivered, which may be anything: cut
	 * beyond this (a valid code has at most 64 code points, 128 UTF-16 units).
	 */
	static final int MAX_UNIT = 200;

	private final JdbcTemplate jdbc;

	public DeliveryLedger(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/**
	 * delivery_id of every file already ingested, by SHA-256 (for a workbook: of one of its sheets).
	 * Quarantined files are not among them: they were not ingested, so the same bytes arriving again
	 * are quarantined again (spec 2.2).
	 */
	public Map<String, Long> knownDeliveries() {
		Map<String, Long> known = new HashMap<>();
		this.jdbc.query("SELECT sha256, delivery_id FROM delivery WHERE file_reason IS NULL", (rs) -> {
			known.put(rs.getString(1).strip(), rs.getLong(2));
		});
		return known;
	}

	/** The files one run recorded (ingested or quarantined), by path and SHA-256. */
	public Map<String, RunDelivery> deliveriesOfRun(long runId) {
		Map<String, RunDelivery> files = new HashMap<>();
		this.jdbc.query("SELECT delivery_id, path, sha256, rows_read, rows_rejected FROM delivery WHERE run_id = ?", (rs) -> {
			RunDelivery d = new RunDelivery(rs.getLong(1), rs.getString(2), rs.getString(3).strip(), rs.getLong(4),
					rs.getLong(5));
			files.put(d.key(), d);
		}, runId);
		return files;
	}

	/** A file a run recorded: its id, and its rows for the progress of a resumed run. */
	public record RunDelivery(long deliveryId, String path, String sha256, long rowsRead, long rowsRejected) {

		/** The key of {@link #deliveriesOfRun}: a file at the same path with the same bytes. */
		public static String key(String path, String sha256) {
			return sha256 + '/' + path;
		}

		String key() {
			return key(this.path, this.sha256);
		}

	}

	/**
	 * Forgets what an earlier attempt of a run found but did not ingest (its skipped re-deliveries
	 * and unread files): the scan of a resumed run finds them again, once.
	 */
	public void forgetScan(long runId) {
		this.jdbc.update("DELETE FROM delivery_skip WHERE run_id = ?", runId);
		this.jdbc.update("DELETE FROM inbox_unread WHERE run_id = ?", runId);
	}

	/** A file the run found but did not read, and why. */
	public void recordUnread(long runId, UnreadFile file) {
		this.jdbc.update("INSERT INTO inbox_unread (run_id, path, cause, detail) VALUES (?, ?, ?, ?)", runId,
				file.path(), file.cause().name(), Rejection.cut(file.detail(), Rejection.MAX_DETAIL));
	}

	/** The last delivery id of the runs before {@code runId} (runs follow one another). */
	public long lastDeliveryIdBefore(long runId) {
		Long max = this.jdbc.queryForObject("SELECT MAX(delivery_id) FROM delivery WHERE run_id <> ?", Long.class,
				runId);
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
					INSERT INTO reject_row (delivery_id, line_no, kind, unit_code, reason, detail, detail_en, raw_text)
					VALUES (?, NULL, ?, NULL, ?, ?, ?, NULL)""", deliveryId, file.kindName(),
					fileRejection.reason().name(), fileRejection.detail(), fileRejection.english());
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
				INSERT INTO reject_row (delivery_id, line_no, kind, unit_code, reason, detail, raw_text, key_1, key_2, key_3,
				    detail_en)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, 1000, (ps, r) -> {
			ps.setLong(1, deliveryId);
			ps.setLong(2, r.line());
			ps.setString(3, kind);
			ps.setString(4, Rejection.cut(r.unitCode(), MAX_UNIT));
			ps.setString(5, r.rejection().reason().name());
			ps.setString(6, r.rejection().detail());
			ps.setString(7, Rejection.cut(r.raw(), MAX_RAW));
			for (int k = 0; k < 3; k++) {
				ps.setString(8 + k, (r.key() != null && k < r.key().length) ? r.key()[k] : null);
			}
			ps.setString(11, r.rejection().english());
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

	/**
	 * A rejected row waiting for the ledger.
	 *
	 * @param key the natural key it names (kind's key order), or null when it cannot be read
	 */
	public record RejectedRow(long line, String unitCode, Rejection rejection, String raw, String[] key) {
	}

}
