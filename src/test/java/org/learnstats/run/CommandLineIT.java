package org.learnstats.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.learnstats.support.Inbox;
import org.learnstats.support.JarRun;
import org.learnstats.support.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar as cron runs it (no terminal, no standard input): exit codes 0, 1, 2, 3 and
 * 75, one run at a time (a second run exits 75 at once; a run killed with -9 does not block the
 * next), SIGTERM stops at a chunk boundary and the next run ends as an uninterrupted one,
 * {@code status}, {@code run.json} and the metrics file.
 */
class CommandLineIT {

	static final String AS_OF = "2026-11-20";

	@TempDir
	Path tmp;

	private Path log(String name) {
		return this.tmp.resolve(name + ".log");
	}

	private String read(String name) throws IOException {
		return Files.readString(log(name), StandardCharsets.UTF_8);
	}

	private int jar(String name, String... args) throws Exception {
		return JarRun.run(this.tmp, log(name), args);
	}

	private Path smallInbox() {
		return Inbox.small(this.tmp);
	}

	private String h2Url(String name) {
		return "jdbc:h2:file:" + this.tmp.resolve(name).resolve("learnstats") + ";USER=sa";
	}

	@Test
	void usageAndConfigurationErrorsExit2WithOneLineAndTouchNothing() throws Exception {
		assertThat(jar("help", "--help")).isZero();
		assertThat(read("help")).startsWith("Usage: java -jar learnstats.jar <command>");
		assertThat(jar("run-help", "run", "--help")).isZero();
		assertThat(read("run-help")).contains("--as-of YYYY-MM-DD");

		assertThat(jar("bad-date", "run", "--as-of", "2026-02-30")).isEqualTo(2);
		assertThat(read("bad-date")).isEqualTo("learnstats: bad --as-of: expected an existing date as YYYY-MM-DD\n");
		assertThat(jar("no-inbox", "run", "--inbox", this.tmp.resolve("missing").toString())).isEqualTo(2);
		assertThat(read("no-inbox")).isEqualTo("learnstats: inbox " + this.tmp.resolve("missing") + " is not a folder\n");
		assertThat(jar("unknown", "run", "--since", "yesterday")).isEqualTo(2);
		assertThat(read("unknown").lines()).singleElement().asString().startsWith("learnstats: unknown option '--since'");
		assertThat(jar("nothing")).isEqualTo(2);
		assertThat(jar("bad-zone", "status", "--learnstats.time-zone=Nowhere/Else")).isEqualTo(2);
		assertThat(jar("bad-quarter", "pack", "--quarter", "2026-Q9")).isEqualTo(2);
		// nothing was created: no store, no lock file, no outputs
		try (Stream<Path> files = Files.list(this.tmp)) {
			assertThat(files.map((p) -> p.getFileName().toString())).allMatch((n) -> n.endsWith(".log"));
		}
	}

	@Test
	void chineseFileNamesSurviveAnEmptyLocaleAsUnderCron() throws Exception {
		Path inbox = Files.createDirectories(this.tmp.resolve("inbox"));
		try (var in = getClass().getResourceAsStream("/inbox-small/units.csv")) {
			Files.copy(in, inbox.resolve("机构设置.csv"));
		}
		Path out = this.tmp.resolve("out");
		Map<String, String> cron = Map.of("LANG", "", "LC_ALL", "", "LC_CTYPE", "", "LANGUAGE", "");
		int exit = JarRun.run(this.tmp, log("no-locale"), cron, "run", "--as-of", AS_OF, "--inbox", inbox.toString(),
				"--out", out.toString(), "--spring.datasource.url=" + h2Url("data"));
		assertThat(exit).as(read("no-locale")).isZero();
		assertThat(Files.readString(out.resolve("data-quality/files.csv"), StandardCharsets.UTF_8))
			.contains("机构设置.csv,ingested");
		assertThat(read("no-locale")).doesNotContain("??");
	}

	@Test
	void anUnwritableOutputFolderOrAnUnreachableStoreExit2BeforeAnyWork() throws Exception {
		Path inbox = smallInbox();
		Path file = Files.writeString(this.tmp.resolve("a-file"), "x");
		Path out = file.resolve("out");
		assertThat(jar("no-out", "run", "--inbox", inbox.toString(), "--out", out.toString(),
				"--spring.datasource.url=" + h2Url("data"))).isEqualTo(2);
		assertThat(read("no-out"))
			.isEqualTo("learnstats: output folder " + out + " cannot be created: " + file + " is not a folder\n");
		assertThat(this.tmp.resolve("data")).as("no store was opened").doesNotExist();

		assertThat(jar("no-store", "run", "--inbox", inbox.toString(), "--out", this.tmp.resolve("out").toString(),
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none", "--spring.datasource.username=u",
				"--spring.datasource.password=Pa55w0rd")).isEqualTo(2);
		assertThat(read("no-store").lines()).singleElement()
			.asString()
			.startsWith("learnstats: cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/none")
			.doesNotContain("Pa55w0rd");
		assertThat(this.tmp.resolve("out")).doesNotExist();
	}

