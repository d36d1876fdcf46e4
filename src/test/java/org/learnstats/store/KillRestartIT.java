package org.learnstats.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.learnstats.support.Inbox;
import org.learnstats.support.JarRun;
import org.learnstats.support.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A run killed with kill -9 in the middle of ingest, then run again, ends with exactly the store
 * of an uninterrupted run: no duplicate rows, no lost file, no file counted twice. On PostgreSQL the
 * second run resumes the first; on an embedded H2 store the killed night's working copy is thrown
 * away and the night is done again from the store as it was.
 */
class KillRestartIT {

	static final String AS_OF = "2026-11-20";

	@TempDir
	Path tmp;

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void aRunKilledMidIngestAndRunAgainEqualsAnUninterruptedRun(String vendor) throws Exception {
		Inbox inbox = generate(this.tmp.resolve("inbox"));
		Store clean = store(vendor, "clean");
		Store crashed = store(vendor, "crashed");

		int cleanExit = JarRun.run(this.tmp, this.tmp.resolve("clean.log"), args(inbox, "out-clean", clean));
		assertThat(cleanExit).as(Files.readString(this.tmp.resolve("clean.log"))).isEqualTo(3);

		JarRun killed = JarRun.start(this.tmp, this.tmp.resolve("killed.log"), args(inbox, "out-crashed", crashed));
		boolean midIngest = killed.awaitLog((l) -> l.contains("attendance att/f030.csv"), 120_000);
		killed.kill9();
		assertThat(midIngest).as("the kill came while attendance was being ingested").isTrue();
		assertThat(Files.readString(this.tmp.resolve("killed.log"))).doesNotContain("attendance att/f119.csv");
		if (vendor.equals("h2")) {
			// the night worked on a copy: the store is as before the night (there was none), H2 recovers nothing
			assertThat(this.tmp.resolve("h2-crashed/learnstats.mv.db")).doesNotExist();
			assertThat(this.tmp.resolve("h2-crashed/learnstats.working.mv.db")).exists();
		}

		int resumedExit = JarRun.run(this.tmp, this.tmp.resolve("resumed.log"), args(inbox, "out-crashed", crashed));
		assertThat(resumedExit).as(Files.readString(this.tmp.resolve("resumed.log"))).isEqualTo(3);

		Map<String, List<String>> expected = clean.contents();
		Map<String, List<String>> actual = crashed.contents();
		// file by file first: which delivery lost or gained rows, with what the two attempts logged
		assertThat(actual.get("rows_by_file")).as(() -> "rows by file after the kill and the resumed run; killed run:\n"
				+ notable(this.tmp.resolve("killed.log")) + "\nresumed run:\n" + notable(this.tmp.resolve("resumed.log")))
			.isEqualTo(expected.get("rows_by_file"));
		assertThat(actual.get("attendance")).hasSize(120 * 300);
		assertThat(actual.keySet()).isEqualTo(expected.keySet());
		for (String table : expected.keySet()) {
			assertThat(actual.get(table)).as(table).isEqualTo(expected.get(table));
		}
		Path indicators = Path.of("indicators.csv");
		if (Files.exists(this.tmp.resolve("out-clean").resolve(indicators))) {
			assertThat(Files.readString(this.tmp.resolve("out-crashed").resolve(indicators)))
				.isEqualTo(Files.readString(this.tmp.resolve("out-clean").resolve(indicators)));
		}
	}

	/** The lines of a run's log that say what happened to files and runs (not the per-file debug lines). */
	private static String notable(Path log) {
		try {
			return String.join("\n", Files.readAllLines(log).stream()
				.filter((l) -> !l.contains(" DEBUG ") || l.contains("merging") || l.contains("refused"))
				.toList());
		}
		catch (IOException ex) {
			return log + ": " + ex;
		}
	}

	private String[] args(Inbox inbox, String out, Store store) {
		List<String> a = new ArrayList<>(List.of("run", "--inbox", inbox.dir().toString(), "--out",
				this.tmp.resolve(out).toString(), "--as-of", AS_OF, "--learnstats.ingest.files-per-chunk=4",
				"--logging.level.org.learnstats.store.DeliveryWriter=DEBUG"));
		a.addAll(List.of(store.args()));
		return a.toArray(String[]::new);
	}

