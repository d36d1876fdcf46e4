package org.learnstats.run;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code ls_run}: one row per {@code run} or {@code pack}. A row is STARTED while its process
 * works on it and ends COMPLETED, FAILED or STOPPED with the exit code; a STARTED row found by a
 * process that holds the run lock belongs to a process that died, and is marked FAILED
 * (abandoned). A {@code run} that did not finish is resumed by the next {@code run} with the
 * same as-of date, inbox and output folder: same run id, same row, a new attempt of the job.
 */
class RunLedger {

	static final String RUNNING = "STARTED";

	static final String COMPLETED = "COMPLETED";

	static final String FAILED = "FAILED";

	static final String STOPPED = "STOPPED";

	private final JdbcClient jdbc;

	RunLedger(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	/** Marks STARTED rows FAILED: only called under the run lock, so their process is gone. */
	List<Long> abandonStale(LocalDateTime now) {
		List<Long> stale = this.jdbc.sql("SELECT run_id FROM ls_run WHERE status = ? ORDER BY run_id")
			.param(RUNNING)
			.query(Long.class)
			.list();
		for (Long runId : stale) {
			this.jdbc
				.sql("UPDATE ls_run SET status = ?, exit_code = ?, finished_at = ?, message = ? WHERE run_id = ?")
				.params(FAILED, ExitCodes.FAILED, now, "abandoned: the process running it ended without finishing it",
						runId)
				.update();
		}
		return stale;
	}

	/** The last run, if it did not finish and was asked for the same day, inbox and outputs. */
	Optional<Long> resumable(LocalDate asOf, Path inbox, Path out) {
		return this.jdbc.sql("""
				SELECT run_id, status, as_of, inbox, out_dir FROM ls_run
				WHERE command = 'run' ORDER BY run_id DESC FETCH FIRST 1 ROWS ONLY""")
			.query((rs, i) -> new LastRun(rs.getLong("run_id"), rs.getString("status"),
					rs.getObject("as_of", LocalDate.class), rs.getString("inbox"), rs.getString("out_dir")))
			.list()
			.stream()
			.filter((last) -> FAILED.equals(last.status()) || STOPPED.equals(last.status()))
			.filter((last) -> asOf.equals(last.asOf()) && inbox.toString().equals(last.inbox())
					&& out.toString().equals(last.out()))
			.map(LastRun::runId)
			.findFirst();
	}

	private record LastRun(long runId, String status, LocalDate asOf, String inbox, String out) {
	}

	/** How many times the job was started for a run (its attempts so far). */
	long attempts(long runId) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM BATCH_JOB_EXECUTION_PARAMS
				WHERE PARAMETER_NAME = 'run.id' AND PARAMETER_VALUE = ?""")
			.param(Long.toString(runId))
			.query(Long.class)
			.single();
	}

	long nextId() {
		return this.jdbc.sql("SELECT COALESCE(MAX(run_id), 0) + 1 FROM ls_run").query(Long.class).single();
	}

	void start(long runId, String command, LocalDate asOf, Path inbox, Path out, String commandLine,
			LocalDateTime now) {
		this.jdbc.sql("""
				INSERT INTO ls_run (run_id, command, as_of, inbox, out_dir, started_at, status, command_line)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(runId, command, asOf, (inbox != null) ? inbox.toString() : null,
					(out != null) ? out.toString() : null, now, RUNNING, truncate(commandLine))
			.update();
	}

	/** A resumed run: its row is STARTED again, keeping its first start time. */
	void resume(long runId, String commandLine) {
		this.jdbc
			.sql("UPDATE ls_run SET status = ?, finished_at = NULL, exit_code = NULL, message = ?, command_line = ? "
					+ "WHERE run_id = ?")
			.params(RUNNING, "resumed", truncate(commandLine), runId)
			.update();
	}

	void finish(long runId, String status, int exitCode, String message, LocalDateTime now) {
		this.jdbc.sql("UPDATE ls_run SET status = ?, exit_code = ?, finished_at = ?, message = ? WHERE run_id = ?")
			.params(status, exitCode, now, truncate(message), runId)
			.update();
	}

	/** The latest end of a run that was done (exit 0 or 3), for the metrics file. */
	Optional<LocalDateTime> lastSuccess() {
		return this.jdbc.sql("SELECT MAX(finished_at) FROM ls_run WHERE command = 'run' AND exit_code IN (0, 3)")
			.query((rs, i) -> Optional.ofNullable(rs.getObject(1, LocalDateTime.class)))
			.single();
	}

	/**
	 * The as-of date of the last run that was done (exit 0 or 3), the latest to finish: the night a
	 * {@code pack} without {@code --as-of} is dated as.
	 */
	Optional<LocalDate> lastDoneAsOf() {
		return this.jdbc.sql("""
				SELECT as_of FROM ls_run WHERE command = 'run' AND exit_code IN (0, 3)
				ORDER BY finished_at DESC, run_id DESC FETCH FIRST 1 ROWS ONLY""")
			.query(LocalDate.class)
			.optional();
	}

	private static String truncate(String text) {
		return (text == null || text.length() <= 4000) ? text : text.substring(0, 3997) + "...";
	}

}
