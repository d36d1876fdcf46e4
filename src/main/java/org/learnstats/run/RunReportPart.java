package org.learnstats.run;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.learnstats.outputs.OutputContext;
import org.learnstats.outputs.OutputPart;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code run.json}: what the run read and did, for machines and for whoever investigates a night.
 * Every file this run read ({@code delivery} rows of the run: path relative to the inbox, SHA-256,
 * encoding, delimiter, kind, rows read, applied and rejected, unknown persons, the reason when
 * quarantined, duration), the re-deliveries it skipped ({@code delivery_skip}), the files it found
 * but did not read ({@code inbox_unread}: a link out of the inbox, a FIFO, an unreadable or
 * changing file), totals per kind,
 * the Spring Batch steps of the run with their durations, and the exit status the rows imply
 * (3 if anything was rejected, else 0; 1 when an output part could not be rebuilt, listed in
 * {@code outputs_not_rebuilt}). Written last but the packs, from the store, so it is the
 * same whether the run went through in one go or was resumed.
 */
@Component
class RunReportPart implements OutputPart {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final DataSource dataSource;

	RunReportPart(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public List<String> files() {
		return List.of("run.json");
	}

	@Override
	public void write(OutputContext context) throws IOException {
		Map<String, Object> report = report(context.runId(), context.asOf().toString());
		List<Map<String, Object>> notRebuilt = context.failures().list().stream().map((f) -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("part", f.part());
			entry.put("cause", Secrets.mask(f.cause()));
			entry.put("kept", "the previous night's files");
			return entry;
		}).toList();
		report.put("outputs_not_rebuilt", notRebuilt);
		if (!notRebuilt.isEmpty()) {
			report.put("exit_status", ExitCodes.FAILED);
		}
		JSON.writeValue(context.dir().resolve("run.json").toFile(), report);
	}

	Map<String, Object> report(long runId, String asOf) {
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("run_id", runId);
		report.put("as_of", asOf);
		jdbc.sql("SELECT inbox, out_dir, command_line, started_at FROM ls_run WHERE run_id = ?")
			.param(runId)
			.query((rs) -> {
				report.put("inbox", rs.getString("inbox"));
				report.put("out", rs.getString("out_dir"));
				report.put("command_line", rs.getString("command_line"));
				report.put("started_at", String.valueOf(rs.getTimestamp("started_at").toLocalDateTime()));
			});
		List<Map<String, Object>> files = jdbc.sql("""
				SELECT path, sha256, byte_size, encoding, delimiter_char, kind, rows_read, rows_applied,
				       rows_rejected, rows_skipped, unknown_persons, file_reason, millis
				FROM delivery WHERE run_id = ? ORDER BY delivery_id""")
			.param(runId)
			.query((rs, i) -> {
				Map<String, Object> file = new LinkedHashMap<>();
				file.put("path", rs.getString("path"));
				file.put("sha256", rs.getString("sha256").strip());
				file.put("bytes", rs.getLong("byte_size"));
				file.put("encoding", rs.getString("encoding"));
				file.put("delimiter", rs.getString("delimiter_char"));
				file.put("kind", rs.getString("kind"));
				file.put("rows_read", rs.getLong("rows_read"));
				file.put("rows_applied", rs.getLong("rows_applied"));
				file.put("rows_rejected", rs.getLong("rows_rejected"));
				file.put("rows_skipped", rs.getLong("rows_skipped"));
				file.put("unknown_persons", rs.getLong("unknown_persons"));
				file.put("reason", rs.getString("file_reason"));
				file.put("duration_ms", rs.getLong("millis"));
				return file;
			})
			.list();
		report.put("files", files);
		report.put("skipped", jdbc.sql("SELECT s.path, s.sha256, d.path AS first_path, d.run_id AS first_run "
				+ RunTotals.SKIPS_OF_RUN + " ORDER BY s.path")
			.param(runId)
			.query((rs, i) -> {
				Map<String, Object> skip = new LinkedHashMap<>();
				skip.put("path", rs.getString("path"));
				skip.put("sha256", rs.getString("sha256").strip());
				skip.put("reason", "already read");
				skip.put("first_read_as", rs.getString("first_path"));
				skip.put("first_read_by_run", rs.getObject("first_run"));
				return skip;
			})
			.list());
		report.put("not_read", jdbc.sql("SELECT path, cause, detail FROM inbox_unread WHERE run_id = ? ORDER BY path")
			.param(runId)
			.query((rs, i) -> {
				Map<String, Object> unread = new LinkedHashMap<>();
				unread.put("path", rs.getString("path"));
				unread.put("cause", rs.getString("cause"));
				unread.put("detail", rs.getString("detail"));
				return unread;
			})
			.list());
		RunTotals totals = RunTotals.load(this.dataSource, runId);
		Map<String, Object> perKind = new LinkedHashMap<>();
		for (RunTotals.KindTotals kind : totals.kinds()) {
			perKind.put(kind.kind(), totals(kind.files(), kind.quarantined(), kind.rowsRead(), kind.rowsApplied(),
					kind.rowsRejected(), kind.unknownPersons()));
		}
		Map<String, Object> all = totals(totals.files(), totals.quarantined(), totals.rowsRead(), totals.rowsApplied(),
				totals.rowsRejected(), totals.unknownPersons());
		all.put("skipped", totals.skipped());
		all.put("not_read", totals.unread());
		perKind.put("all", all);
		report.put("totals", perKind);
		report.put("steps", steps(jdbc, runId));
		report.put("exit_status", totals.exitCode());
		return report;
	}

