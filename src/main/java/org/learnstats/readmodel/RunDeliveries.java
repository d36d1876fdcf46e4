package org.learnstats.readmodel;

import java.io.IOException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import org.learnstats.vocabulary.ReasonLabel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;

/**
 * The delivery ledger as the outputs read it: the files a run read, its reject ledger, its
 * UNKNOWN_PERSON warnings and skipped re-deliveries and what a quarter's runs delivered (the
 * store's coverage by unit, kind and month is {@link ReadModel#eventMonths()}). Listings stream
 * their rows in a fixed order.
 */
public final class RunDeliveries {

	private static final String REJECTS = """
			SELECT d.path, r.line_no, r.kind, r.unit_code, r.reason, r.detail, r.detail_en
			FROM reject_row r JOIN delivery d ON d.delivery_id = r.delivery_id
			WHERE d.run_id = ? ORDER BY r.delivery_id, COALESCE(r.line_no, 0)""";

	private static final String REJECTED_ROWS = """
			SELECT d.path, r.line_no, r.kind, r.unit_code, r.reason, r.raw_text
			FROM reject_row r JOIN delivery d ON d.delivery_id = r.delivery_id
			WHERE d.run_id = ? ORDER BY r.delivery_id, COALESCE(r.line_no, 0)""";

	private static final String FILES = """
			SELECT path, CASE WHEN file_reason IS NULL THEN 'ingested' ELSE 'quarantined' END, sha256, kind,
			       encoding, delimiter_char, byte_size, rows_read, rows_applied, rows_rejected, unknown_persons,
			       file_reason, millis, delivery_id AS seq
			FROM delivery WHERE run_id = ?
			UNION ALL
			SELECT s.path, 'duplicate', s.sha256, d.kind, d.encoding, d.delimiter_char, d.byte_size, 0, 0, 0, 0,
			       NULL, 0, s.delivery_id
			FROM delivery_skip s JOIN delivery d ON d.delivery_id = s.delivery_id WHERE s.run_id = ?
			ORDER BY 14, 2""";

	private static final String WARNINGS = """
			SELECT d.path, w.line_no, w.kind, w.unit_code, w.person_id, '%s'
			FROM person_warning w JOIN delivery d ON d.delivery_id = w.delivery_id
			WHERE d.run_id = ? ORDER BY w.delivery_id, w.line_no""".formatted(ReasonLabel.UNKNOWN_PERSON.code());

	/**
	 * Which units delivered which kind for which month: rows of the store by unit, kind and month
	 * (yyyy-MM) of their event date, with the unit's name; attendance counted from the refresh's
	 * per-session summary (the same counts, without reading the history's sign-ins every night).
	 */
	private static final String FILE_COUNTS = """
			SELECT path, kind, encoding, rows_read, rows_applied, rows_rejected, unknown_persons, file_reason
			FROM delivery WHERE run_id = ?""";

	private static final String REJECT_COUNTS = """
			SELECT r.unit_code, r.reason,
			       SUM(CASE WHEN r.line_no IS NULL THEN d.rows_rejected ELSE 1 END), COUNT(*)
			FROM reject_row r JOIN delivery d ON d.delivery_id = r.delivery_id
			WHERE d.run_id = ?
			GROUP BY r.unit_code, r.reason""";

	private static final String WARNING_COUNTS = """
			SELECT w.unit_code, w.kind, COUNT(*), COUNT(DISTINCT w.person_id)
			FROM person_warning w JOIN delivery d ON d.delivery_id = w.delivery_id
			WHERE d.run_id = ?
			GROUP BY w.unit_code, w.kind""";

	private static final String WARNING_PEOPLE = """
			SELECT w.unit_code, w.person_id, COUNT(*)
			FROM person_warning w JOIN delivery d ON d.delivery_id = w.delivery_id
			WHERE d.run_id = ?
			GROUP BY w.unit_code, w.person_id
			ORDER BY w.unit_code, w.person_id
			FETCH FIRST %d ROWS ONLY""";

	private static final String SKIPS = """
			SELECT s.path, s.sha256, d.path, d.run_id
			FROM delivery_skip s LEFT JOIN delivery d ON d.delivery_id = s.delivery_id
			WHERE s.run_id = ?""";

