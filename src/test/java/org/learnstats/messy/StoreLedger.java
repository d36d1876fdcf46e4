package org.learnstats.messy;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.learnstats.support.TestDatabase;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger tables of the store: for every delivery rows_read = rows_applied + rows_rejected,
 * and an ingested file has exactly one reject row per rejected row.
 */
final class StoreLedger {

	private StoreLedger() {
	}

	static void balances(SoftAssertions soft, TestDatabase db, String night) {
		JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
		List<Map<String, Object>> wrong = jdbc.queryForList("""
				SELECT d.path, d.rows_read, d.rows_applied, d.rows_rejected, d.file_reason,
				       (SELECT COUNT(*) FROM reject_row r WHERE r.delivery_id = d.delivery_id) AS reject_rows
				FROM delivery d
				WHERE d.rows_read <> d.rows_applied + d.rows_rejected
				   OR (d.file_reason IS NULL
				       AND d.rows_rejected <> (SELECT COUNT(*) FROM reject_row r WHERE r.delivery_id = d.delivery_id))
				   OR (d.file_reason IS NOT NULL AND d.rows_applied <> 0)""");
		soft.assertThat(wrong).as(night + ": deliveries whose ledger does not balance").isEmpty();
	}

	/**
	 * What the store holds of workbook sheets (deliveries named {@code file.xlsx#Sheet}): how many
	 * runs ingested a sheet with applied rows, the title and total rows skipped, and the reasons
	 * their rows were rejected for.
	 */
	record Sheets(int runsWithRows, long rowsSkipped, java.util.Set<String> reasons) {
	}

	static Sheets sheets(TestDatabase db) {
		JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
		Integer runs = jdbc.queryForObject(
				"SELECT COUNT(DISTINCT run_id) FROM delivery WHERE path LIKE '%.xls%#%' AND rows_applied > 0",
				Integer.class);
		Long skipped = jdbc.queryForObject(
				"SELECT COALESCE(SUM(rows_skipped), 0) FROM delivery WHERE path LIKE '%.xls%#%'", Long.class);
		java.util.Set<String> reasons = new java.util.TreeSet<>(jdbc.queryForList("""
				SELECT DISTINCT r.reason FROM reject_row r JOIN delivery d ON d.delivery_id = r.delivery_id
				WHERE d.path LIKE '%.xls%#%'""", String.class));
		return new Sheets(runs == null ? 0 : runs, skipped == null ? 0 : skipped, reasons);
	}

	/** The reject and quarantine reasons the store recorded in runs whose as-of date lies in the year. */
	static java.util.Set<String> reasonsOfYear(TestDatabase db, int year) {
		return new java.util.TreeSet<>(new JdbcTemplate(db.dataSource()).queryForList("""
				SELECT DISTINCT r.reason FROM reject_row r
				JOIN delivery d ON d.delivery_id = r.delivery_id JOIN ls_run l ON l.run_id = d.run_id
				WHERE l.as_of >= ? AND l.as_of <= ?""", String.class, java.sql.Date.valueOf(year + "-01-01"),
				java.sql.Date.valueOf(year + "-12-31")));
	}


	/**
	 * The delivery history (coverage_seen, which each night adds to from its own deliveries only)
	 * holds every unit's month of a kind that the store holds.
	 */
	static void historyHasEveryMonth(SoftAssertions soft, TestDatabase db, String night) {
		JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
		List<String> inStore = jdbc.queryForList("SELECT DISTINCT c.unit_code || '/' || c.kind || '/' || "
				+ org.learnstats.store.EventMonths.yearMonth("c") + " FROM (" + org.learnstats.store.EventMonths.UNION
				+ ") c", String.class);
		List<String> seen = jdbc.queryForList("SELECT unit_code || '/' || kind || '/' || ym FROM coverage_seen",
				String.class);
		soft.assertThat(seen).as(night + ": the delivery history holds every unit's month of a kind in the store")
			.containsAll(inStore);
		soft.assertThat(inStore).as(night + ": months in the store").isNotEmpty();
	}

}
