package org.learnstats.run;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnstats.support.JarRun;
import org.learnstats.support.Requirement;
import org.learnstats.support.TestDatabase;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A night spread over worker processes (RabbitMQ at 127.0.0.1:5672, PostgreSQL): with two
 * workers it writes the same files, byte for byte, and the same store as the single-process
 * night; a worker killed with -9 in the middle of a partition (a piece of the charts, or an ingest
 * partition) fails the night (exit 1) and a worker started late takes the remaining partitions,
 * none applied twice, and the run that follows ends as the single-process night did. Every
 * process is the packaged jar.
 */
class WorkersIT {

	static final String AS_OF = TinyOrganization.AS_OF.toString();

	@TempDir
	Path tmp;

	private final String queue = "learnstats.it." + UUID.randomUUID();

	private final List<JarRun> started = new ArrayList<>();

	@AfterEach
	void stopWorkersAndDropQueue() throws Exception {
		for (JarRun run : this.started) {
			run.process().destroyForcibly();
			run.process().waitFor(30, TimeUnit.SECONDS);
		}
		com.rabbitmq.client.ConnectionFactory factory = new com.rabbitmq.client.ConnectionFactory();
		factory.setHost("127.0.0.1");
		try (var connection = factory.newConnection(); var channel = connection.createChannel()) {
			channel.queueDelete(this.queue);
		}
		catch (IOException ex) {
			// no broker: the test was skipped
		}
	}

