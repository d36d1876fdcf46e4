package org.learnstats.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.learnstats.LearnstatsApplication;
import org.learnstats.outputs.OutputContext;
import org.learnstats.support.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code run}, {@code status} and {@code pack} commands in process, on both stores, with the
 * tiny {@link TestJobs} job: exit codes, the run ledger, abandoned runs, resuming, the lock,
 * run.json and the metrics file.
 */
class RunCommandTest {

	@TempDir
	Path dir;

	private Path inbox() throws IOException {
		return Files.createDirectories(this.dir.resolve("inbox"));
	}

	private int launch(TestDatabase db, String... args) {
		return launch(db, new Class<?>[] { TestJobs.class }, args);
	}

	private int launch(TestDatabase db, Class<?>[] sources, String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of(db.springArgs()));
		all.add("--learnstats.run.job=testJob");
		all.add("--learnstats.inbox=" + this.dir.resolve("inbox"));
		all.add("--learnstats.out=" + this.dir.resolve("out"));
		List<Class<?>> all2 = new ArrayList<>(List.of(LearnstatsApplication.class));
		all2.addAll(List.of(sources));
		SpringApplication app = new SpringApplication(all2.toArray(Class<?>[]::new));
		app.setRegisterShutdownHook(false);
		ConfigurableApplicationContext context = app.run(all.toArray(String[]::new));
		return SpringApplication.exit(context);
	}

	private static JdbcClient jdbc(TestDatabase db) {
		return JdbcClient.create(db.dataSource());
	}

	private static List<Map<String, Object>> runs(TestDatabase db) {
		return jdbc(db).sql("SELECT run_id, command, status, exit_code, message FROM ls_run ORDER BY run_id")
			.query()
			.listOfRows();
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void cleanDeliveriesExit0AndRecordTheRun(String vendor) throws IOException {
		TestDatabase db = TestDatabase.create(vendor);
		Files.writeString(inbox().resolve("units-a.csv"), "unit_code,unit_name,unit_type\nU1,One,office\nU2,Two,branch\n");
		assertThat(launch(db, "run", "--as-of", "2025-07-31")).isEqualTo(0);
		assertThat(runs(db)).singleElement().satisfies((run) -> {
			assertThat(((Number) run.get("run_id")).longValue()).isEqualTo(1);
			assertThat(run.get("status")).isEqualTo("COMPLETED");
			assertThat(((Number) run.get("exit_code")).intValue()).isEqualTo(0);
		});
		assertThat(jdbc(db).sql("SELECT as_of, command_line FROM ls_run").query().singleRow())
			.containsEntry("as_of", java.sql.Date.valueOf("2025-07-31"));
		assertThat(jdbc(db).sql("SELECT rows_read FROM delivery WHERE run_id = 1").query(Long.class).single()).isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void rejectedRowsOrQuarantinedFilesExit3(String vendor) throws IOException {
		TestDatabase db = TestDatabase.create(vendor);
		Files.writeString(inbox().resolve("units-a.csv"), "h\nU1\nU2 BAD\n");
		assertThat(launch(db, "run", "--as-of", "2025-07-31")).isEqualTo(3);
		// an empty file (quarantined, no rows) alone is a reject too
		Files.delete(this.dir.resolve("inbox/units-a.csv"));
		Files.writeString(inbox().resolve("people-empty.csv"), "");
		assertThat(launch(db, "run", "--as-of", "2025-08-01")).isEqualTo(3);
		// a run that finds only files already read has nothing rejected
		assertThat(launch(db, "run", "--as-of", "2025-08-02")).isEqualTo(0);
		assertThat(runs(db)).extracting((r) -> ((Number) r.get("exit_code")).intValue()).containsExactly(3, 3, 0);
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void aFailedRunExits1AndTheNextRunResumesIt(String vendor) throws IOException {
		TestDatabase db = TestDatabase.create(vendor);
		Files.writeString(inbox().resolve("units-a.csv"), "h\nU1\n");
		Path trigger = inbox().resolve("zz-trigger.csv");
		Files.writeString(trigger, "h\nFAIL\n");
		assertThat(launch(db, "run", "--as-of", "2025-07-31")).isEqualTo(1);
		assertThat(runs(db)).singleElement().satisfies((run) -> {
			assertThat(run.get("status")).isEqualTo("FAILED");
			assertThat((String) run.get("message")).contains("test job told to fail by zz-trigger.csv");
		});
		Files.delete(trigger);
		Files.writeString(inbox().resolve("people-b.csv"), "h\nP1 BAD\n");
		assertThat(launch(db, "run", "--as-of", "2025-07-31")).isEqualTo(3);
		// the same run, resumed: one ledger row, every delivery under run 1, two job executions
		assertThat(runs(db)).singleElement().satisfies((run) -> {
			assertThat(run.get("status")).isEqualTo("COMPLETED");
			assertThat(((Number) run.get("exit_code")).intValue()).isEqualTo(3);
		});
		assertThat(jdbc(db).sql("SELECT DISTINCT run_id FROM delivery").query(Long.class).list()).containsExactly(1L);
		assertThat(jdbc(db).sql("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION").query(Long.class).single()).isEqualTo(2);
		// another day is another run
		assertThat(launch(db, "run", "--as-of", "2025-08-01")).isEqualTo(0);
		assertThat(runs(db)).hasSize(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void aRunLeftRunningByAKilledProcessIsMarkedAbandonedAndResumed(String vendor) throws IOException {
		TestDatabase db = TestDatabase.create(vendor);
		Files.writeString(inbox().resolve("units-a.csv"), "h\nU1\n");
		assertThat(launch(db, "run", "--as-of", "2025-07-31")).isEqualTo(0);
		// what kill -9 in the middle leaves behind
		jdbc(db).sql("UPDATE ls_run SET status = 'STARTED', exit_code = NULL, finished_at = NULL").update();
		jdbc(db).sql("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', END_TIME = NULL").update();
		jdbc(db).sql("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'STARTED', END_TIME = NULL").update();
		assertThat(launch(db, "run", "--as-of", "2025-07-31")).isEqualTo(0);
		assertThat(runs(db)).singleElement().satisfies((run) -> assertThat(run.get("status")).isEqualTo("COMPLETED"));
		assertThat(jdbc(db).sql("SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID")
			.query(String.class)
			.list()).containsExactly("FAILED", "COMPLETED");
		assertThat(jdbc(db).sql("SELECT COUNT(*) FROM delivery").query(Long.class).single()).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void aRunAbandonedOnAnotherDayIsMarkedFailed(String vendor) throws IOException {
		TestDatabase db = TestDatabase.create(vendor);
		Files.writeString(inbox().resolve("units-a.csv"), "h\nU1\n");
		assertThat(launch(db, "run", "--as-of", "2025-07-31")).isEqualTo(0);
		jdbc(db).sql("UPDATE ls_run SET status = 'STARTED', exit_code = NULL, finished_at = NULL").update();
		jdbc(db).sql("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', END_TIME = NULL").update();
		assertThat(launch(db, "run", "--as-of", "2025-08-01")).isEqualTo(0);
		assertThat(runs(db)).extracting((r) -> r.get("status")).containsExactly("FAILED", "COMPLETED");
		assertThat((String) runs(db).get(0).get("message")).startsWith("abandoned");
		assertThat(jdbc(db).sql("SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID")
			.query(String.class)
			.list()).containsExactly("FAILED", "COMPLETED");
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void aHeldLockExits75AndTouchesNothing(String vendor) throws IOException {
		TestDatabase db = TestDatabase.create(vendor);
		Files.writeString(inbox().resolve("units-a.csv"), "h\nU1\n");
		org.springframework.core.env.StandardEnvironment env = new org.springframework.core.env.StandardEnvironment();
		env.getPropertySources()
			.addFirst(new org.springframework.core.env.MapPropertySource("test",
					Map.of("spring.datasource.url", db.url(), "spring.datasource.username", db.username())));
		try (RunLock held = RunLock.acquire(env, this.dir.resolve("out"))) {
			assertThat(launch(db, "run", "--as-of", "2025-07-31")).isEqualTo(75);
			assertThat(launch(db, "pack", "--quarter", "2025-Q2")).isEqualTo(75);
		}
		assertThat(runs(db)).isEmpty();
		assertThat(jdbc(db).sql("SELECT COUNT(*) FROM delivery").query(Long.class).single()).isZero();
		assertThat(launch(db, "run", "--as-of", "2025-07-31")).isEqualTo(0);
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void badUsageExits2BeforeAnythingRuns(String vendor) throws IOException {
		TestDatabase db = TestDatabase.create(vendor);
		inbox();
		assertThat(launch(db, "run", "--as-of", "2025-02-30")).isEqualTo(2);
		assertThat(launch(db, "run", "--inbox", this.dir.resolve("nowhere").toString())).isEqualTo(2);
		assertThat(launch(db, "run", "--frobnicate")).isEqualTo(2);
		assertThat(launch(db, "frobnicate")).isEqualTo(2);
		assertThat(launch(db)).isEqualTo(2);
		assertThat(launch(db, "run", "--help")).isEqualTo(0);
		assertThat(runs(db)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void statusShowsRunsFilesRejectsAndPacks(String vendor) throws IOException {
		TestDatabase db = TestDatabase.create(vendor);
		Files.writeString(inbox().resolve("units-a.csv"), "h\nU1\nU2 BAD\nU3 BAD\n");
		Files.writeString(inbox().resolve("people-a.csv"), "h\nP1\n");
		assertThat(launch(db, "run", "--as-of", "2025-07-31")).isEqualTo(3);
		Files.writeString(inbox().resolve("units-copy.csv"), "h\nU1\nU2 BAD\nU3 BAD\n");
		assertThat(launch(db, "run", "--as-of", "2025-08-01")).isEqualTo(0);
		jdbc(db).sql("INSERT INTO quarter_pack (quarter, fingerprint, run_id, built_at) VALUES ('2025-Q2', ?, 1, ?)")
			.params("f".repeat(64), java.time.LocalDateTime.of(2025, 7, 31, 2, 5))
			.update();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		new StatusReport(db.dataSource()).print(10, db.url() + ";PASSWORD=secret", "Asia/Shanghai",
				new PrintStream(bytes, true, StandardCharsets.UTF_8));
		String status = bytes.toString(StandardCharsets.UTF_8);
		assertThat(status).doesNotContain("secret").contains("PASSWORD=****");
		List<String> lines = status.lines().toList();
		// run, command, as-of, started, duration, status, exit, files, skipped, quarantined, rows rejected
		assertThat(lines).anyMatch((l) -> l.matches(" +2  run +2025-08-01 .* COMPLETED +0 +0 +3 +0 +0"));
		assertThat(lines).anyMatch((l) -> l.matches(" +1  run +2025-07-31 .* COMPLETED +3 +2 +0 +0 +2"));
		assertThat(lines).anySatisfy((l) -> assertThat(l).contains("2025-Q2  built 2025-07-31 02:05:00 by run 1"));
		assertThat(launch(db, "status")).isEqualTo(0);
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void runJsonAndTheMetricsFileTellWhatTheRunDid(String vendor) throws IOException {
		TestDatabase db = TestDatabase.create(vendor);
		Files.writeString(inbox().resolve("units-a.csv"), "h\nU1\nU2 BAD\n");
		Files.createDirectories(inbox().resolve("sub"));
		Files.writeString(inbox().resolve("sub/people-a.csv"), "h\nP1\nP2\nP3\n");
		Files.writeString(inbox().resolve("people-empty.csv"), "");
		Path prom = this.dir.resolve("metrics/learnstats.prom");
		assertThat(launch(db, "run", "--as-of", "2025-07-31", "--learnstats.metrics.prometheus-file=" + prom))
			.isEqualTo(3);
		Files.writeString(inbox().resolve("units-again.csv"), "h\nU1\nU2 BAD\n");
		assertThat(launch(db, "run", "--as-of", "2025-08-01", "--learnstats.metrics.prometheus-file=" + prom)).isEqualTo(0);

		Path folder = Files.createDirectories(this.dir.resolve("built"));
		new RunReportPart(db.dataSource()).write(new OutputContext(1, java.time.LocalDate.of(2025, 7, 31), folder, null));
		JsonNode report = JsonMapper.builder().build().readTree(folder.resolve("run.json").toFile());
		assertThat(report.get("run_id").asLong()).isEqualTo(1);
		assertThat(report.get("as_of").asString()).isEqualTo("2025-07-31");
		assertThat(report.get("inbox").asString()).isEqualTo(this.dir.resolve("inbox").toString());
		assertThat(report.get("command_line").asString()).startsWith("run --as-of 2025-07-31");
		assertThat(report.get("files")).hasSize(3);
		JsonNode people = report.get("files").get(1);
		assertThat(people.get("path").asString()).isEqualTo("sub/people-a.csv");
		assertThat(people.get("sha256").asString())
			.isEqualTo(TestJobs.sha256("h\nP1\nP2\nP3\n".getBytes(StandardCharsets.UTF_8)));
		assertThat(people.get("rows_read").asLong()).isEqualTo(3);
		assertThat(people.get("encoding").asString()).isEqualTo("UTF-8");
		assertThat(report.get("files").get(0).get("reason").asString()).isEqualTo("EMPTY_FILE");
		assertThat(report.get("totals").get("units").get("rows_rejected").asLong()).isEqualTo(1);
		assertThat(report.get("totals").get("all").get("quarantined").asLong()).isEqualTo(1);
		assertThat(report.get("steps").get(0).get("step").asString()).isEqualTo("ingest");
		assertThat(report.get("steps").get(0).get("duration_ms").asLong()).isGreaterThanOrEqualTo(0);
		assertThat(report.get("exit_status").asInt()).isEqualTo(3);

		new RunReportPart(db.dataSource()).write(new OutputContext(2, java.time.LocalDate.of(2025, 8, 1), folder, null));
		JsonNode second = JsonMapper.builder().build().readTree(folder.resolve("run.json").toFile());
		assertThat(second.get("files")).isEmpty();
		assertThat(second.get("skipped")).hasSize(4);
		assertThat(second.get("command_line").asString()).contains("--spring.datasource.password=****");
		assertThat(second.get("exit_status").asInt()).isEqualTo(0);

		String metrics = Files.readString(prom);
		assertThat(metrics).contains("learnstats_last_run_exit_code 0\n")
			.contains("learnstats_last_run_files{outcome=\"skipped\"} 4\n")
			.contains("learnstats_last_run_rows_read{kind=\"units\"} 0\n")
			.containsPattern("learnstats_last_success_timestamp_seconds \\d+");
		try (var files = Files.list(prom.getParent())) {
			assertThat(files).containsExactly(prom);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void packRebuildsOneQuarterAndSwapsTheOutputFolderWhole(String vendor) throws IOException {
		TestDatabase db = TestDatabase.create(vendor);
		inbox();
		Path out = Files.createDirectories(this.dir.resolve("out"));
		Files.writeString(out.resolve("indicators.csv"), "period,unit_code,indicator,numerator,denominator,value\n");
		Files.createDirectories(out.resolve("packs/2025-Q1"));
		Files.writeString(out.resolve("packs/2025-Q1/pack.pdf"), "old");
		Class<?>[] sources = { TestJobs.class, TestPacks.class };
		assertThat(launch(db, sources, "pack", "--quarter", "2025-Q1")).isEqualTo(0);
		assertThat(Files.readString(out.resolve("packs/2025-Q1/pack.pdf"))).isEqualTo("pack 2025-Q1 of run 1");
		assertThat(out.resolve("indicators.csv")).hasContent("period,unit_code,indicator,numerator,denominator,value");
		try (var siblings = Files.list(this.dir)) {
			// no half-built or old output folder is left beside the published one: out and its build
			assertThat(siblings.map((p) -> p.getFileName().toString()).filter((n) -> !n.endsWith(".lock")))
				.hasSize(3)
				.contains("inbox", "out")
				.anyMatch((n) -> n.matches("\\.out\\.\\d{13}-.*"));
		}
		assertThat(Files.isSymbolicLink(out)).isTrue();
		assertThat(runs(db)).singleElement().satisfies((run) -> {
			assertThat(run.get("command")).isEqualTo("pack");
			assertThat(run.get("status")).isEqualTo("COMPLETED");
		});
		// no run was done yet: the pack is dated today (PackAsOfTest: else as the last run)
		assertThat(jdbc(db).sql("SELECT as_of FROM ls_run").query(java.time.LocalDate.class).single())
			.isEqualTo(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
		assertThat(launch(db, sources, "pack", "--quarter", "2019-Q1")).isEqualTo(2);
		assertThat(Files.readString(out.resolve("packs/2025-Q1/pack.pdf"))).isEqualTo("pack 2025-Q1 of run 1");
		assertThat(runs(db)).hasSize(2);
	}

}