	private static final String DELIVERED = """
			SELECT d.kind, COUNT(*), SUM(CASE WHEN d.file_reason IS NULL THEN 0 ELSE 1 END),
			       SUM(d.rows_read), SUM(d.rows_rejected)
			FROM delivery d JOIN ls_run r ON r.run_id = d.run_id
			WHERE r.as_of BETWEEN ? AND ?
			GROUP BY d.kind
			""";

	private static final String REASONS = """
			SELECT j.reason, COUNT(*)
			FROM reject_row j JOIN delivery d ON d.delivery_id = j.delivery_id JOIN ls_run r ON r.run_id = d.run_id
			WHERE r.as_of BETWEEN ? AND ?
			GROUP BY j.reason
			""";

	private final JdbcTemplate jdbc;

	RunDeliveries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A run's reject ledger: file, line, kind, unit, reason, detail, detail_en; in ledger order. */
	public void rejects(long runId, RowHandler rows) {
		stream(REJECTS, rows, runId);
	}

	/** A run's rejected rows with their raw text (which carries names): file, line, kind, unit, reason, raw. */
	public void rejectedRows(long runId, RowHandler rows) {
		stream(REJECTED_ROWS, rows, runId);
	}

	/**
	 * Every file a run read, re-deliveries included: path, status, sha256, kind, encoding, delimiter,
	 * bytes, rows read, applied, rejected, unknown persons, reason, millis, then the delivery's order.
	 */
	public void files(long runId, RowHandler rows) {
		stream(FILES, rows, runId, runId);
	}

	/** A run's UNKNOWN_PERSON warnings: file, line, kind, unit, person, the warning's code. */
	public void warnings(long runId, RowHandler rows) {
		stream(WARNINGS, rows, runId);
	}

	/** A run's files: path, kind, encoding, rows read, applied, rejected, unknown persons, reason. */
	public <T> List<T> fileCounts(long runId, RowMapper<T> mapper) {
		return this.jdbc.query(FILE_COUNTS, mapper, runId);
	}

	/** A run's rejected rows by unit and reason: unit, reason, rows, ledger entries. */
	public <T> List<T> rejectCounts(long runId, RowMapper<T> mapper) {
		return this.jdbc.query(REJECT_COUNTS, mapper, runId);
	}

	/** A run's UNKNOWN_PERSON warnings by unit and kind: unit, kind, rows, persons. */
	public <T> List<T> warningCounts(long runId, RowMapper<T> mapper) {
		return this.jdbc.query(WARNING_COUNTS, mapper, runId);
	}

	/** At most {@code limit} of a run's unknown persons by unit and person: unit, person, rows. */
	public <T> List<T> warningPeople(long runId, int limit, RowMapper<T> mapper) {
		return this.jdbc.query(WARNING_PEOPLE.formatted(limit), mapper, runId);
	}

	/** A run's skipped re-deliveries: path, sha256, the repeated file's path and run. */
	public <T> List<T> skips(long runId, RowMapper<T> mapper) {
		return this.jdbc.query(SKIPS, mapper, runId);
	}

	/**
	 * The files of the runs as of {@code from} to {@code to} by kind: kind, files, quarantined, rows
	 * read, rows rejected.
	 */
	public <T> List<T> delivered(LocalDate from, LocalDate to, RowMapper<T> mapper) {
		return this.jdbc.query(DELIVERED, mapper, Date.valueOf(from), Date.valueOf(to));
	}

	/** The reject ledger of the runs as of {@code from} to {@code to} by reason: reason, entries. */
	public <T> List<T> reasons(LocalDate from, LocalDate to, RowMapper<T> mapper) {
		return this.jdbc.query(REASONS, mapper, Date.valueOf(from), Date.valueOf(to));
	}

	private void stream(String sql, RowHandler rows, Object... args) {
		this.jdbc.query(sql, (RowCallbackHandler) (rs) -> row(rows, rs), args);
	}

	private static void row(RowHandler rows, ResultSet rs) throws SQLException {
		Object[] cells = new Object[rs.getMetaData().getColumnCount()];
		for (int i = 0; i < cells.length; i++) {
			cells[i] = rs.getObject(i + 1);
		}
		try {
			rows.row(cells);
		}
		catch (IOException ex) {
			throw new SQLException("cannot write a listing: " + ex.getMessage(), ex);
		}
	}

}