	@Test
	void twoWorkersWriteTheSingleProcessNightAndAKilledWorkerFailsItUntilTheRerun() throws Exception {
		requireRabbitMq();
		Path inbox = smallInbox();
		TestDatabase single = TestDatabase.postgres();
		TestDatabase shared = TestDatabase.postgres();
		TestDatabase killed = TestDatabase.postgres();

		int expectedExit = jar("single", "run", "--inbox", inbox.toString(), "--out", out("single"), "--as-of", AS_OF,
				single.springArgs());
		assertThat(expectedExit).as(read("single")).isEqualTo(ExitCodes.DONE_WITH_REJECTS);
		Map<String, List<String>> expectedStore = contents(single.dataSource());

		// two workers from the start
		JarRun w1 = worker("w1", shared);
		JarRun w2 = worker("w2", shared);
		assertThat(w1.awaitLog((l) -> l.contains("Worker listening"), 180_000)).as(read("w1")).isTrue();
		assertThat(w2.awaitLog((l) -> l.contains("Worker listening"), 180_000)).as(read("w2")).isTrue();
		int exit = jar("manager", "run", "--inbox", inbox.toString(), "--out", out("multi"), "--as-of", AS_OF,
				managerArgs(shared));
		assertThat(exit).as(read("manager")).isEqualTo(expectedExit);
		assertThat(read("w1")).contains("Partition writeOutputPart:partition");
		assertThat(read("w2")).contains("Partition writeOutputPart:partition");
		// the attendance files were taken by the workers, a unit folder a partition, each partition once
		List<String> ingestParts = new JdbcTemplate(shared.dataSource()).queryForList(
				"SELECT step_name || ' ' || status FROM batch_step_execution"
						+ " WHERE step_name LIKE 'ingestPart:%' ORDER BY step_name", String.class);
		assertThat(ingestParts).hasSize(3)
			.allMatch((p) -> p.startsWith("ingestPart:attendance") && p.endsWith(" COMPLETED"));
		String workers = read("w1") + read("w2");
		for (String part : ingestParts) {
			String name = part.substring(0, part.indexOf(' '));
			assertThat(workers.split("Partition " + name + " \\(", -1)).as(name + " taken once").hasSize(2);
		}
		assertThat(read("manager")).doesNotContain("Partition ingestPart:");
		// a first night rehearses the drawing where it is drawn: in the single process, not in the manager
		assertThat(read("single")).contains("Outputs rehearsed");
		assertThat(read("manager")).doesNotContain("Outputs rehearsed");
		assertSameOutputs(out("multi"), out("single"));
		assertThat(contents(shared.dataSource())).isEqualTo(expectedStore);
		stop(w1);
		stop(w2);

		// one worker, killed with -9 while it draws a piece of the charts; a late one takes the rest
		JarRun doomed = worker("doomed", killed);
		JarRun manager = JarRun.start(this.tmp, log("killed-night"),
				concat(List.of("run", "--inbox", inbox.toString(), "--out", out("killed"), "--as-of", AS_OF),
						managerArgs(killed)));
		this.started.add(manager);
		assertThat(doomed.awaitLog((l) -> l.contains(" writes ChartsPart"), 240_000)).as(read("doomed")).isTrue();
		new ProcessBuilder("kill", "-STOP", String.valueOf(doomed.process().pid())).start().waitFor();
		doomed.kill9();
		java.util.regex.Matcher drawing = java.util.regex.Pattern.compile(" writes (ChartsPart units \\d+/\\d+)")
			.matcher(read("doomed"));
		assertThat(drawing.find()).as(read("doomed")).isTrue();
		String killedPiece = drawing.group(1);
		assertThat(read("doomed")).as("killed in the middle of its partition").doesNotContain(killedPiece + " written in");
		JarRun late = worker("late", killed);
		assertThat(manager.process().waitFor(5, TimeUnit.MINUTES)).isTrue();
		assertThat(manager.process().exitValue()).as(read("killed-night")).isEqualTo(1);
		assertThat(read("late")).contains("marked failed: the worker running it ended before it finished");
		// every partition but the killed piece written once, by one of the two (a part, or a piece of one:
		// the charts of a group of units, the tables of a group of indicators, a quarter's organization pack)
		Map<String, Long> written = (read("doomed") + read("late")).lines()
			.filter((l) -> l.contains(" written in "))
			.map((l) -> l.substring(l.indexOf(" - ") + 3, l.indexOf(" written in ")))
			.collect(Collectors.groupingBy((p) -> p, TreeMap::new, Collectors.counting()));
		assertThat(written.keySet()).contains("IndicatorsCsvPart", "DataQualityPart", "OpenProblemsPart",
				"RestrictedListsPart", "TablesPart indicators 1/4", "TablesPart indicators 4/4",
				"PackPart 2025-Q3 organization").doesNotContain(killedPiece);
		assertThat(written.keySet().stream().filter((p) -> p.startsWith("ChartsPart units "))).as("the other pieces")
			.isNotEmpty();
		assertThat(written.values()).as(written.toString()).containsOnly(1L);
		assertThat(Path.of(out("killed"))).as("nothing published").doesNotExist();

		int rerun = jar("rerun", "run", "--inbox", inbox.toString(), "--out", out("killed"), "--as-of", AS_OF,
				managerArgs(killed));
		assertThat(rerun).as(read("rerun")).isEqualTo(expectedExit);
		assertThat(read("rerun")).contains("resumed");
		assertThat(read("late").split(killedPiece + " written in", -1)).as("the late worker drew the killed piece")
			.hasSize(2);
		assertSameOutputs(out("killed"), out("single"));
		assertThat(contents(killed.dataSource())).isEqualTo(expectedStore);
		stop(late);

		// one worker killed with -9 in the middle of an ingest partition: its chunk waits for a lock
		// this test holds on the attendance table, and the worker dies in that open transaction
		TestDatabase ingestKilled = TestDatabase.postgres();
		JdbcTemplate store = new JdbcTemplate(ingestKilled.dataSource());
		JarRun victim = worker("victim", ingestKilled);
		JarRun night;
		try (Connection lock = ingestKilled.dataSource().getConnection()) {
			lock.setAutoCommit(false);
			lock.createStatement().execute("LOCK TABLE attendance IN SHARE MODE");
			night = JarRun.start(this.tmp, log("ingest-killed-night"), concat(
					List.of("run", "--inbox", inbox.toString(), "--out", out("ingest-killed"), "--as-of", AS_OF),
					managerArgs(ingestKilled)));
			this.started.add(night);
			assertThat(victim.awaitLog((l) -> l.contains("Partition ingestPart:") && l.contains(" taken"), 120_000))
				.as(read("victim")).isTrue();
			long deadline = System.currentTimeMillis() + 60_000;
			while (store.queryForObject("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
					+ " AND wait_event_type = 'Lock'", Integer.class) == 0) {
				assertThat(System.currentTimeMillis()).as("the victim's chunk waits for the lock").isLessThan(deadline);
				Thread.sleep(100);
			}
			victim.kill9();
			lock.rollback();
		}
		java.util.regex.Matcher taken = java.util.regex.Pattern.compile("Partition (ingestPart:\\S+) \\((\\d+)\\) taken")
			.matcher(read("victim"));
		assertThat(taken.find()).isTrue();
		String killedPart = taken.group(1);
		assertThat(read("victim").split("Partition " + killedPart + " \\(", -1)).as("taken once").hasSize(2);
		JarRun after = worker("after", ingestKilled);
		assertThat(night.process().waitFor(5, TimeUnit.MINUTES)).isTrue();
		assertThat(night.process().exitValue()).as(read("ingest-killed-night")).isEqualTo(1);
		assertThat(read("after")).contains("Partition " + killedPart + " (" + taken.group(2)
				+ ") marked failed: the worker running it ended before it finished");
		assertThat(read("after")).as("the killed partition is not run again").doesNotContain(
				"Partition " + killedPart + " (" + taken.group(2) + ") taken");
		assertThat(store.queryForObject("SELECT status FROM batch_step_execution WHERE step_execution_id = ?",
				String.class, Long.parseLong(taken.group(2)))).isEqualTo("FAILED");
		assertThat(Path.of(out("ingest-killed"))).as("nothing published").doesNotExist();

		int again = jar("ingest-rerun", "run", "--inbox", inbox.toString(), "--out", out("ingest-killed"), "--as-of",
				AS_OF, managerArgs(ingestKilled));
		assertThat(again).as(read("ingest-rerun")).isEqualTo(expectedExit);
		assertThat(read("ingest-rerun")).contains("resumed");
		// every delivered file applied once: the store is the single-process night's
		assertThat(store.queryForList("SELECT sha256 FROM delivery GROUP BY sha256 HAVING COUNT(*) > 1", String.class))
			.isEmpty();
		assertSameOutputs(out("ingest-killed"), out("single"));
		assertThat(contents(ingestKilled.dataSource())).isEqualTo(expectedStore);
	}

