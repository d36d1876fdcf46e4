package org.learnstats.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learnstats.store.IngestJobTest.AS_OF;
import static org.learnstats.store.IngestJobTest.ATTENDANCE_EN;
import static org.learnstats.store.IngestJobTest.PEOPLE_EN;
import static org.learnstats.store.IngestJobTest.UNITS_EN;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.learnstats.support.Inbox;
import org.learnstats.support.TestApp;
import org.learnstats.support.TestDatabase;
import org.springframework.batch.core.BatchStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The delivery ledger tells the truth about the inbox (spec section 2.2): a file that cannot be
 * read or changes while it is read is no delivery; a quarantined file is quarantined again when
 * its bytes return; links out of the inbox and FIFOs are reported, never read; a resumed run
 * records what an uninterrupted run records.
 */
class InboxDeliveriesTest {

	static final String PEOPLE_2 = "person_id,name,unit_code,rank,education,birth_date\nP7,赵敏,BR1,科员,本科,1985-01-01\n";

	static final String ATTENDANCE_2 = ATTENDANCE_EN.replace("B-01", "B-02");

	static final String ATTENDANCE_3 = ATTENDANCE_EN.replace("B-01", "B-03");

	@TempDir
	Path tmp;

	@AfterEach
	void noSeam() {
		IngestSeam.onFileStarted = (path, kind) -> {
		};
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void aFileThatChangesOrVanishesBeforeItIsReadIsNoDeliveryAndIsReadOnALaterNight(String vendor)
			throws IOException {
		Inbox inbox = new Inbox(this.tmp.resolve("inbox")).file("u.csv", UNITS_EN)
			.file("p1.csv", PEOPLE_EN)
			.file("p2.csv", PEOPLE_2)
			.file("a1.csv", ATTENDANCE_EN)
			.file("a2.csv", ATTENDANCE_2)
			.file("a3.csv", ATTENDANCE_3);
		Path p2 = inbox.dir().resolve("p2.csv");
		Path a2 = inbox.dir().resolve("a2.csv");
		Path a3 = inbox.dir().resolve("a3.csv");
		Path aside = this.tmp.resolve("a2.csv");
		IngestSeam.onFileStarted = (path, kind) -> {
			try {
				switch (path) {
					// rewritten after the scan: other bytes of the same kind (registers merge)
					case "p2.csv" -> Files.writeString(p2, PEOPLE_2.replace("P7", "P8"));
					// gone between the scan and its ingest (events are appended)
					case "a2.csv" -> Files.move(a2, aside);
					// rewritten with bytes that are no longer UTF-8 (MalformedInputException)
					case "a3.csv" -> Files.write(a3, ATTENDANCE_3.replace("present", "出勤").getBytes(Charset.forName("GB18030")));
					default -> {
					}
				}
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		};
		try (TestApp app = TestApp.start(TestDatabase.create(vendor), List.of(IngestSeam.class))) {
			assertThat(app.run(AS_OF, inbox.dir(), this.tmp.resolve("out")).getStatus())
				.isEqualTo(BatchStatus.COMPLETED);
			JdbcTemplate jdbc = app.jdbc();
			assertThat(jdbc.queryForList("SELECT path FROM delivery ORDER BY delivery_id", String.class))
				.as("the files read whole, and only those, are deliveries").containsExactly("u.csv", "p1.csv", "a1.csv");
			assertThat(jdbc.queryForList("SELECT person_id FROM person ORDER BY person_id", String.class))
				.containsExactly("P1", "P2");
			assertThat(jdbc.queryForList("SELECT DISTINCT session_id FROM attendance", String.class))
				.containsExactly("B-01");
			assertThat(jdbc.queryForList("SELECT path || ' ' || cause FROM inbox_unread WHERE run_id = 1 ORDER BY path",
					String.class))
				.containsExactly("a2.csv UNREADABLE", "a3.csv CHANGED", "p2.csv CHANGED");
			JsonNode report = JsonMapper.builder().build().readTree(this.tmp.resolve("out/run.json").toFile());
			assertThat(report.get("not_read").findValuesAsString("path")).containsExactly("a2.csv", "a3.csv", "p2.csv");
			assertThat(report.get("totals").get("all").get("not_read").asLong()).isEqualTo(3);
			assertThat(report.get("totals").get("all").get("files").asLong()).isEqualTo(3);

			// the next night reads them as they are now
			noSeam();
			Files.move(aside, a2);
			assertThat(app.run(AS_OF, inbox.dir(), this.tmp.resolve("out")).getStatus())
				.isEqualTo(BatchStatus.COMPLETED);
			assertThat(jdbc.queryForList("SELECT path FROM delivery WHERE run_id = 2 ORDER BY path", String.class))
				.containsExactly("a2.csv", "a3.csv", "p2.csv");
			assertThat(jdbc.queryForList("SELECT person_id FROM person ORDER BY person_id", String.class))
				.containsExactly("P1", "P2", "P8");
			assertThat(jdbc.queryForList("SELECT DISTINCT session_id FROM attendance ORDER BY session_id", String.class))
				.containsExactly("B-01", "B-02", "B-03");
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbox_unread WHERE run_id = 2", Long.class)).isZero();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void aQuarantinedFileIsQuarantinedAgainWhenItsBytesArriveAgain(String vendor) throws IOException {
		Inbox inbox = new Inbox(this.tmp.resolve("inbox")).file("u.csv", UNITS_EN)
			.file("2026-01/empty.csv", "")
			.file("notes.txt", "author,pages\nx,1\n");
		try (TestApp app = TestApp.start(TestDatabase.create(vendor))) {
			app.run(AS_OF, inbox.dir(), this.tmp.resolve("out"));
			inbox.file("2026-02/empty.csv", "").file("u-again.csv", UNITS_EN);
			app.run(AS_OF, inbox.dir(), this.tmp.resolve("out"));
			JdbcTemplate jdbc = app.jdbc();
			assertThat(jdbc.queryForList(
					"SELECT run_id || ' ' || path || ' ' || file_reason FROM delivery WHERE file_reason IS NOT NULL ORDER BY delivery_id",
					String.class))
				.as("every arrival of bad bytes is quarantined and reported, also while it stays in the inbox")
				.containsExactly("1 2026-01/empty.csv EMPTY_FILE", "1 notes.txt UNKNOWN_KIND",
						"2 2026-01/empty.csv EMPTY_FILE", "2 2026-02/empty.csv EMPTY_FILE", "2 notes.txt UNKNOWN_KIND");
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reject_row r JOIN delivery d ON d.delivery_id = r.delivery_id"
					+ " WHERE d.run_id = 2 AND r.line_no IS NULL", Long.class)).isEqualTo(3);
			assertThat(jdbc.queryForList("SELECT path FROM delivery_skip WHERE run_id = 2 ORDER BY path", String.class))
				.as("an ingested file's bytes are still skipped").containsExactly("u-again.csv", "u.csv");
			List<String> files = Files.readAllLines(this.tmp.resolve("out/data-quality/files.csv"));
			assertThat(files).filteredOn((l) -> l.contains(",quarantined,")).hasSize(3);
			JsonNode report = JsonMapper.builder().build().readTree(this.tmp.resolve("out/run.json").toFile());
			assertThat(report.get("exit_status").asInt()).isEqualTo(3);
			assertThat(report.get("totals").get("all").get("quarantined").asLong()).isEqualTo(3);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	@Timeout(value = 5, unit = TimeUnit.MINUTES)
	void linksOutOfTheInboxAndFifosAreReportedNeverRead(String vendor) throws Exception {
		Inbox outside = new Inbox(this.tmp.resolve("etc")).file("passwd", "root:x:0:0:root:/root:/bin/bash\n");
		Inbox real = new Inbox(this.tmp.resolve("real-inbox")).file("u.csv", UNITS_EN).file("p.csv", PEOPLE_EN);
		Files.createSymbolicLink(real.dir().resolve("passwd.csv"), outside.dir().resolve("passwd"));
		assertThat(new ProcessBuilder("mkfifo", real.dir().resolve("x.csv").toString()).start().waitFor()).isZero();
		Path inbox = Files.createSymbolicLink(this.tmp.resolve("inbox"), real.dir());
		try (TestApp app = TestApp.start(TestDatabase.create(vendor))) {
			assertThat(app.run(AS_OF, inbox, this.tmp.resolve("out")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
			JdbcTemplate jdbc = app.jdbc();
			assertThat(jdbc.queryForList("SELECT path FROM delivery ORDER BY delivery_id", String.class))
				.containsExactly("u.csv", "p.csv");
			assertThat(Files.readString(this.tmp.resolve("out/data-quality/rejects.csv"))).doesNotContain("root:x");
			JsonNode report = JsonMapper.builder().build().readTree(this.tmp.resolve("out/run.json").toFile());
			assertThat(report.get("not_read").findValuesAsString("cause")).containsExactly("OUTSIDE_INBOX", "NOT_REGULAR");
			assertThat(report.get("not_read").findValuesAsString("path")).containsExactly("passwd.csv", "x.csv");
			assertThat(report.get("exit_status").asInt()).as("ignored files are reported, not rejected").isZero();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void aResumedRunRecordsWhatAnUninterruptedRunRecords(String vendor) throws IOException {
		// night 1 reads units and people; night 2 finds them again (skipped), two attendance files,
		// a quarantined file and a copy of the units register (skipped)
		Inbox night1 = new Inbox(this.tmp.resolve("night1")).file("u.csv", UNITS_EN).file("p.csv", PEOPLE_EN);
		Inbox night2 = new Inbox(this.tmp.resolve("night2")).file("u.csv", UNITS_EN)
			.file("p.csv", PEOPLE_EN)
			.file("a1.csv", ATTENDANCE_EN)
			.file("a2.csv", ATTENDANCE_2)
			.file("junk.txt", "author,pages\nx,1\n")
			.file("copy/u.csv", UNITS_EN);
		List<String> clean;
		JsonNode cleanReport;
		List<String> cleanFiles;
		Path cleanOut = this.tmp.resolve("out-clean");
		try (TestApp app = TestApp.start(TestDatabase.create(vendor), List.of(IngestSeam.class),
				"--learnstats.ingest.files-per-chunk=1")) {
			app.run(AS_OF, night1.dir(), cleanOut);
			assertThat(app.run(AS_OF, night2.dir(), cleanOut).getStatus()).isEqualTo(BatchStatus.COMPLETED);
			clean = ledgerOfRun(app.jdbc(), 2);
			cleanReport = comparable(cleanOut);
			cleanFiles = withoutMillis(cleanOut);
		}
		Path out = this.tmp.resolve("out");
		try (TestApp app = TestApp.start(TestDatabase.create(vendor), List.of(IngestSeam.class),
				"--learnstats.ingest.files-per-chunk=1")) {
			app.run(AS_OF, night1.dir(), out);
			IngestSeam.onFileStarted = (path, kind) -> {
				if (path.equals("a2.csv")) {
					// an I/O failure (as a lost store would raise) fails the step; anything else the
					// writer now contains to the one file as STORE_ERROR
					throw new java.io.UncheckedIOException(new IOException("test seam: the night is interrupted"));
				}
			};
			assertThat(app.run(AS_OF, night2.dir(), out).getStatus()).isEqualTo(BatchStatus.FAILED);
			assertThat(app.jdbc().queryForList("SELECT path FROM delivery WHERE run_id = 2 ORDER BY path", String.class))
				.as("the first attempt recorded some files").containsExactly("a1.csv", "junk.txt");
			noSeam();
			assertThat(app.resume(2, AS_OF, night2.dir(), out).getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(ledgerOfRun(app.jdbc(), 2)).isEqualTo(clean);
			assertThat(comparable(out)).isEqualTo(cleanReport);
			assertThat(cleanReport.get("totals").get("all").get("skipped").asLong()).isEqualTo(3);
			assertThat(withoutMillis(out)).isEqualTo(cleanFiles);
			assertThat(cleanFiles).filteredOn((l) -> l.contains(",duplicate,")).hasSize(3);
			assertThat(cleanFiles).filteredOn((l) -> l.startsWith("a1.csv,")).hasSize(1);
		}
	}

	/** data-quality/files.csv without its milliseconds (the column before the last, kind_name). */
	private static List<String> withoutMillis(Path out) throws IOException {
		return Files.readAllLines(out.resolve("data-quality/files.csv"))
			.stream()
			.map((l) -> {
				int last = l.lastIndexOf(',');
				return l.substring(0, l.lastIndexOf(',', last - 1)) + l.substring(last);
			})
			.toList();
	}

	/** The run's ledger: delivery rows, skips and rejects, without times or ids. */
	private static List<String> ledgerOfRun(JdbcTemplate jdbc, long run) {
		List<String> rows = new java.util.ArrayList<>();
		rows.addAll(jdbc.queryForList("""
				SELECT path || ' ' || sha256 || ' ' || COALESCE(kind, '-') || ' ' || rows_read || ' ' || rows_applied
				       || ' ' || rows_rejected || ' ' || COALESCE(file_reason, '-')
				FROM delivery WHERE run_id = ? ORDER BY path""", String.class, run));
		rows.addAll(jdbc.queryForList("SELECT 'skip ' || path FROM delivery_skip WHERE run_id = ? ORDER BY path",
				String.class, run));
		rows.addAll(jdbc.queryForList("""
				SELECT 'reject ' || d.path || ' ' || COALESCE(CAST(r.line_no AS VARCHAR(20)), '-') || ' ' || r.reason
				FROM reject_row r JOIN delivery d ON d.delivery_id = r.delivery_id WHERE d.run_id = ?
				ORDER BY d.path, r.line_no""", String.class, run));
		return rows;
	}

	/** run.json without what differs between two equal runs (times, the output folder). */
	private static JsonNode comparable(Path out) {
		JsonNode report = JsonMapper.builder().build().readTree(out.resolve("run.json").toFile());
		ObjectNode o = (ObjectNode) report;
		o.remove(List.of("steps", "out", "started_at", "command_line", "inbox"));
		o.get("files").forEach((f) -> ((ObjectNode) f).remove("duration_ms"));
		return o;
	}

}
