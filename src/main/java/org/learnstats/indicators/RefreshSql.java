package org.learnstats.indicators;

import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.learnstats.vocabulary.Kind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * How the refresh talks to the database: it runs the SQL files under {@code indicators/}, and tunes
 * PostgreSQL's planner for them (statistics of work tables just filled, BRIN summaries, index scans
 * where stale statistics would choose a scan of the whole history). On H2 the tuning does nothing.
 */
final class RefreshSql {

	private static final Log logger = LogFactory.getLog(IndicatorRefresher.class);

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final boolean postgres;

	RefreshSql(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
		this.postgres = product != null && product.toLowerCase(Locale.ROOT).contains("postgres");
	}

	boolean postgres() {
		return this.postgres;
	}

	/** Runs every statement of a SQL file; analyzes the tables it inserts into when asked (PostgreSQL). */
	void script(String name, MapSqlParameterSource params, boolean analyzeInserts) {
		for (String sql : SqlScript.load(name)) {
			run(sql, params);
			if (this.postgres && analyzeInserts && sql.startsWith("INSERT INTO ")) {
				String table = sql.substring("INSERT INTO ".length(), sql.indexOf(' ', "INSERT INTO ".length()));
				analyze(table);
			}
		}
	}

	/** Runs one statement, logging its time and rows at debug level; returns the rows changed. */
	int run(String sql, MapSqlParameterSource params) {
		long started = System.nanoTime();
		int rows = this.named.update(sql, params);
		if (logger.isDebugEnabled()) {
			logger.debug(String.format("%6d ms %9d rows  %s", (System.nanoTime() - started) / 1_000_000, rows,
					sql.lines().limit(3).map(String::strip).reduce((a, b) -> a + " " + b).orElse("")));
		}
		return rows;
	}

	/**
	 * Runs work that reads the store by delivery_id and by key: on PostgreSQL, with sequential scans
	 * off, so the planner uses the BRIN and primary-key indexes even on stale statistics (a
	 * sequential scan of attendance would cost the whole history).
	 */
	void withIndexScans(Runnable work) {
		without("enable_seqscan", work);
	}

	/**
	 * Runs work that groups many rows into few groups: on PostgreSQL, with sorts off, so the
	 * planner hashes them even when stale statistics promise a handful of rows (it sorted the 23
	 * million rows of a first load on disk: 9.0 s, against 4.2 s hashed).
	 */
	void withoutSorts(Runnable work) {
		without("enable_sort", work);
	}

	/**
	 * Runs work that reads whole tables: on PostgreSQL, with index scans off. An INSERT ... SELECT
	 * is never parallel, and for the sessions of a year's 19 million sign-ins the planner preferred
	 * walking the primary key in order (14 to 17 s) to hashing a sequential scan (7.7 s), as it
	 * expects 24 times as many sessions as there are.
	 */
	void withSequentialScans(Runnable work) {
		without("enable_indexscan", () -> without("enable_bitmapscan", work));
	}

	private void without(String setting, Runnable work) {
		if (!this.postgres) {
			work.run();
			return;
		}
		String before = this.jdbc.queryForObject("SHOW " + setting, String.class);
		this.jdbc.execute("SET LOCAL " + setting + " = off");
		try {
			work.run();
		}
		finally {
			this.jdbc.execute("SET LOCAL " + setting + " = " + ("off".equals(before) ? "off" : "on"));
		}
	}

	/**
	 * Summarizes the block ranges of the delivery_id BRIN indexes written since the last call
	 * (PostgreSQL only): an unsummarized range always matches, so without this the night's scan by
	 * delivery_id would read every range filled since, whether autovacuum runs or not. The tables
	 * are partitioned by year (V76): each partition's index is summarized.
	 */
	void summarizeBrin() {
		if (this.postgres) {
			for (String index : List.of("attendance_delivery_brin", "training_delivery_brin",
					"research_delivery_brin")) {
				this.jdbc.queryForList("SELECT brin_summarize_new_values(relid) FROM pg_partition_tree(?::regclass)"
						+ " WHERE isleaf", Integer.class, index);
			}
		}
	}

	/** Hash aggregates of the roll-up stay in memory (PostgreSQL; LOCAL: this transaction only). */
	void enoughWorkMemory() {
		if (this.postgres) {
			this.jdbc.execute("SET LOCAL work_mem = '128MB'");
		}
	}

	/** Fresh statistics for the planner on work tables just filled (PostgreSQL only). */
	void analyze(String... tables) {
		if (this.postgres) {
			for (String table : tables) {
				this.jdbc.execute("ANALYZE " + table);
			}
		}
	}

