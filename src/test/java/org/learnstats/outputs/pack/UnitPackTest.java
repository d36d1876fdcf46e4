package org.learnstats.outputs.pack;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.learnstats.indicators.PeriodChanges;
import org.learnstats.indicators.TargetsProperties;
import org.learnstats.outputs.OutputContext;
import org.learnstats.readmodel.ReadModels;
import org.learnstats.support.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packs of unit subtrees on the sample province (a root committee over thirteen committees with
 * branches and an office each): every committee below the root gets one; its numbers are its
 * subtree's indicators and its peers'; the same store gives the same bytes; a change inside one
 * committee's subtree rebuilds that committee's pack and the organization's, and carries a sibling
 * committee's pack over byte for byte.
 */
class UnitPackTest {

	private static final LocalDate AS_OF = LocalDate.of(2025, 10, 8);

	@TempDir
	Path tmp;

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void everyCommitteeGetsThePackOfItsSubtree(String vendor) throws Exception {
		TestDatabase db = TestDatabase.create(vendor);
		DataSource ds = db.dataSource();
		JdbcTemplate jdbc = new JdbcTemplate(ds);
		new SampleStore(ds).fill(Quarter.parse("2025-Q2"), Quarter.parse("2025-Q3"), "党组");
		PackPart part = new PackPart(new PackStore(ds), new TargetsProperties(), new PackUnitsProperties());

		Path run1 = Files.createDirectories(this.tmp.resolve("run1"));
		part.write(new OutputContext(1, AS_OF, run1, null, new ReadModels(ds).open()));
		Path q3 = run1.resolve("packs/2025-Q3");
		assertThat(q3.resolve("pack.pdf")).isRegularFile();
		assertThat(q3.resolve("T03/pack.pdf")).isRegularFile();
		assertThat(q3.resolve("T12/pack.zip")).isRegularFile();
		assertThat(q3.resolve("R")).doesNotExist(); // the root's pack is the organization's
		assertThat(q3.resolve("T03-B1")).doesNotExist(); // branches are not configured
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM unit_pack WHERE quarter = '2025-Q3'", Integer.class))
			.isEqualTo(13); // twelve committees and the extra one named "党组"

		// the index lists every pack of every quarter (the organization's and thirteen units') with
		// the size and digest of the files as they are
		assertIndexed(run1, 2 * 14);

		// the summary of T03's pack is T03's own indicators, its peers table every committee's
		Map<String, String> stored = new HashMap<>();
		jdbc.query("SELECT unit_code, indicator, val FROM indicator_value WHERE period = '2025-Q3'",
				(org.springframework.jdbc.core.RowCallbackHandler) (rs) -> stored.put(
						rs.getString(1) + "/" + rs.getString(2), PackData.plain(rs.getBigDecimal(3))));
		List<CSVRecord> summary = csv(q3.resolve("T03/pack.zip"), "tables/summary.csv");
		int compared = 0;
		for (CSVRecord r : summary) {
			assertThat(r.get(0)).isEqualTo("T03");
			if (r.get(5).equals("2025-Q3")) {
				assertThat(r.get(6)).as(r.get(2)).isEqualTo(stored.getOrDefault("T03/" + r.get(2), ""));
				compared += r.get(6).isEmpty() ? 0 : 1;
			}
		}
		assertThat(compared).isGreaterThan(5);
		List<CSVRecord> peers = csv(q3.resolve("T03/pack.zip"), "tables/peers.csv");
		assertThat(peers).hasSize(13 * PackReport.KEY.size());
		for (CSVRecord r : peers) {
			assertThat(r.get(4)).isEqualTo(stored.getOrDefault(r.get(0) + "/" + r.get(2), ""));
		}
		// the organization's pack has no peers
		assertThat(entries(q3.resolve("pack.zip"))).doesNotContainKey("tables/peers.csv");

		// the same store gives the same bytes
		Path again = part.build("2025-Q3", "T03", new OutputContext(2, AS_OF, this.tmp.resolve("again"), null, new ReadModels(ds).open()));
		assertThat(again).isEqualTo(this.tmp.resolve("again/packs/2025-Q3/T03"));
		assertThat(Files.readAllBytes(again.resolve("pack.pdf"))).isEqualTo(Files.readAllBytes(q3.resolve("T03/pack.pdf")));
		assertThat(Files.readAllBytes(again.resolve("pack.zip"))).isEqualTo(Files.readAllBytes(q3.resolve("T03/pack.zip")));

		// a research trip of T05's office in 2025-Q3: T05's subtree and the organization change,
		// T06 (a sibling committee) is carried over byte for byte
		jdbc.update("""
				INSERT INTO research (unit_code, trip_id, person_id, start_date, end_date, topic, report_submitted,
				    delivery_id) VALUES ('T05-O', 'late', 'X999', ?, ?, NULL, FALSE, 1)""",
				Date.valueOf(LocalDate.of(2025, 8, 20)), Date.valueOf(LocalDate.of(2025, 8, 22)));
		SampleStore.refreshed(jdbc, PeriodChanges.trips(2025)); // as the refresh stamps a changed trip's year
		long t06Run = runOf(jdbc, "T06");
		Path run3 = Files.createDirectories(this.tmp.resolve("run3"));
		part.write(new OutputContext(3, AS_OF, run3, run1, new ReadModels(ds).open()));
		Path q3b = run3.resolve("packs/2025-Q3");
		assertThat(Files.readAllBytes(q3b.resolve("T05/pack.zip"))).isNotEqualTo(Files.readAllBytes(q3.resolve("T05/pack.zip")));
		assertThat(Files.readAllBytes(q3b.resolve("pack.zip"))).isNotEqualTo(Files.readAllBytes(q3.resolve("pack.zip")));
		assertThat(Files.readAllBytes(q3b.resolve("T06/pack.pdf"))).isEqualTo(Files.readAllBytes(q3.resolve("T06/pack.pdf")));
		assertThat(Files.readAllBytes(q3b.resolve("T06/pack.zip"))).isEqualTo(Files.readAllBytes(q3.resolve("T06/pack.zip")));
		assertThat(runOf(jdbc, "T06")).isEqualTo(t06Run);
		assertThat(runOf(jdbc, "T05")).isEqualTo(3L);
		assertThat(Files.readAllBytes(run3.resolve("packs/2025-Q2/T05/pack.zip")))
			.isEqualTo(Files.readAllBytes(run1.resolve("packs/2025-Q2/T05/pack.zip")));
		// the index follows: the rebuilt packs' new digests, the carried ones' as they were
		assertIndexed(run3, 2 * 14);
		assertThat(Files.readString(run3.resolve("packs.html"))).doesNotContain(sha256(q3.resolve("T05/pack.zip")))
			.contains(sha256(q3.resolve("T06/pack.zip")));
	}

