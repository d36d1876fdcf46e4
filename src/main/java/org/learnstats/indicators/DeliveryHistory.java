package org.learnstats.indicators;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.learnstats.ingest.ExportKind;
import org.learnstats.store.EventMonths;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What each run adds to the history of deliveries, before any output reads it: which unit,
 * kind and month of events the store holds for the first time (the run that first held a month
 * is when that month arrived, for the delivery deadlines), and how many rows each of the run's
 * deliveries applied per unit (counted now, before later deliveries replace them, for the
 * monthly reject rate). Both are idempotent: a run whose outputs are written again adds nothing
 * twice (the job calls it after refreshing the indicators). Loads {@link DeliveryRecord} for the data-quality page and the overview.
 */
@Component
public class DeliveryHistory {

	/** Unit, kind and month (yyyy-MM) of every event of the store. */
	static final String MONTHS = "SELECT DISTINCT c.unit_code, c.kind, " + EventMonths.yearMonth("c") + " AS ym FROM ("
			+ EventMonths.UNION + ") c";

	private final JdbcTemplate jdbc;

	private final int dueDay;

	private final String appliedSql;

	/** How many kinds (store tables) the applied-rows count reads. */
	private final int kinds;

	DeliveryHistory(DataSource dataSource, List<ExportKind> kinds,
			@Value("${learnstats.delivery.due-day:5}") int dueDay) {
		if (dueDay < 1 || dueDay > 31) {
			throw new IllegalArgumentException("learnstats.delivery.due-day must be 1 to 31, not " + dueDay);
		}
		this.jdbc = new JdbcTemplate(dataSource);
		this.dueDay = dueDay;
		StringBuilder union = new StringBuilder();
		for (ExportKind kind : kinds) {
			union.append((union.length() == 0) ? "" : " UNION ALL ").append("SELECT delivery_id, unit_code FROM ")
				.append(kind.table()).append(" WHERE delivery_id BETWEEN ? AND ?");
		}
		// the run's deliveries are exactly the ids from its first to its last (a run's ids follow every
		// earlier run's: DeliveryLedger.lastDeliveryIdBefore); no join with delivery, which on a freshly
		// loaded store (no statistics) the planner made a nested loop of every delivery by every row
		this.appliedSql = """
				INSERT INTO delivery_unit_rows (delivery_id, unit_code, rows_applied)
				SELECT a.delivery_id, a.unit_code, COUNT(*) FROM (%s) a
				GROUP BY a.delivery_id, a.unit_code""".formatted(union);
		this.kinds = kinds.size();
	}

	/**
	 * Adds what run {@code run} brought to the history; run after each refresh of the indicators.
	 * The same as {@link #recordApplied} and then {@link #recordSeen}.
	 */
	public void record(long run) {
		recordApplied(run, false);
		recordSeen(run);
	}

	/**
	 * The first half of the history, which reads the event tables only and so may run beside the
	 * refresh (in a transaction of its own): how many rows each of the run's deliveries applied per
	 * unit, by the delivery_id indexes (the whole store once, on a first run with an empty history).
	 * @param beside whether other work runs meanwhile in another transaction: then a wait for a lock
	 *        ends in a failure after {@value PlannerTuning#LOCK_WAIT_BESIDE} rather than in a wait on
	 *        that work (PostgreSQL)
	 */
	public void recordApplied(long run, boolean beside) {
		RefreshSql sql = new RefreshSql(this.jdbc);
		if (beside && sql.postgres()) {
			this.jdbc.execute("SET LOCAL lock_timeout = '" + PlannerTuning.LOCK_WAIT_BESIDE + "'");
		}
		PlannerTuning tuning = sql.tuning();
		Long[] range = deliveries(run);
		if (range[0] == null) {
			return;
		}
		Runnable count = () -> {
			this.jdbc.update("DELETE FROM delivery_unit_rows WHERE delivery_id BETWEEN ? AND ?", range[0], range[1]);
			Object[] args = new Object[2 * this.kinds];
			for (int i = 0; i < this.kinds; i++) {
				args[2 * i] = range[0];
				args[2 * i + 1] = range[1];
			}
			// a few rows per delivery and unit out of many (all the store's on the first run)
			tuning.withoutSorts(() -> this.jdbc.update(this.appliedSql, args));
		};
		if (emptyHistory()) {
			count.run();
		}
		else {
			// the night's rows are found by the delivery_id BRIN indexes, which the planner passes
			// over for a scan of the whole history when the statistics are stale (autovacuum off)
			tuning.withIndexScans(count);
		}
	}