	/**
	 * Fresh statistics on every table of the store, before a full refresh reads them whole
	 * (PostgreSQL only). Their statistics are those of the last ANALYZE, which after the first load
	 * (or a large re-delivery, and always with autovacuum off) describe almost empty tables: the
	 * planner then sorted the year's 19 million sign-ins into sessions on disk (14.7 s) where a
	 * hash aggregate takes 4.5 s. About 2 s on a province store.
	 */
	void analyzeStore() {
		analyze(Kind.inOrder().stream().map(Kind::table).toArray(String[]::new));
	}

	/**
	 * Runs work that fills emptied tables with many rows, on PostgreSQL with their keys and indexes
	 * dropped before and built again after, each in one sort: 3.9 million training records went
	 * into {@code ind_training_fact} in 16.2 s through its two btrees, in 7.4 s before them. The
	 * definitions are read from the catalog, so the migrations stay their one home. DDL is
	 * transactional: when work fails, the refresh's rollback brings the indexes back with the rows.
	 */
	void withIndexesBuiltAfter(List<String> tables, Runnable work) {
		if (!this.postgres) {
			work.run();
			return;
		}
		List<String> drop = new ArrayList<>();
		List<String> build = new ArrayList<>();
		for (String table : tables) {
			this.jdbc.query("""
					SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
					WHERE conrelid = CAST(? AS regclass) AND contype IN ('p', 'u') ORDER BY conname""", (rs) -> {
				drop.add("ALTER TABLE " + table + " DROP CONSTRAINT " + rs.getString(1));
				build.add("ALTER TABLE " + table + " ADD CONSTRAINT " + rs.getString(1) + " " + rs.getString(2));
			}, table);
			this.jdbc.query("""
					SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
					WHERE x.indrelid = CAST(? AS regclass)
					  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
					ORDER BY i.relname""", (rs) -> {
				drop.add("DROP INDEX " + rs.getString(1));
				build.add(rs.getString(2));
			}, table);
		}
		drop.forEach(this.jdbc::execute);
		work.run();
		for (String sql : build) {
			long started = System.nanoTime();
			this.jdbc.execute(sql);
			if (logger.isDebugEnabled()) {
				logger.debug(String.format("%6d ms  %s", (System.nanoTime() - started) / 1_000_000, sql));
			}
		}
	}

	/** Empties tables: one TRUNCATE on PostgreSQL (no dead rows, one catalog round), DELETEs on H2. */
	void empty(List<String> tables) {
		if (this.postgres) {
			this.jdbc.update("TRUNCATE " + String.join(", ", tables));
		}
		else {
			for (String table : tables) {
				this.jdbc.update("DELETE FROM " + table);
			}
		}
	}

	/** Deletes every row of the tables (the small change tables of one refresh). */
	void clear(List<String> tables) {
		for (String table : tables) {
			this.jdbc.update("DELETE FROM " + table);
		}
	}

	long count(String table) {
		Long n = this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
		return (n == null) ? 0 : n;
	}

	/**
	 * Folds the touched keys into the facts (facts_fold.sql), by index.
	 * @return the new sizes of ind_att_session and ind_training_fact
	 */
	long[] fold(MapSqlParameterSource params, long sessions, long trainings) {
		long[] sizes = { sessions, trainings };
		withIndexScans(() -> {
			for (String sql : SqlScript.load("facts_fold.sql")) {
				if (sql.startsWith("INSERT INTO ind_training_month")) {
					for (YearMonth month : touchedTrainingMonths()) {
						run(sql, new MapSqlParameterSource(params.getValues()).addValue("y", month.getYear())
							.addValue("m", month.getMonthValue())
							.addValue("first_day", Date.valueOf(month.atDay(1)))
							.addValue("next_first", Date.valueOf(month.plusMonths(1).atDay(1))));
					}
					continue;
				}
				int n = run(sql, params);
				if (sql.startsWith("DELETE FROM ind_att_session")) {
					sizes[0] -= n;
				}
				else if (sql.startsWith("INSERT INTO ind_att_session")) {
					sizes[0] += n;
				}
				else if (sql.startsWith("DELETE FROM ind_training_fact")) {
					sizes[1] -= n;
				}
				else if (sql.startsWith("INSERT INTO ind_training_fact")) {
					sizes[1] += n;
				}
			}
		});
		return sizes;
	}

	/** The months of the training records the fold touched, old and new dates (ind_dirty_span). */
	private SortedSet<YearMonth> touchedTrainingMonths() {
		SortedSet<YearMonth> months = new TreeSet<>();
		this.jdbc.query("SELECT DISTINCT d1 FROM ind_dirty_span WHERE kind = 'T'",
				(rs) -> {
					months.add(YearMonth.from(rs.getDate(1).toLocalDate()));
				});
		return months;
	}

	/** Rolls the dirty periods up; returns the indicator rows deleted and inserted. */
	long[] rollup(MapSqlParameterSource params) {
		long[] rows = new long[2];
		for (String sql : SqlScript.load("rollup.sql")) {
			int n = run(sql, params);
			rows[sql.startsWith("INSERT") ? 1 : 0] += n;
		}
		return rows;
	}

}