	private static Map<String, Object> totals(long files, long quarantined, long read, long applied, long rejected,
			long unknownPersons) {
		Map<String, Object> totals = new LinkedHashMap<>();
		totals.put("files", files);
		totals.put("quarantined", quarantined);
		totals.put("rows_read", read);
		totals.put("rows_applied", applied);
		totals.put("rows_rejected", rejected);
		totals.put("unknown_persons", unknownPersons);
		return totals;
	}

	/** The Spring Batch steps of every execution of this run (more than one when it was resumed). */
	private static List<Map<String, Object>> steps(JdbcClient jdbc, long runId) {
		return jdbc.sql("""
				SELECT se.JOB_EXECUTION_ID, se.STEP_NAME, se.STATUS, se.START_TIME, se.END_TIME,
				       se.READ_COUNT, se.WRITE_COUNT, se.COMMIT_COUNT
				FROM BATCH_STEP_EXECUTION se
				WHERE se.JOB_EXECUTION_ID IN (
				    SELECT p.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION_PARAMS p
				    WHERE p.PARAMETER_NAME = 'run.id' AND p.PARAMETER_VALUE = ?)
				ORDER BY se.STEP_EXECUTION_ID""")
			.param(Long.toString(runId))
			.query((rs, i) -> {
				Map<String, Object> step = new LinkedHashMap<>();
				step.put("step", rs.getString("STEP_NAME"));
				step.put("job_execution", rs.getLong("JOB_EXECUTION_ID"));
				step.put("status", rs.getString("STATUS"));
				LocalDateTime start = time(rs.getTimestamp("START_TIME"));
				LocalDateTime end = time(rs.getTimestamp("END_TIME"));
				step.put("started_at", (start != null) ? start.toString() : null);
				step.put("duration_ms", (start != null && end != null) ? Duration.between(start, end).toMillis() : null);
				step.put("read_count", rs.getLong("READ_COUNT"));
				step.put("write_count", rs.getLong("WRITE_COUNT"));
				step.put("commit_count", rs.getLong("COMMIT_COUNT"));
				return step;
			})
			.list();
	}

	private static LocalDateTime time(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toLocalDateTime() : null;
	}

}
