package org.learnstats.outputs.pack;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The fingerprints of the packs built so far: the organization's in {@code quarter_pack}, a
 * unit's in {@code unit_pack}; with each, the refresh stamp its inputs were last compared at and
 * the digest of the inputs every pack shares ({@link PackPart#due}). A component handed to
 * {@link PackPart}: the one class of the outputs that opens the store itself, for the one table an
 * output writes.
 */
@Component
final class PackStore {

	private final JdbcTemplate jdbc;

	PackStore(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/**
	 * What the store holds of one pack.
	 * @param fingerprint the fingerprint of the inputs it was built from
	 * @param checkedSeq the refresh stamp at which its inputs were last compared, or null
	 * @param shared the digest of the shared inputs at that time, or null
	 * @param dataAsOf the as-of date it was built with (its data cut-off), or null
	 */
	record Row(String fingerprint, Long checkedSeq, String shared, LocalDate dataAsOf) {

		/** The data cut-off a pack of these inputs prints: kept while they are unchanged, else tonight's D. */
		LocalDate cutOff(String fingerprint, LocalDate asOf) {
			return (this.dataAsOf != null && this.fingerprint.equals(fingerprint)) ? this.dataAsOf : asOf;
		}

	}

	/** Every pack's row, by {@link #key(Quarter, String)}: two queries for all the packs of a run. */
	Map<String, Row> rows() {
		Map<String, Row> rows = new HashMap<>();
		this.jdbc.query("SELECT quarter, NULL, fingerprint, checked_seq, shared_inputs, data_as_of FROM quarter_pack "
				+ "UNION ALL SELECT quarter, unit_code, fingerprint, checked_seq, shared_inputs, data_as_of FROM unit_pack",
				(rs) -> {
					rows.put(key(Quarter.parse(rs.getString(1).trim()), rs.getString(2)),
							new Row(rs.getString(3).trim(), rs.getObject(4, Long.class), trim(rs.getString(5)),
									rs.getObject(6, LocalDate.class)));
				});
		return rows;
	}

	/** One pack's row, or null when it was never built. */
	Row row(Quarter q, String unitCode) {
		return rows().get(key(q, unitCode));
	}

	private static String trim(String s) {
		return (s == null) ? null : s.trim();
	}

	static String key(Quarter q, String unitCode) {
		return (unitCode == null) ? q.id() : q.id() + '/' + unitCode;
	}

	/** Records that a pack's inputs were compared at this stamp and found unchanged. */
	void checked(Quarter q, String unitCode, Long seq, String shared) {
		if (unitCode == null) {
			this.jdbc.update("UPDATE quarter_pack SET checked_seq = ?, shared_inputs = ? WHERE quarter = ?", seq, shared,
					q.id());
		}
		else {
			this.jdbc.update("UPDATE unit_pack SET checked_seq = ?, shared_inputs = ? WHERE quarter = ? AND unit_code = ?",
					seq, shared, q.id(), unitCode);
		}
	}

	/** Records a pack just built: its fingerprint, the run, the stamp and shared digest, and its data cut-off. */
	void record(Quarter q, String unitCode, String fingerprint, long runId, Long seq, String shared, LocalDate dataAsOf) {
		Timestamp now = Timestamp.valueOf(LocalDateTime.now());
		java.sql.Date cutOff = java.sql.Date.valueOf(dataAsOf);
		if (unitCode == null) {
			int updated = this.jdbc.update("UPDATE quarter_pack SET fingerprint = ?, run_id = ?, built_at = ?, "
					+ "checked_seq = ?, shared_inputs = ?, data_as_of = ? WHERE quarter = ?", fingerprint, runId, now, seq,
					shared, cutOff, q.id());
			if (updated == 0) {
				this.jdbc.update("INSERT INTO quarter_pack (quarter, fingerprint, run_id, built_at, checked_seq, "
						+ "shared_inputs, data_as_of) VALUES (?, ?, ?, ?, ?, ?, ?)", q.id(), fingerprint, runId, now, seq,
						shared, cutOff);
			}
			return;
		}
		int updated = this.jdbc.update("UPDATE unit_pack SET fingerprint = ?, run_id = ?, built_at = ?, checked_seq = ?, "
				+ "shared_inputs = ?, data_as_of = ? WHERE quarter = ? AND unit_code = ?", fingerprint, runId, now, seq,
				shared, cutOff, q.id(), unitCode);
		if (updated == 0) {
			this.jdbc.update("INSERT INTO unit_pack (quarter, unit_code, fingerprint, run_id, built_at, checked_seq, "
					+ "shared_inputs, data_as_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", q.id(), unitCode, fingerprint, runId,
					now, seq, shared, cutOff);
		}
	}

	/**
	 * Forgets the fingerprints of quarters that are no longer reported (before {@code first}, the
	 * store's first quarter, after an erroneous early date was corrected; or not closed on
	 * {@code asOf}): their packs are not carried over, and should such a quarter be reported again
	 * its packs are built afresh.
	 */
	void forgetOtherQuarters(Quarter first, LocalDate asOf) {
		for (String table : List.of("quarter_pack", "unit_pack")) {
			for (String id : this.jdbc.queryForList("SELECT DISTINCT quarter FROM " + table, String.class)) {
				Quarter q = Quarter.parse(id.trim());
				if (first == null || q.compareTo(first) < 0 || !q.closedOn(asOf)) {
					this.jdbc.update("DELETE FROM " + table + " WHERE quarter = ?", id);
				}
			}
		}
	}

}