	@Test
	void exitCodesStatusRunJsonAndMetricsOfRealRuns() throws Exception {
		Path inbox = smallInbox();
		Path out = this.tmp.resolve("out");
		Path prom = this.tmp.resolve("metrics/learnstats.prom");
		String[] common = { "--inbox", inbox.toString(), "--out", out.toString(),
				"--spring.datasource.url=" + h2Url("data"), "--learnstats.metrics.prometheus-file=" + prom };

		assertThat(jar("clean", args("run", "--as-of", AS_OF, common))).as(read("clean")).isZero();
		assertThat(read("clean")).contains("Run 1 started: as-of 2026-11-20").contains("exit code  0 (done)");
		JsonNode report = JsonMapper.builder().build().readTree(out.resolve("run.json").toFile());
		assertThat(report.get("run_id").asLong()).isEqualTo(1);
		assertThat(report.get("files")).hasSize(2);
		assertThat(report.get("files").get(0).get("path").asString()).isEqualTo("units.csv");
		assertThat(report.get("files").get(0).get("rows_read").asLong()).isEqualTo(4);
		assertThat(report.get("files").get(1).get("rows_applied").asLong()).isEqualTo(5);
		assertThat(report.get("exit_status").asInt()).isZero();
		assertThat(report.get("steps").findValuesAsString("step")).contains("scanInbox", "ingestUnits", "ingestPeople");
		assertThat(Files.readString(prom)).contains("learnstats_last_run_exit_code 0\n")
			.contains("learnstats_last_run_rows_applied{kind=\"people\"} 5\n");

		// a correction with one bad row, and a re-delivery under another name
		Files.writeString(inbox.resolve("people-fix.csv"),
				"person_id,name,unit_code,rank,education,birth_date\nP003,李娜,ORG-B2,科员,大专,1990-07-01\nP006,赵强,NOWHERE,科员,大专,1991-01-01\n");
		Files.copy(inbox.resolve("units.csv"), inbox.resolve("units-again.csv"));
		assertThat(jar("rejects", args("run", "--as-of", AS_OF, common))).as(read("rejects")).isEqualTo(3);
		report = JsonMapper.builder().build().readTree(out.resolve("run.json").toFile());
		assertThat(report.get("run_id").asLong()).isEqualTo(2);
		assertThat(report.get("files")).singleElement()
			.satisfies((f) -> assertThat(f.get("rows_rejected").asLong()).isEqualTo(1));
		assertThat(report.get("skipped").findValuesAsString("path")).containsExactly("people.csv", "units-again.csv",
				"units.csv");
		assertThat(report.get("exit_status").asInt()).isEqualTo(3);
		assertThat(Files.readString(prom)).contains("learnstats_last_run_exit_code 3\n")
			.contains("learnstats_last_run_rows_rejected{kind=\"people\"} 1\n")
			.contains("learnstats_last_run_files{outcome=\"skipped\"} 3\n");

		// an output folder that cannot be created is bad configuration: exit 2 before any work, no run
		Path blocker = Files.writeString(this.tmp.resolve("blocker"), "a file");
		Files.writeString(inbox.resolve("units-new.csv"), "unit_code,unit_name,parent_code,unit_type\nORG-B3,第三党支部,ORG,党支部\n");
		assertThat(jar("failed", args("run", "--as-of", AS_OF, "--inbox", inbox.toString(), "--out",
				blocker.resolve("out").toString(), "--spring.datasource.url=" + h2Url("data"),
				"--learnstats.metrics.prometheus-file=" + prom))).as(read("failed")).isEqualTo(2);
		assertThat(read("failed")).contains("cannot be created");

		assertThat(jar("status", "status", "--spring.datasource.url=" + h2Url("data"))).isZero();
		List<String> status = read("status").lines().toList();
		assertThat(status).noneMatch((l) -> l.matches(" +3  run .*"));
		assertThat(status).anyMatch((l) -> l.matches(" +2  run +2026-11-20 .* COMPLETED +3 +1 +3 +0 +1"));
		assertThat(status).anyMatch((l) -> l.matches(" +1  run +2026-11-20 .* COMPLETED +0 +2 +0 +0 +0"));
		assertThat(status).contains("Quarter packs: none built yet.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void aSecondRunExits75AtOnceAndAKilledRunDoesNotBlockTheNext(String vendor) throws Exception {
		Path inbox = bigInbox(this.tmp.resolve("big"), 60);
		Store store = store(vendor, "locked");
		String[] run = args("run", "--as-of", AS_OF, "--inbox", inbox.toString(), "--out",
				this.tmp.resolve("out").toString(), store.args());
		JarRun first = JarRun.start(this.tmp, log("first"), run);
		assertThat(first.awaitLog((l) -> l.contains("attendance att/f005.csv"), 180_000)).as(read("first")).isTrue();

		long started = System.nanoTime();
		assertThat(jar("second", run)).as(read("second")).isEqualTo(75);
		assertThat(read("second")).contains("another learnstats run holds the").contains("nothing was done");
		assertThat(read("second")).doesNotContain("Started LearnstatsApplication");
		assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(60);
		if (vendor.equals("h2")) {
			// the run works on a copy of the embedded store: status reads the nights before it
			assertThat(jar("status", args("status", store.args()))).as(read("status")).isEqualTo(0);
			assertThat(read("status")).contains("No runs yet.");
		}
		assertThat(first.process().isAlive()).isTrue();
		first.kill9();

		assertThat(jar("next", run)).as(read("next")).isEqualTo(3);
		if (vendor.equals("h2")) {
			// the killed night's copy is thrown away: the store never saw it, and the night is done again
			assertThat(read("next")).doesNotContain("was left running").contains("Run 1 started");
		}
		else {
			assertThat(read("next")).contains("was left running by a process that ended without finishing it")
				.contains("Run 1 resumed");
		}
		assertThat(store.count("SELECT COUNT(*) FROM ls_run")).isEqualTo(1);
		assertThat(store.count("SELECT COUNT(*) FROM attendance")).isEqualTo(60 * 2000);
		assertThat(store.count("SELECT COUNT(*) FROM delivery WHERE run_id = 1")).isEqualTo(62 + 1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void sigtermStopsAtAChunkBoundaryAndTheNextRunEndsAsAnUninterruptedOne(String vendor) throws Exception {
		Path inbox = bigInbox(this.tmp.resolve("big"), 60);
		Store clean = store(vendor, "clean");
		Store stopped = store(vendor, "stopped");
		Path cleanOut = this.tmp.resolve("out-clean");
		Path stoppedOut = this.tmp.resolve("out-stopped");
		assertThat(jar("clean", args("run", "--as-of", AS_OF, "--inbox", inbox.toString(), "--out",
				cleanOut.toString(), clean.args()))).as(read("clean")).isEqualTo(3);

		String[] run = args("run", "--as-of", AS_OF, "--inbox", inbox.toString(), "--out",
				stoppedOut.toString(), stopped.args());
		JarRun first = JarRun.start(this.tmp, log("stopped"), run);
		assertThat(first.awaitLog((l) -> l.contains("attendance att/f010.csv"), 180_000)).as(read("stopped")).isTrue();
		first.process().destroy(); // SIGTERM
		assertThat(first.process().waitFor(90, TimeUnit.SECONDS)).isTrue();
		assertThat(first.process().exitValue()).as(read("stopped")).isEqualTo(1);
		assertThat(read("stopped")).contains("Shutdown signal received: stopping run 1 at the next chunk boundary")
			.contains("Run 1 stopped")
			.contains("exit code  1")
			.doesNotContain("attendance att/f059.csv");
		assertThat(stopped.count("SELECT COUNT(*) FROM ls_run WHERE status = 'STOPPED'")).isEqualTo(1);
		long partial = stopped.count("SELECT COUNT(*) FROM attendance");
		assertThat(partial).isLessThan(60 * 2000).isEqualTo(2000 * stopped.count(
				"SELECT COUNT(*) FROM delivery WHERE kind = 'attendance'"));

		assertThat(jar("resumed", run)).as(read("resumed")).isEqualTo(3);
		assertThat(stopped.contents()).isEqualTo(clean.contents());
		JsonNode cleanReport = JsonMapper.builder().build().readTree(cleanOut.resolve("run.json").toFile());
		JsonNode resumedReport = JsonMapper.builder().build().readTree(stoppedOut.resolve("run.json").toFile());
		assertThat(resumedReport.get("totals")).isEqualTo(cleanReport.get("totals"));
		assertThat(resumedReport.get("skipped")).isEmpty();
	}

	/** The arguments, flattening arrays: {@code args("run", "--as-of", AS_OF, common)}. */
	private static String[] args(Object... parts) {
		List<String> all = new ArrayList<>();
		for (Object part : parts) {
			if (part instanceof String[] many) {
				all.addAll(List.of(many));
			}
			else {
				all.add((String) part);
			}
		}
		return all.toArray(String[]::new);
	}

	/** 21 units, 400 people, {@code files} attendance files of 2,000 rows with one bad row, one stray file. */
	static Path bigInbox(Path dir, int files) throws IOException {
		Files.createDirectories(dir.resolve("att"));
		StringBuilder units = new StringBuilder("unit_code,unit_name,parent_code,unit_type\nROOT,省委某部,,党委\n");
		for (int u = 1; u <= 20; u++) {
			units.append("B%02d,第%d党支部,ROOT,党支部\n".formatted(u, u));
		}
		Files.writeString(dir.resolve("units.csv"), units);
		StringBuilder people = new StringBuilder("person_id,name,unit_code,rank,education,birth_date\n");
		for (int p = 1; p <= 400; p++) {
			people.append("P%03d,干部%d,B%02d,%s,bachelor,1980-01-01\n".formatted(p, p, 1 + p % 20,
					(p % 3 == 0) ? "division" : "section"));
		}
		Files.writeString(dir.resolve("people.csv"), people);
		LocalDate start = LocalDate.of(2026, 1, 1);
		for (int f = 0; f < files; f++) {
			StringBuilder a = new StringBuilder(
					"unit_code,session_id,session_date,session_type,duration_hours,person_id,status\n");
			String unit = "B%02d".formatted(1 + f % 20);
			for (int r = 0; r < 2000; r++) {
				a.append(unit)
					.append(",S%03d-%03d,".formatted(f, r / 25))
					.append(start.plusDays((f + r / 25) % 300))
					.append(",branch_study,2,P%03d,%s\n".formatted(1 + r % 400, (r % 7 == 0) ? "absent" : "present"));
			}
			if (f == 30) {
				a.append(unit).append(",BAD,2026-02-30,branch_study,2,P001,present\n");
			}
			Files.writeString(dir.resolve("att/f%03d.csv".formatted(f)), a);
		}
		Files.writeString(dir.resolve("notes.txt"), "author,pages\nx,1\n");
		return dir;
	}

	private Store store(String vendor, String name) {
		if (vendor.equals("postgresql")) {
			TestDatabase db = TestDatabase.postgres();
			return new Store(db.url(), db.username(), db.dataSource());
		}
		return new Store(h2Url(name), "sa", null);
	}

	/**
	 * Two files per ingest chunk: a chunk stays under 256 KiB of COPY data on PostgreSQL, where a
	 * larger one hangs in this build (the lead's DeliveryWriter writes the delivery row while the
	 * COPY of the chunk is still open; see the ops report), and SIGTERM finds a chunk boundary soon.
	 */
	static final String SMALL_CHUNKS = "--learnstats.ingest.files-per-chunk=2";

	/** One log line per file read, for the tests to know where the run is. */
	static final String FILE_LINES = "--logging.level.org.learnstats.store.DeliveryWriter=DEBUG";

	/** A store of the test, read back after the jar ended. */
	record Store(String url, String user, DataSource dataSource) {

		String[] args() {
			return new String[] { "--spring.datasource.url=" + this.url, "--spring.datasource.username=" + this.user,
					SMALL_CHUNKS, FILE_LINES };
		}

		private <T> T with(java.util.function.Function<JdbcTemplate, T> work) {
			if (this.dataSource != null) {
				return work.apply(new JdbcTemplate(this.dataSource));
			}
			SingleConnectionDataSource ds = new SingleConnectionDataSource(this.url, this.user, "", true);
			try {
				return work.apply(new JdbcTemplate(ds));
			}
			finally {
				ds.destroy();
			}
		}

		long count(String sql) {
			return with((jdbc) -> jdbc.queryForObject(sql, Long.class));
		}

		/** What a run leaves in the store, without ids and times. */
		List<String> contents() {
			return with((jdbc) -> {
				List<String> rows = new ArrayList<>();
				rows.addAll(jdbc.queryForList("""
						SELECT 'delivery|' || sha256 || '|' || path || '|' || COALESCE(kind, '-') || '|' || rows_read
						       || '|' || rows_applied || '|' || rows_rejected || '|' || COALESCE(file_reason, '-')
						       || '|' || run_id
						FROM delivery ORDER BY sha256""", String.class));
				rows.addAll(jdbc.queryForList("""
						SELECT 'attendance|' || COUNT(*) || '|' || COUNT(DISTINCT session_id) || '|'
						       || SUM(CASE WHEN status = 'present' THEN 1 ELSE 0 END) FROM attendance""", String.class));
				rows.addAll(jdbc.queryForList("SELECT 'unit|' || COUNT(*) FROM unit", String.class));
				rows.addAll(jdbc.queryForList("SELECT 'person|' || COUNT(*) FROM person", String.class));
				rows.addAll(jdbc.queryForList("""
						SELECT 'reject|' || d.sha256 || '|' || r.line_no || '|' || r.reason FROM reject_row r
						JOIN delivery d ON d.delivery_id = r.delivery_id ORDER BY d.sha256, r.line_no""", String.class));
				rows.addAll(jdbc.queryForList("SELECT 'run|' || run_id || '|' || status || '|' || exit_code FROM ls_run",
						String.class));
				return rows;
			});
		}

	}

}