	/** 21 units, 400 people, 120 attendance files of 300 rows, one bad row, one quarantined file. */
	static Inbox generate(Path dir) {
		Inbox inbox = new Inbox(dir);
		StringBuilder units = new StringBuilder("unit_code,unit_name,parent_code,unit_type\nROOT,省委某部,,党委\n");
		for (int u = 1; u <= 20; u++) {
			units.append("B%02d,第%d党支部,ROOT,党支部\n".formatted(u, u));
		}
		inbox.file("units.csv", units.toString());
		StringBuilder people = new StringBuilder("person_id,name,unit_code,rank,education,birth_date\n");
		for (int p = 1; p <= 400; p++) {
			people.append("P%03d,干部%d,B%02d,%s,bachelor,1980-01-01\n".formatted(p, p, 1 + p % 20,
					p % 3 == 0 ? "division" : "section"));
		}
		inbox.file("people.csv", people.toString());
		LocalDate start = LocalDate.of(2026, 1, 1);
		for (int f = 0; f < 120; f++) {
			StringBuilder a = new StringBuilder("unit_code,session_id,session_date,session_type,duration_hours,person_id,status\n");
			String unit = "B%02d".formatted(1 + f % 20);
			for (int r = 0; r < 300; r++) {
				String session = "S%03d-%02d".formatted(f, r / 25);
				a.append(unit).append(',').append(session).append(',').append(start.plusDays(f + r / 25))
					.append(",branch_study,2,P%03d,%s\n".formatted(1 + r % 400, r % 7 == 0 ? "absent" : "present"));
			}
			if (f == 60) {
				a.append(unit).append(",BAD,2026-02-30,branch_study,2,P001,present\n");
			}
			inbox.file("att/f%03d.csv".formatted(f), a.toString());
		}
		inbox.file("notes.txt", "author,pages\nx,1\n");
		return inbox;
	}

	private Store store(String vendor, String name) throws IOException {
		if (vendor.equals("postgresql")) {
			TestDatabase db = TestDatabase.postgres();
			return new Store(db.url(), db.username(), db.dataSource());
		}
		Path dir = Files.createDirectories(this.tmp.resolve("h2-" + name));
		String url = "jdbc:h2:file:" + dir.resolve("learnstats") + ";USER=sa";
		return new Store(url, "sa", null);
	}

	/** One store of the comparison, read back with a fresh connection after the jar ended. */
	record Store(String url, String user, javax.sql.DataSource dataSource) {

		String[] args() {
			return new String[] { "--spring.datasource.url=" + this.url, "--spring.datasource.username=" + this.user };
		}

		Map<String, List<String>> contents() {
			javax.sql.DataSource ds = this.dataSource != null ? this.dataSource
					: new org.springframework.jdbc.datasource.SingleConnectionDataSource(this.url, this.user, "", true);
			JdbcTemplate jdbc = new JdbcTemplate(ds);
			Map<String, List<String>> tables = new TreeMap<>();
			for (String table : List.of("unit", "person", "survey", "attendance", "training", "research", "response")) {
				tables.put(table, rows(jdbc, "SELECT * FROM " + table, "delivery_id"));
			}
			tables.put("delivery", rows(jdbc, """
					SELECT sha256, path, kind, encoding, rows_read, rows_applied, rows_rejected, unknown_persons, file_reason
					FROM delivery""", null));
			tables.put("rows_by_file", rows(jdbc, """
					SELECT d.path, d.file_reason, d.rows_applied, d.rows_skipped,
					    (SELECT COUNT(*) FROM attendance a WHERE a.delivery_id = d.delivery_id) AS stored
					FROM delivery d""", null));
			tables.put("reject_row", rows(jdbc, """
					SELECT d.sha256, r.line_no, r.reason, r.detail, r.raw_text FROM reject_row r
					JOIN delivery d ON d.delivery_id = r.delivery_id""", null));
			tables.put("person_warning", rows(jdbc, """
					SELECT d.sha256, w.line_no, w.person_id FROM person_warning w
					JOIN delivery d ON d.delivery_id = w.delivery_id""", null));
			if (ds instanceof org.springframework.jdbc.datasource.SingleConnectionDataSource s) {
				s.destroy();
			}
			return tables;
		}

		private static List<String> rows(JdbcTemplate jdbc, String sql, String skipColumn) {
			List<String> out = new ArrayList<>(jdbc.query(sql, (rs, i) -> {
				StringBuilder sb = new StringBuilder();
				for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
					if (!rs.getMetaData().getColumnLabel(c).equalsIgnoreCase(String.valueOf(skipColumn))) {
						Object v = rs.getObject(c);
						sb.append(v instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString() : v).append('|');
					}
				}
				return sb.toString();
			}));
			out.sort(null);
			return out;
		}

	}

}