	private static void requireRabbitMq() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", 5672), 2000);
		}
		catch (IOException ex) {
			String message = "RabbitMQ not reachable at 127.0.0.1:5672 (" + ex.getMessage() + ")";
			if (Requirement.strict("rabbitmq")) {
				Assertions.fail(message + ", and CI (or -Dlearnstats.require-rabbitmq=true) requires it");
			}
			Assumptions.abort(message + ": workers test skipped");
		}
	}

	private String[] managerArgs(TestDatabase db) {
		List<String> args = new ArrayList<>(List.of(db.springArgs()));
		args.add("--learnstats.workers.enabled=true");
		args.add("--learnstats.workers.queue=" + this.queue);
		args.add("--learnstats.workers.poll-interval=200ms");
		args.add("--learnstats.workers.timeout=5m");
		args.add("--learnstats.workers.ingest-files-per-partition=1");
		return args.toArray(String[]::new);
	}

	private JarRun worker(String name, TestDatabase db) throws IOException {
		JarRun run = JarRun.start(this.tmp, log(name), concat(List.of("worker"), managerArgs(db)));
		this.started.add(run);
		return run;
	}

	private static void stop(JarRun worker) throws InterruptedException {
		worker.process().destroy();
		assertThat(worker.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
	}

	private int jar(String name, String command, String inboxOption, String inbox, String outOption, String out,
			String asOfOption, String asOf, String... more) throws Exception {
		return JarRun.run(this.tmp, log(name),
				concat(List.of(command, inboxOption, inbox, outOption, out, asOfOption, asOf), more));
	}

	private static String[] concat(List<String> first, String... more) {
		List<String> all = new ArrayList<>(first);
		all.addAll(List.of(more));
		return all.toArray(String[]::new);
	}

	private String out(String name) {
		return this.tmp.resolve("out-" + name).toString();
	}

	private Path log(String name) {
		return this.tmp.resolve(name + ".log");
	}

	private String read(String name) throws IOException {
		return Files.readString(log(name), StandardCharsets.UTF_8);
	}

	/** Six units with people, sessions, a survey, rejects and a closed quarter's packs. */
	private Path smallInbox() {
		String header = "unit_code,session_id,session_date,session_type,duration_hours,person_id,status\n";
		// three unit folders of attendance, one partition each; the last folder's file (the latest
		// delivery) brings again three keys of the other folders' files, which it must win, one of
		// them dated in another year (another partition of the table on PostgreSQL, where a worker's
		// check may not see the other's uncommitted row: the manager reconciles)
		return TinyOrganization.write(this.tmp.resolve("inbox"))
			.file("BGS/签到_2025-09.csv", header + "SWB-BGS,S3,2025-09-16,支部学习,2,P0003,出勤\n"
					+ "SWB-BGS,S3,2025-09-16,支部学习,2,P0004,缺勤\nSWB-BGS,S3,2025-09-16,支部学习,x,P0005,出勤\n")
			.file("ZZ/补报_2025.csv", header + "SWB,S1,2025-09-09,理论学习中心组,6.5,P0002,出勤\n"
					+ "SWB-BGS,S3,2025-09-16,支部学习,2,P0004,出勤\nSWB-BGS,S4,2025-09-30,支部学习,1,P9999,出勤\n"
					+ "SWB-BGS,S3,2024-12-30,支部学习,2,P0003,请假\n")
			.dir();
	}

	/**
	 * Every file of both output folders, byte for byte; in run.json and data-quality/files.csv only
	 * what measures time (durations, start, the steps) and names the folder may differ.
	 */
	private static void assertSameOutputs(String actual, String expected) throws IOException {
		Map<String, byte[]> a = files(Path.of(actual));
		Map<String, byte[]> e = files(Path.of(expected));
		assertThat(a.keySet()).isEqualTo(e.keySet());
		assertThat(e).containsKeys("indicators.csv", "run.json", "index.html", "data-quality/files.csv");
		assertThat(e.keySet()).anyMatch((f) -> f.startsWith("charts/") && f.endsWith(".png"))
			.anyMatch((f) -> f.startsWith("packs/") && f.endsWith("pack.pdf"))
			.anyMatch((f) -> f.startsWith("restricted/"));
		for (String file : e.keySet()) {
			if (file.equals("run.json")) {
				assertThat(runJson(a.get(file))).as(file).isEqualTo(runJson(e.get(file)));
			}
			else if (file.equals("data-quality/files.csv")) {
				assertThat(withoutMillis(a.get(file))).as(file).isEqualTo(withoutMillis(e.get(file)));
			}
			else {
				assertThat(a.get(file)).as(file).isEqualTo(e.get(file));
			}
		}
	}

	private static Map<String, byte[]> files(Path out) throws IOException {
		Path root = out.toRealPath();
		Map<String, byte[]> files = new TreeMap<>();
		try (Stream<Path> walk = Files.walk(root)) {
			for (Path p : walk.filter(Files::isRegularFile).toList()) {
				files.put(root.relativize(p).toString(), Files.readAllBytes(p));
			}
		}
		return files;
	}

	private static String runJson(byte[] bytes) {
		ObjectNode json = (ObjectNode) JsonMapper.builder().build().readTree(bytes);
		for (String timing : List.of("out", "command_line", "started_at", "steps")) {
			assertThat(json.has(timing)).as(timing).isTrue();
			json.remove(timing);
		}
		json.withArray("files").forEach((f) -> ((ObjectNode) f).remove("duration_ms"));
		return json.toString();
	}

	/** The CSV without its {@code millis} column, found by its header (the sample has no quoted commas). */
	private static List<String> withoutMillis(byte[] csv) {
		List<String> lines = new String(csv, StandardCharsets.UTF_8).lines().toList();
		int millis = List.of(lines.get(0).split(",", -1)).indexOf("millis");
		assertThat(millis).as("files.csv has a millis column").isPositive();
		return lines.stream().map((l) -> {
			List<String> cells = new java.util.ArrayList<>(List.of(l.split(",", -1)));
			cells.remove(millis);
			return String.join(",", cells);
		}).toList();
	}

	/** The store's rows that a night writes, read back after the processes ended. */
	static Map<String, List<String>> contents(DataSource dataSource) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		Map<String, List<String>> tables = new TreeMap<>();
		for (String table : List.of("unit", "person", "survey")) {
			tables.put(table, rows(jdbc, "SELECT * FROM " + table));
		}
		// events with the delivery each row came from: the later delivery of a key won
		for (String table : List.of("attendance", "training", "research", "response", "person_warning")) {
			tables.put(table, rows(jdbc, "SELECT '#' || delivery_id AS delivery, t.* FROM " + table + " t"));
		}
		tables.put("delivery", rows(jdbc, """
				SELECT sha256, path, kind, encoding, rows_read, rows_applied, rows_rejected, unknown_persons, file_reason
				FROM delivery"""));
		tables.put("reject_row", rows(jdbc, """
				SELECT d.sha256, r.line_no, r.reason, r.detail, r.raw_text FROM reject_row r
				JOIN delivery d ON d.delivery_id = r.delivery_id"""));
		tables.put("indicator_value", rows(jdbc, "SELECT * FROM indicator_value"));
		tables.put("quarter_pack", rows(jdbc, "SELECT quarter, fingerprint FROM quarter_pack"));
		tables.put("unit_pack", rows(jdbc, "SELECT quarter, unit_code, fingerprint FROM unit_pack"));
		tables.put("ls_run", rows(jdbc, "SELECT run_id, command, as_of, status, exit_code FROM ls_run"));
		return tables;
	}

	private static List<String> rows(JdbcTemplate jdbc, String sql) {
		List<String> out = new ArrayList<>(jdbc.query(sql, (rs, i) -> {
			StringBuilder sb = new StringBuilder();
			for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
				if (!rs.getMetaData().getColumnLabel(c).equalsIgnoreCase("delivery_id")) {
					sb.append(rs.getObject(c)).append('|');
				}
			}
			return sb.toString();
		}));
		out.sort(null);
		return out;
	}

}
