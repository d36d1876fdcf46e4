package org.learnstats.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.learnstats.vocabulary.Kind;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How a run ends for its operator: the one-screen summary in the log, and, when
 * {@code learnstats.metrics.prometheus-file} is set, a metrics file for node_exporter's textfile
 * collector, replaced atomically (temporary file + rename) so the collector never reads half of it.
 */
class RunEnd {

	private static final Logger log = LoggerFactory.getLogger(RunEnd.class);

	private final DataSource dataSource;

	private final Path prometheusFile;

	private final Clock clock;

	private final ZoneId zone;

	RunEnd(DataSource dataSource, Path prometheusFile, Clock clock, ZoneId zone) {
		this.dataSource = dataSource;
		this.prometheusFile = prometheusFile;
		this.clock = clock;
		this.zone = zone;
	}

	void report(long runId, Command.Run command, RunTotals totals, int exit, List<String> outputProblems,
			Duration duration) {
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		long indicators = jdbc.sql("SELECT COUNT(*) FROM indicator_value").query(Long.class).single();
		List<String> packs = jdbc.sql("SELECT quarter FROM quarter_pack WHERE run_id = ? ORDER BY quarter")
			.param(runId)
			.query(String.class)
			.list();
		for (String line : summary(runId, command, totals, indicators, packs, outputProblems, exit, duration)) {
			log.info(line);
		}
		if (this.prometheusFile != null) {
			try {
				writePrometheus(totals, exit, duration);
			}
			catch (IOException | RuntimeException ex) {
				log.warn("Could not write the metrics file {}: {}", this.prometheusFile, ex.toString());
			}
		}
	}

	static List<String> summary(long runId, Command.Run command, RunTotals totals, long indicators,
			List<String> packs, List<String> outputProblems, int exit, Duration duration) {
		List<String> lines = new ArrayList<>();
		lines.add("==== learnstats run " + runId + " (as-of " + command.asOf() + ") ====");
		lines.add(String.format(Locale.ROOT, "files      %,d new (%,d of them quarantined), %,d skipped as already read",
				totals.files(), totals.quarantined(), totals.skipped())
				+ ((totals.unread() > 0) ? String.format(Locale.ROOT, ", %,d not read (see run.json)", totals.unread())
						: ""));
		lines.add(String.format(Locale.ROOT, "%-11s %6s %12s %12s %10s %9s", "kind", "files", "rows read", "applied",
				"rejected", "warnings"));
		for (RunTotals.KindTotals kind : totals.kinds()) {
			lines.add(String.format(Locale.ROOT, "%-11s %,6d %,12d %,12d %,10d %,9d", kind.kind(), kind.files(),
					kind.rowsRead(), kind.rowsApplied(), kind.rowsRejected(), kind.unknownPersons()));
		}
		lines.add(String.format(Locale.ROOT, "%-11s %,6d %,12d %,12d %,10d %,9d", "total", totals.files(),
				totals.rowsRead(), totals.rowsApplied(), totals.rowsRejected(), totals.unknownPersons()));
		if (totals.unknownPersons() > 0) {
			lines.add(String.format(Locale.ROOT,
					"warnings   %,d applied rows name a person not in the roster (UNKNOWN_PERSON)",
					totals.unknownPersons()));
		}
		lines.add(String.format(Locale.ROOT, "indicators %,d values in the store", indicators));
		if (!packs.isEmpty()) {
			lines.add("packs      built " + String.join(", ", packs));
		}
		lines.add("outputs    " + command.out());
		for (String problem : outputProblems) {
			lines.add("outputs    " + problem + ((problem.startsWith("not rebuilt")) ? "; previous files kept" : ""));
		}
		lines.add("duration   " + format(duration));
		String meaning = ExitCodes.describe(exit);
		if (exit == ExitCodes.DONE_WITH_REJECTS) {
			meaning += ": see " + command.out().resolve("data-quality") + "/";
		}
		lines.add("exit code  " + exit + " (" + meaning + ")");
		return lines;
	}

