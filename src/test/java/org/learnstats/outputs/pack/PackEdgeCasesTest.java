package org.learnstats.outputs.pack;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.learnstats.indicators.TargetsProperties;
import org.learnstats.outputs.OutputContext;
import org.learnstats.readmodel.ReadModels;
import org.learnstats.support.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Packs over what a real store accumulates: a quarantined file (no kind) delivered in a quarter
 * that has closed, and quarters that are no longer reported once an erroneous early date is
 * corrected.
 */
class PackEdgeCasesTest {

	private static final LocalDate AS_OF = LocalDate.of(2025, 10, 8);

	@TempDir
	Path tmp;

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void quarantinedFileWithoutKindIsListedInTheClosedQuartersPack(String vendor) throws Exception {
		DataSource ds = TestDatabase.create(vendor).dataSource();
		JdbcTemplate jdbc = new JdbcTemplate(ds);
		new SampleStore(ds).fill(Quarter.parse("2025-Q3"), Quarter.parse("2025-Q3"));
		// a run of 2025-08-20 quarantined a file whose header names no kind
		jdbc.update("INSERT INTO ls_run (run_id, command, as_of, started_at, status) VALUES (900, 'run', ?, ?, 'done')",
				java.sql.Date.valueOf("2025-08-20"), Timestamp.valueOf("2025-08-20 02:00:00"));
		jdbc.update("""
				INSERT INTO delivery (delivery_id, sha256, path, kind, encoding, delimiter_char, byte_size,
				    rows_read, rows_applied, rows_rejected, unknown_persons, file_reason, run_id, ingested_at, millis)
				VALUES (90000, ?, 'T01/说明.txt', NULL, NULL, NULL, 120, 0, 0, 0, 0, 'UNKNOWN_KIND', 900, ?, 1)""",
				"f".repeat(64), Timestamp.valueOf("2025-08-20 02:00:00"));

		Path out = Files.createDirectories(this.tmp.resolve("out"));
		new PackPart(new PackStore(ds), new TargetsProperties(), PackPartTest.organizationOnly()).write(new OutputContext(1, AS_OF, out, null, new ReadModels(ds).open()));

		assertThat(out.resolve("packs/2025-Q3/pack.pdf")).isNotEmptyFile();
		Map<String, byte[]> zip = unzip(Files.readAllBytes(out.resolve("packs/2025-Q3/pack.zip")));
		String deliveries = new String(zip.get("tables/deliveries.csv"), StandardCharsets.UTF_8);
		// the quarantined file is its own row: no kind code, labelled unrecognized, 1 file, 1 quarantined
		assertThat(deliveries).contains(",未识别,1,1,0,0");
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void packsOfQuartersNoLongerReportedAreDropped(String vendor) throws Exception {
		DataSource ds = TestDatabase.create(vendor).dataSource();
		JdbcTemplate jdbc = new JdbcTemplate(ds);
		new SampleStore(ds).fill(Quarter.parse("2025-Q2"), Quarter.parse("2025-Q3"));
		PackPart part = new PackPart(new PackStore(ds), new TargetsProperties(), PackPartTest.organizationOnly());
		Path run1 = Files.createDirectories(this.tmp.resolve("run1"));
		part.write(new OutputContext(1, AS_OF, run1, null, new ReadModels(ds).open()));
		assertThat(run1.resolve("packs/2025-Q2/pack.pdf")).exists();

		// the early dates were corrected: the refresh no longer reports 2025-Q2
		jdbc.update("DELETE FROM indicator_value WHERE period < '2025-Q3'");
		Path run2 = Files.createDirectories(this.tmp.resolve("run2"));
		part.write(new OutputContext(2, AS_OF, run2, run1, new ReadModels(ds).open()));

		try (var list = Files.list(run2.resolve("packs"))) {
			assertThat(list.map((p) -> p.getFileName().toString()).toList()).containsExactly("2025-Q3");
		}
		assertThat(jdbc.queryForList("SELECT quarter FROM quarter_pack", String.class)).containsExactly("2025-Q3");
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2" })
	void oneQuartersFailingPackKeepsThePreviousOneAndWithholdsNoOther(String vendor) throws Exception {
		DataSource ds = TestDatabase.create(vendor).dataSource();
		JdbcTemplate jdbc = new JdbcTemplate(ds);
		new SampleStore(ds).fill(Quarter.parse("2025-Q2"), Quarter.parse("2025-Q3"));
		PackPart failing = new PackPart(new PackStore(ds), new TargetsProperties(), PackPartTest.organizationOnly(), (quarter) -> {
			if (quarter.equals("2025-Q3")) {
				throw new IllegalStateException("pack of " + quarter + " broke");
			}
		});
		// first night: nothing to keep; the other quarter's pack is still written
		Path run1 = Files.createDirectories(this.tmp.resolve("run1"));
		OutputContext first = new OutputContext(1, AS_OF, run1, null, new ReadModels(ds).open());
		failing.write(first);
		assertThat(run1.resolve("packs/2025-Q2/pack.pdf")).isNotEmptyFile();
		assertThat(run1.resolve("packs/2025-Q3")).doesNotExist();
		assertThat(first.failures().list()).extracting(Object::toString)
			.containsExactly("pack 2025-Q3 (IllegalStateException: pack of 2025-Q3 broke)");

		Path run2 = Files.createDirectories(this.tmp.resolve("run2"));
		new PackPart(new PackStore(ds), new TargetsProperties(), PackPartTest.organizationOnly()).write(new OutputContext(2, AS_OF, run2, run1, new ReadModels(ds).open()));
		// third night: 2025-Q3 changed but its pack fails: the published one is kept as it was
		jdbc.update("UPDATE indicator_value SET val = val / 2 WHERE period = '2025-Q3'");
		Path run3 = Files.createDirectories(this.tmp.resolve("run3"));
		OutputContext third = new OutputContext(3, AS_OF, run3, run2, new ReadModels(ds).open());
		failing.write(third);
		assertThat(third.failures().list()).hasSize(1);
		for (String f : List.of("pack.pdf", "pack.zip")) {
			assertThat(Files.readAllBytes(run3.resolve("packs/2025-Q3").resolve(f)))
				.isEqualTo(Files.readAllBytes(run2.resolve("packs/2025-Q3").resolve(f)));
		}
		assertThat(run3.resolve("packs/2025-Q2/pack.pdf")).isNotEmptyFile();
	}

	private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
		Map<String, byte[]> out = new TreeMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				out.put(e.getName(), in.readAllBytes());
			}
		}
		return out;
	}

}
