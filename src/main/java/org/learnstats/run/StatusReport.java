package org.learnstats.run;

import java.io.PrintStream;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code status} command: the last runs with their exit status, files ingested and rows
 * rejected, and the quarterly packs built so far, from {@code ls_run}, {@code delivery} and
 * {@code quarter_pack}. Read-only: it takes no lock and works beside a running run on
 * PostgreSQL.
 */
class StatusReport {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

	private final JdbcClient jdbc;

	StatusReport(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	record RunRow(long runId, String command, String asOf, LocalDateTime started, LocalDateTime finished,
			String status, Integer exitCode, long files, long skipped, long rejected, long quarantined, String message) {
	}

	record PackRow(String quarter, LocalDateTime builtAt, long runId) {
	}

	List<RunRow> runs(int last) {
		return this.jdbc.sql("""
				SELECT r.run_id, r.command, r.as_of, r.started_at, r.finished_at, r.status, r.exit_code, r.message,
				       (SELECT COUNT(*) FROM delivery d WHERE d.run_id = r.run_id) AS files,
				       (SELECT COUNT(*) FROM delivery_skip s WHERE s.run_id = r.run_id) AS skipped,
				       (SELECT COALESCE(SUM(d.rows_rejected), 0) FROM delivery d WHERE d.run_id = r.run_id) AS rejected,
				       (SELECT COUNT(*) FROM delivery d WHERE d.run_id = r.run_id AND d.file_reason IS NOT NULL)
				          AS quarantined
				FROM ls_run r ORDER BY r.run_id DESC FETCH FIRST ? ROWS ONLY""")
			.param(last)
			.query((rs, i) -> new RunRow(rs.getLong("run_id"), rs.getString("command"), rs.getString("as_of"),
					time(rs.getTimestamp("started_at")), time(rs.getTimestamp("finished_at")), rs.getString("status"),
					(Integer) rs.getObject("exit_code", Integer.class), rs.getLong("files"), rs.getLong("skipped"),
					rs.getLong("rejected"), rs.getLong("quarantined"), rs.getString("message")))
			.list();
	}

	List<PackRow> packs() {
		return this.jdbc.sql("SELECT quarter, built_at, run_id FROM quarter_pack ORDER BY quarter")
			.query((rs, i) -> new PackRow(rs.getString("quarter"), time(rs.getTimestamp("built_at")),
					rs.getLong("run_id")))
			.list();
	}

	void print(int last, String store, String zone, PrintStream out) {
		List<RunRow> runs = runs(last);
		out.println("learnstats status: store " + Secrets.mask(store) + ", times in " + zone);
		out.println();
		if (runs.isEmpty()) {
			out.println("No runs yet.");
		}
		else {
			out.println(String.format(Locale.ROOT, "%5s  %-7s %-10s  %-19s  %10s  %-9s %4s  %6s %7s %11s %13s", "run",
					"command", "as-of", "started", "duration", "status", "exit", "files", "skipped", "quarantined",
					"rows rejected"));
			for (RunRow run : runs) {
				out.println(String.format(Locale.ROOT, "%5d  %-7s %-10s  %-19s  %10s  %-9s %4s  %,6d %,7d %,11d %,13d",
						run.runId(), run.command(), run.asOf(), TIME.format(run.started()), duration(run),
						run.status(), (run.exitCode() != null) ? run.exitCode().toString() : "-", run.files(),
						run.skipped(), run.quarantined(), run.rejected()));
				if (run.message() != null && !RunLedger.COMPLETED.equals(run.status())) {
					out.println("       " + run.message());
				}
			}
		}
		out.println();
		List<PackRow> packs = packs();
		if (packs.isEmpty()) {
			out.println("Quarter packs: none built yet.");
		}
		else {
			out.println("Quarter packs:");
			for (PackRow pack : packs) {
				out.println("  " + pack.quarter() + "  built " + TIME.format(pack.builtAt()) + " by run " + pack.runId());
			}
		}
	}

	private static String duration(RunRow run) {
		if (run.finished() == null) {
			return "-";
		}
		return RunEnd.format(Duration.between(run.started(), run.finished()));
	}

	private static LocalDateTime time(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toLocalDateTime() : null;
	}

}