	static String format(Duration duration) {
		long s = duration.toSeconds();
		if (s < 60) {
			return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
		}
		return (s >= 3600 ? (s / 3600) + " h " : "") + ((s % 3600) / 60) + " min " + (s % 60) + " s";
	}

	void writePrometheus(RunTotals totals, int exit, Duration duration) throws IOException {
		double lastSuccess = new RunLedger(this.dataSource).lastSuccess()
			.map((t) -> t.atZone(this.zone).toInstant().toEpochMilli() / 1000.0)
			.orElse(Double.NaN);
		String text = prometheus(this.clock.instant().toEpochMilli() / 1000.0, exit, duration, totals, lastSuccess);
		Path target = this.prometheusFile.toAbsolutePath();
		Files.createDirectories(target.getParent());
		Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
		try {
			Files.writeString(temp, text, StandardCharsets.UTF_8);
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	static String prometheus(double now, int exit, Duration duration, RunTotals totals, double lastSuccess) {
		StringBuilder out = new StringBuilder();
		gauge(out, "learnstats_last_run_timestamp_seconds", "When the last run ended (Unix time).", number(now));
		gauge(out, "learnstats_last_run_exit_code",
				"Exit code of the last run: 0 done, 3 done with rejects, 1 failed.", Integer.toString(exit));
		gauge(out, "learnstats_last_run_duration_seconds", "How long the last run took.",
				number(duration.toMillis() / 1000.0));
		if (!Double.isNaN(lastSuccess)) {
			gauge(out, "learnstats_last_success_timestamp_seconds",
					"When the last run that was done (exit 0 or 3) ended (Unix time).", number(lastSuccess));
		}
		out.append("# HELP learnstats_last_run_files Export files the last run considered, by outcome.\n");
		out.append("# TYPE learnstats_last_run_files gauge\n");
		out.append("learnstats_last_run_files{outcome=\"read\"} ").append(totals.files() - totals.quarantined()).append('\n');
		out.append("learnstats_last_run_files{outcome=\"quarantined\"} ").append(totals.quarantined()).append('\n');
		out.append("learnstats_last_run_files{outcome=\"skipped\"} ").append(totals.skipped()).append('\n');
		out.append("learnstats_last_run_files{outcome=\"not_read\"} ").append(totals.unread()).append('\n');
		perKind(out, "learnstats_last_run_rows_read", "Rows the last run read, by kind.", totals,
				RunTotals.KindTotals::rowsRead);
		perKind(out, "learnstats_last_run_rows_applied", "Rows the last run applied, by kind.", totals,
				RunTotals.KindTotals::rowsApplied);
		perKind(out, "learnstats_last_run_rows_rejected", "Rows the last run rejected, by kind.", totals,
				RunTotals.KindTotals::rowsRejected);
		perKind(out, "learnstats_last_run_unknown_persons",
				"Applied rows of the last run whose person is not in the roster, by kind.", totals,
				RunTotals.KindTotals::unknownPersons);
		return out.toString();
	}

	private static void gauge(StringBuilder out, String name, String help, String value) {
		out.append("# HELP ").append(name).append(' ').append(help).append('\n');
		out.append("# TYPE ").append(name).append(" gauge\n");
		out.append(name).append(' ').append(value).append('\n');
	}

	private static void perKind(StringBuilder out, String name, String help, RunTotals totals,
			java.util.function.ToLongFunction<RunTotals.KindTotals> value) {
		out.append("# HELP ").append(name).append(' ').append(help).append('\n');
		out.append("# TYPE ").append(name).append(" gauge\n");
		for (String kind : Kind.codes()) {
			long n = totals.kinds().stream().filter((k) -> k.kind().equals(kind)).mapToLong(value).sum();
			out.append(name).append("{kind=\"").append(kind).append("\"} ").append(n).append('\n');
		}
	}

	private static String number(double value) {
		return (value == Math.rint(value) && Math.abs(value) < 1e15) ? Long.toString((long) value)
				: String.format(Locale.ROOT, "%.3f", value);
	}

}
