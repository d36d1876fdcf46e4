package org.learnstats.outputs.pack;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The fingerprints of the packs built so far: the organization's in {@code quarter_pack}, a
 * unit's in {@code unit_pack}.
 */
final class PackStore {

	private final JdbcTemplate jdbc;

	PackStore(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/** @param unitCode the unit, or {@code null} for the organization's pack */
	String fingerprint(Quarter q, String unitCode) {
		List<String> found = unitCode == null
				? this.jdbc.queryForList("SELECT fingerprint FROM quarter_pack WHERE quarter = ?", String.class, q.id())
				: this.jdbc.queryForList("SELECT fingerprint FROM unit_pack WHERE quarter = ? AND unit_code = ?",
						String.class, q.id(), unitCode);
		return found.isEmpty() ? null : found.get(0).trim();
	}

	void record(Quarter q, String unitCode, String fingerprint, long runId) {
		Timestamp now = Timestamp.valueOf(LocalDateTime.now());
		if (unitCode == null) {
			int updated = this.jdbc.update(
					"UPDATE quarter_pack SET fingerprint = ?, run_id = ?, built_at = ? WHERE quarter = ?", fingerprint,
					runId, now, q.id());
			if (updated == 0) {
				this.jdbc.update("INSERT INTO quarter_pack (quarter, fingerprint, run_id, built_at) VALUES (?, ?, ?, ?)",
						q.id(), fingerprint, runId, now);
			}
			return;
		}
		int updated = this.jdbc.update(
				"UPDATE unit_pack SET fingerprint = ?, run_id = ?, built_at = ? WHERE quarter = ? AND unit_code = ?",
				fingerprint, runId, now, q.id(), unitCode);
		if (updated == 0) {
			this.jdbc.update(
					"INSERT INTO unit_pack (quarter, unit_code, fingerprint, run_id, built_at) VALUES (?, ?, ?, ?, ?)",
					q.id(), unitCode, fingerprint, runId, now);
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
