package org.learnstats.indicators;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.learnstats.vocabulary.Kind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * How the refresh tunes PostgreSQL's planner for its statements: statistics of tables just filled,
 * BRIN summaries, scans and aggregates chosen where stale statistics would choose badly, indexes
 * built after a bulk fill. On H2 each of these runs the work as it is, or does nothing.
 */
final class PlannerTuning {

	private static final Log logger = LogFactory.getLog(IndicatorRefresher.class);

	/**
	 * How long work run beside the refresh, in a transaction of its own, waits for a lock before it
	 * gives up rather than wait on the refresh (PostgreSQL's lock_timeout).
	 */
	static final String LOCK_WAIT_BESIDE = "30s";

	private final JdbcTemplate jdbc;

	private final boolean postgres;

	PlannerTuning(JdbcTemplate jdbc, boolean postgres) {
		this.jdbc = jdbc;
		this.postgres = postgres;
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

	/**
	 * Brings the BRIN summaries ({@link #summarizeBrin}) and the statistics of the event tables up
	 * to date on a connection of their own while a full refresh goes on (PostgreSQL; nothing on H2):
	 * they only read those tables, as the refresh does, and took 2.4 s of the small-units first
	 * night's refresh when it did them first. The refresh's own plans do not wait for them: it
	 * hashes its aggregates ({@link #withoutSorts}; on the statistics of a store just loaded, which
	 * describe almost empty tables, the planner once sorted a province's 19 million sign-ins into
	 * sessions on disk, 14.7 s where hashing takes 4.5 s) and analyzes the registers it joins itself
	 * ({@link #analyzeRegisters}). Each statement commits alone: ANALYZE and the summaries change no
	 * row, and a refresh rolled back keeps them.
	 * @return waits for the work to end; a failure is logged, not thrown (it only guides the planner)
	 */
	Runnable tendEventTablesBeside() {
		if (!this.postgres) {
			return () -> {
			};
		}
		CompletableFuture<Void> done = CompletableFuture.runAsync(() -> this.jdbc.execute((Connection c) -> {
			boolean autoCommit = c.getAutoCommit();
			c.setAutoCommit(true);
			try (Statement st = c.createStatement()) {
				// never waits on the refresh: a lock it would wait for long ends the work instead
				st.execute("SET lock_timeout = '" + LOCK_WAIT_BESIDE + "'");
				try {
					PlannerTuning here = new PlannerTuning(new JdbcTemplate(new SingleConnectionDataSource(c, true)), true);
					here.summarizeBrin();
					here.analyze(Kind.events().stream().map(Kind::table).toArray(String[]::new));
				}
				finally {
					st.execute("RESET lock_timeout");
				}
			}
			finally {
				c.setAutoCommit(autoCommit);
			}
			return null;
		}), (task) -> {
			Thread t = new Thread(task, "store-statistics");
			t.setDaemon(true);
			t.start();
		});
		return () -> {
			try {
				done.join();
			}
			catch (CompletionException ex) {
				logger.warn("The event tables' statistics could not be brought up to date: " + ex.getCause());
			}
		};
	}

	/** Fresh statistics on the registers (units, people, surveys), which the refresh joins. */
	void analyzeRegisters() {
		analyze(Kind.inOrder().stream().filter((k) -> !Kind.events().contains(k)).map(Kind::table)
			.toArray(String[]::new));
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

}