	/**
	 * With workers: a quarter's packs in pieces (the organization's, and the committees' in groups of
	 * subtrees), written in any order and then indexed, are the single process's, byte for byte; a
	 * piece that fails keeps the published packs of its own units only, and is reported by its name.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "h2" })
	void piecesOfUnitSubtreesGiveTheSingleProcessPacks(String vendor) throws Exception {
		TestDatabase db = TestDatabase.create(vendor);
		DataSource ds = db.dataSource();
		new SampleStore(ds).fill(Quarter.parse("2025-Q3"), Quarter.parse("2025-Q3"), "党组");
		Path whole = Files.createDirectories(this.tmp.resolve("whole"));
		new PackPart(new PackStore(ds), new TargetsProperties(), new PackUnitsProperties())
			.write(new OutputContext(1, AS_OF, whole, null, new ReadModels(ds).open()));

		List<String> failed = new java.util.ArrayList<>();
		PackPart part = new PackPart(new PackStore(ds), new TargetsProperties(), new PackUnitsProperties(), failed::add);
		Path pieced = Files.createDirectories(this.tmp.resolve("pieced"));
		OutputContext context = new OutputContext(2, AS_OF, pieced, null, new ReadModels(ds).open());
		List<String> pieces = new java.util.ArrayList<>(part.pieces(context));
		assertThat(pieces).startsWith("2025-Q3 organization")
			.hasSizeBetween(3, 1 + org.learnstats.outputs.UnitGroups.PIECES);
		java.util.Collections.reverse(pieces);
		for (String piece : pieces) {
			part.writePiece(new OutputContext(2, AS_OF, pieced, null, new ReadModels(ds).open()), piece);
		}
		part.finishPieces(context);
		assertThat(failed).containsExactlyInAnyOrderElementsOf(pieces);
		assertThat(context.failures().list()).isEmpty();
		assertThat(tree(pieced)).isEqualTo(tree(whole)).containsKeys("packs/2025-Q3/T05/pack.pdf", "packs.html");

		// T05's subtree changes; the piece holding T05's pack fails: its units keep last night's packs
		new JdbcTemplate(ds).update("UPDATE indicator_value SET val = val / 2 WHERE unit_code LIKE 'T05%'");
		SampleStore.refreshed(new JdbcTemplate(ds), "2025-Q3");
		String t05 = pieces.stream().filter((p) -> p.startsWith("2025-Q3 units") && PackPieces
			.parse(p, context.read().forest(), part.scopes(context.read().forest())).codes().contains("T05"))
			.findFirst().orElseThrow();
		PackPart failing = new PackPart(new PackStore(ds), new TargetsProperties(), new PackUnitsProperties(), (piece) -> {
			if (piece.equals(t05)) {
				throw new IllegalStateException("bad data of " + piece);
			}
		});
		Path next = Files.createDirectories(this.tmp.resolve("next"));
		OutputContext nextContext = new OutputContext(3, AS_OF, next, whole, new ReadModels(ds).open());
		for (String piece : failing.pieces(nextContext)) {
			failing.writePiece(nextContext, piece);
		}
		failing.finishPieces(nextContext);
		assertThat(nextContext.failures().list()).extracting(Object::toString)
			.containsExactly("pack " + t05 + " (IllegalStateException: bad data of " + t05 + ")");
		Map<String, String> before = tree(whole);
		Map<String, String> after = tree(next);
		assertThat(after.keySet()).isEqualTo(before.keySet());
		assertThat(after.get("packs/2025-Q3/T05/pack.zip")).as("kept").isEqualTo(before.get("packs/2025-Q3/T05/pack.zip"));
		assertThat(after.get("packs/2025-Q3/pack.zip")).as("rebuilt").isNotEqualTo(before.get("packs/2025-Q3/pack.zip"));
	}

	/** Every file below {@code dir} and its SHA-256. */
	private static Map<String, String> tree(Path dir) throws Exception {
		Map<String, String> files = new java.util.TreeMap<>();
		try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
			for (Path f : walk.filter(Files::isRegularFile).toList()) {
				files.put(dir.relativize(f).toString().replace('\\', '/'), sha256(f));
			}
		}
		return files;
	}

	@org.junit.jupiter.api.Test
	void packsBuiltOnSeveralThreadsAreTheBytesOfOne() throws Exception {
		DataSource ds = TestDatabase.create("h2").dataSource();
		new SampleStore(ds).fill(Quarter.parse("2025-Q2"), Quarter.parse("2025-Q3"), "党组");
		Map<String, byte[]> files = new java.util.TreeMap<>();
		for (int threads : new int[] { 1, 3 }) {
			PackUnitsProperties units = new PackUnitsProperties();
			units.setThreads(threads);
			PackPart part = new PackPart(new PackStore(ds), new TargetsProperties(), units);
			Path out = Files.createDirectories(this.tmp.resolve("threads" + threads));
			part.write(new OutputContext(threads, AS_OF, out, null, new ReadModels(ds).open()));
			assertThat(part.lastCounts()).containsExactly(2 * 14, 0, 0);
			Map<String, byte[]> these = new java.util.TreeMap<>();
			try (java.util.stream.Stream<Path> walk = Files.walk(out.resolve("packs"))) {
				for (Path f : walk.filter(Files::isRegularFile).toList()) {
					these.put(out.relativize(f).toString(), Files.readAllBytes(f));
				}
			}
			if (files.isEmpty()) {
				files.putAll(these);
				continue;
			}
			assertThat(these.keySet()).isEqualTo(files.keySet()).hasSize(2 * 14 * 3); // pdf, zip, sha256
			these.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(files.get(name)));
		}
	}

	/** packs.html has a row per pack, linking its PDF and ZIP with their size and SHA-256. */
	private static void assertIndexed(Path run, int packs) throws Exception {
		String index = Files.readString(run.resolve("packs.html"));
		List<Path> files;
		try (java.util.stream.Stream<Path> walk = Files.walk(run.resolve("packs"))) {
			files = walk.filter((p) -> p.getFileName().toString().matches("pack\\.(pdf|zip)")).sorted().toList();
		}
		assertThat(files).hasSize(2 * packs);
		for (Path f : files) {
			String href = run.relativize(f).toString().replace('\\', '/');
			assertThat(index).contains("<a href=\"" + href + "\">" + f.getFileName() + "</a> "
					+ PackIndex.size(Files.size(f)) + "<br><code style=\"font-size:.75em\">" + sha256(f) + "</code>");
		}
		assertThat(index.split("<tr><td>", -1)).hasSize(packs + 1);
		assertThat(index).contains("2025年第三季度", "2025年第二季度", "省教育厅党组");
	}

	private static String sha256(Path f) throws Exception {
		return java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
	}

	private static long runOf(JdbcTemplate jdbc, String unit) {
		return jdbc.queryForObject("SELECT run_id FROM unit_pack WHERE quarter = '2025-Q3' AND unit_code = ?",
				Long.class, unit);
	}

	private static List<CSVRecord> csv(Path zip, String entry) throws Exception {
		String text = new String(entries(zip).get(entry), StandardCharsets.UTF_8).replace("\uFEFF", "");
		return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))
			.getRecords();
	}

	private static Map<String, byte[]> entries(Path zip) throws Exception {
		Map<String, byte[]> out = new HashMap<>();
		try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
			for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
				ByteArrayOutputStream b = new ByteArrayOutputStream();
				z.transferTo(b);
				out.put(e.getName(), b.toByteArray());
			}
		}
		return out;
	}


}
