package org.learnstats.run;

import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A running run's progress as the store sees it: the step its latest job execution is in, and the
 * files, rows and rejects its ingest has committed so far. Read at the rhythm of the progress log,
 * from a connection of the pool, beside the run's own transactions.
 */
class StoreProgress implements Supplier<LoggingProgress.Snapshot> {

	private final JdbcClient jdbc;

	private final long runId;

	StoreProgress(DataSource dataSource, long runId) {
		this.jdbc = JdbcClient.create(dataSource);
		this.runId = runId;
	}

	@Override
	public LoggingProgress.Snapshot get() {
		List<String> steps = this.jdbc.sql("""
				SELECT se.STEP_NAME FROM BATCH_STEP_EXECUTION se
				WHERE se.STATUS = 'STARTED' AND se.JOB_EXECUTION_ID IN (
				    SELECT p.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION_PARAMS p
				    WHERE p.PARAMETER_NAME = 'run.id' AND p.PARAMETER_VALUE = ?)
				ORDER BY se.STEP_EXECUTION_ID DESC""")
			.param(Long.toString(this.runId))
			.query(String.class)
			.list();
		return this.jdbc.sql("""
				SELECT COUNT(*) AS files, COALESCE(SUM(rows_read), 0) AS rows_read,
				       COALESCE(SUM(rows_rejected), 0) AS rows_rejected,
				       (SELECT MAX(d2.path) FROM delivery d2 WHERE d2.run_id = ? AND d2.ingested_at =
				           (SELECT MAX(d3.ingested_at) FROM delivery d3 WHERE d3.run_id = ?)) AS last_path
				FROM delivery WHERE run_id = ?""")
			.params(this.runId, this.runId, this.runId)
			.query((rs, i) -> new LoggingProgress.Snapshot(steps.isEmpty() ? null : steps.get(0), rs.getLong("files"),
					rs.getLong("rows_read"), rs.getLong("rows_rejected"), rs.getString("last_path")))
			.single();
	}

}