	/**
	 * The second half, after the refresh: the unit, kind and month rows the store holds for the
	 * first time. A unit's month of a kind is first seen with the run that delivered its first row,
	 * so only the rows of this run's deliveries are read (by the delivery_id indexes), not the whole
	 * store; the first run with an empty history reads the refresh's summaries of the whole store.
	 */
	public void recordSeen(long run) {
		if (emptyHistory()) {
			// no event seen before: the run's rows are the whole store
			seen(MONTHS, run);
			return;
		}
		Long[] range = deliveries(run);
		if (range[0] == null) {
			return;
		}
		Object[] args = new Object[2 * EventMonths.KINDS + 1];
		args[0] = run;
		for (int i = 0; i < EventMonths.KINDS; i++) {
			args[1 + 2 * i] = range[0];
			args[2 + 2 * i] = range[1];
		}
		new RefreshSql(this.jdbc).tuning()
			.withIndexScans(() -> seen("SELECT DISTINCT c.unit_code, c.kind, " + EventMonths.yearMonth("c")
					+ " AS ym FROM (" + EventMonths.UNION_OF_DELIVERIES + ") c", args));
	}

	private boolean emptyHistory() {
		return this.jdbc.queryForList("SELECT run_id FROM coverage_seen FETCH FIRST 1 ROWS ONLY", Long.class)
			.isEmpty();
	}

	/** The first and last delivery id of the run, or nulls when it delivered nothing. */
	private Long[] deliveries(long run) {
		return new Long[] {
				this.jdbc.queryForObject("SELECT MIN(delivery_id) FROM delivery WHERE run_id = ?", Long.class, run),
				this.jdbc.queryForObject("SELECT MAX(delivery_id) FROM delivery WHERE run_id = ?", Long.class, run) };
	}

	/** Records the unit, kind and month rows of {@code months} not seen before as first seen by the run. */
	private void seen(String months, Object... args) {
		this.jdbc.update("""
				INSERT INTO coverage_seen (unit_code, kind, ym, run_id)
				SELECT m.unit_code, m.kind, m.ym, ? FROM (%s) m
				WHERE NOT EXISTS (SELECT 1 FROM coverage_seen s
				                  WHERE s.unit_code = m.unit_code AND s.kind = m.kind AND s.ym = m.ym)"""
			.formatted(months), args);
	}

	/** The day of the month by which the previous month's exports are due. */
	public int dueDay() {
		return this.dueDay;
	}

	/** The history the pages show: arrivals of months, and rows applied and rejected per month of delivery. */
	public DeliveryRecord load(LocalDate asOf) {
		Map<String, Map<String, LocalDate>> arrived = new HashMap<>();
		LocalDate[] ledgerStart = { null };
		this.jdbc.query("""
				SELECT s.unit_code, s.ym, MIN(r.as_of) FROM coverage_seen s JOIN ls_run r ON r.run_id = s.run_id
				GROUP BY s.unit_code, s.ym""", (rs) -> {
			LocalDate on = rs.getDate(3).toLocalDate();
			arrived.computeIfAbsent(rs.getString(1), (k) -> new TreeMap<>()).put(rs.getString(2), on);
		});
		this.jdbc.query("""
				SELECT MIN(r.as_of) FROM ls_run r WHERE r.run_id = (SELECT MIN(run_id) FROM coverage_seen)""", (rs) -> {
			Date d = rs.getDate(1);
			ledgerStart[0] = (d != null) ? d.toLocalDate() : null;
		});
		Map<String, Map<String, long[]>> rows = new HashMap<>();
		Date since = Date.valueOf(YearMonth.from(asOf).minusMonths(DeliveryRecord.HISTORY_MONTHS).atDay(1));
		this.jdbc.query("""
				SELECT t.unit_code, t.as_of, SUM(t.rejected), SUM(t.applied) FROM (
				    SELECT r.unit_code, ru.as_of, 1 AS rejected, 0 AS applied
				    FROM reject_row r JOIN delivery d ON d.delivery_id = r.delivery_id JOIN ls_run ru ON ru.run_id = d.run_id
				    WHERE r.line_no IS NOT NULL AND r.unit_code IS NOT NULL AND ru.as_of >= ?
				    UNION ALL
				    SELECT x.unit_code, ru.as_of, 0, x.rows_applied
				    FROM delivery_unit_rows x JOIN delivery d ON d.delivery_id = x.delivery_id JOIN ls_run ru ON ru.run_id = d.run_id
				    WHERE ru.as_of >= ?) t
				GROUP BY t.unit_code, t.as_of""", (rs) -> {
			String month = YearMonth.from(rs.getDate(2).toLocalDate()).toString();
			long[] n = rows.computeIfAbsent(rs.getString(1), (k) -> new HashMap<>()).computeIfAbsent(month,
					(k) -> new long[2]);
			n[0] += rs.getLong(3);
			n[1] += rs.getLong(4);
		}, since, since);
		return new DeliveryRecord(asOf, this.dueDay, ledgerStart[0], arrived, rows);
	}

}
