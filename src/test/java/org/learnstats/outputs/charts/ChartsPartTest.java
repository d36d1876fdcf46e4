package org.learnstats.outputs.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.learnstats.outputs.OutputContext;
import org.learnstats.outputs.OutputFolder;
import org.learnstats.outputs.UnitKey;
import org.learnstats.readmodel.ReadModels;
import org.learnstats.support.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Document;

class ChartsPartTest {

	static final List<String> PARENT_CHARTS = List.of("01-attendance-trend", "02-attendance-ranking",
			"03-credit-progress-trend", "04-credit-progress-ranking", "05-credits-distribution", "06-degree-structure",
			"07-research-days-distribution", "08-central-group-trend", "09-branch-study-trend", "10-satisfaction-trend",
			"11-survey-response-trend");

	/** Leaves of 15 people: no person-based charts (fewer than ChartPlan.MIN_PEOPLE). */
	static final List<String> LEAF_CHARTS = List.of("01-attendance-trend", "03-credit-progress-trend",
			"10-satisfaction-trend");

	/** A unit with a code that needs a hex key and no data at all. */
	static final String EMPTY_UNIT = "新单位/1";

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void writesValidChartsAndAnIndexForEveryUnit(String vendor) throws Exception {
		TestDatabase db = TestDatabase.create(vendor);
		ChartStore.fill(db.dataSource());
		new JdbcTemplate(db.dataSource()).update(
				"INSERT INTO unit (unit_code, unit_name, parent_code, unit_type, delivery_id) VALUES (?, '新成立单位', 'D06', 'office', 1)",
				EMPTY_UNIT);
		Path dir = write(db, vendor, 2);

		Path charts = dir.resolve("charts");
		try (Stream<Path> folders = Files.list(charts)) {
			assertThat(folders.filter(Files::isDirectory).map((p) -> p.getFileName().toString()).sorted().toList())
				.containsExactlyInAnyOrder(
					"GW", "D01", "D02", "D03", "D04", "D05", "D06", "D01-B1", "D01-B2", "D01-B3", UnitKey.of(EMPTY_UNIT));
		}
		assertThat(files(charts.resolve("GW"))).containsExactlyElementsOf(PARENT_CHARTS);
		assertThat(files(charts.resolve("D01"))).containsExactlyElementsOf(PARENT_CHARTS);
		assertThat(files(charts.resolve("D02"))).containsExactlyElementsOf(LEAF_CHARTS);
		// D01-B3 has no survey data: no satisfaction chart rather than an empty one
		assertThat(files(charts.resolve("D01-B3"))).containsExactlyElementsOf(
				LEAF_CHARTS.stream().filter((f) -> !f.startsWith("10-")).toList());
		// D06 has children now (the empty unit), but no child holds values: no rankings
		assertThat(files(charts.resolve("D06"))).containsExactly("01-attendance-trend", "03-credit-progress-trend",
				"10-satisfaction-trend", "11-survey-response-trend");
		assertThat(Files.readString(charts.resolve(UnitKey.of(EMPTY_UNIT)).resolve("charts.csv")))
			.isEqualTo("file,title,indicator\n");

		List<CSVRecord> root = index(charts.resolve("GW"));
		assertThat(root.get(0).toMap()).containsEntry("title", "学习出勤率：月度趋势").containsEntry("indicator",
				"attendance_rate");
		// rankings judge the latest ENDED quarter (2026-Q4 runs on the as-of date)
		assertThat(root.get(1).get("title")).isEqualTo("下级单位排名：学习出勤率（2026-Q3）");
		assertThat(root.get(4).toMap()).containsEntry("title", "2026年学分分布").containsEntry("indicator", "");
		assertThat(root.get(5).get("title")).isEqualTo("学历结构");

		int checked = 0;
		try (Stream<Path> folders = Files.list(charts)) {
			for (Path unit : folders.filter(Files::isDirectory).toList()) {
				List<String> listed = files(unit);
				try (Stream<Path> all = Files.list(unit)) {
					assertThat(all.map((p) -> p.getFileName().toString()).filter((n) -> !n.equals("charts.csv"))
						.toList()).hasSize(listed.size() * 2);
				}
				for (String f : listed) {
					byte[] png = Files.readAllBytes(unit.resolve(f + ".png"));
					BufferedImage image = ImageIO.read(unit.resolve(f + ".png").toFile());
					assertThat(png[1]).isEqualTo((byte) 'P');
					assertThat(image.getWidth()).isEqualTo(800);
					assertThat(image.getHeight()).isGreaterThanOrEqualTo(400);
					Document svg = ChartMediaTest.parse(Files.readString(unit.resolve(f + ".svg")));
					assertThat(svg.getDocumentElement().getAttribute("width")).isEqualTo("800");
					assertThat(svg.getDocumentElement().getAttribute("height"))
						.isEqualTo(String.valueOf(image.getHeight()));
					checked++;
				}
			}
		}
		assertThat(checked).isEqualTo(2 * PARENT_CHARTS.size() + 7 * LEAF_CHARTS.size() - 1 + countCharts(charts, "D06"));

		// the same store gives the same bytes, whatever the thread count
		Path again = write(db, vendor + "-again", 1);
		assertSameTree(dir, again);
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void unchangedChartsAreLinkedFromThePublishedFolderAndChangedOnesRedrawn(String vendor) throws Exception {
		TestDatabase db = TestDatabase.create(vendor);
		ChartStore.fill(db.dataSource());
		Path first = write(db, vendor + "-night1", 2);
		List<Path> files = regularFiles(first);
		assertThat(files).contains(Path.of("charts", ".fingerprints"), Path.of("charts", "GW", "01-attendance-trend.png"));

		// a second night on the same store, with the first as the published folder: nothing drawn
		Path second = write(db, vendor + "-night2", 2, first, ChartStore.AS_OF.plusDays(1));
		assertSameTree(first, second);
		for (Path rel : files) {
			if (rel.toString().endsWith(".png") || rel.toString().endsWith(".svg")) {
				assertThat(Files.isSameFile(first.resolve(rel), second.resolve(rel))).as(rel.toString()).isTrue();
			}
		}

		// a night that moves only the running month and quarter (every unit's attendance of November
		// and of 2026-Q4): the trends plot ended periods only, the rankings the ended quarter, so
		// nothing is drawn again
		JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
		String month = java.time.YearMonth.from(ChartStore.AS_OF).toString();
		assertThat(jdbc.update("UPDATE indicator_value SET val = val / 3 WHERE indicator = 'attendance_rate'"
				+ " AND period IN (?, '2026-Q4')", month)).isEqualTo(2 * 10); // ten units, two periods
		Path running = write(db, vendor + "-night2b", 2, second, ChartStore.AS_OF.plusDays(2));
		assertSameTree(second, running);
		for (Path rel : files) {
			if (rel.toString().endsWith(".png") || rel.toString().endsWith(".svg")) {
				assertThat(Files.isSameFile(second.resolve(rel), running.resolve(rel))).as(rel.toString()).isTrue();
			}
		}

		// a correction of an ended month changes one branch's attendance of October and its
		// ancestors' (D01, GW); exactly their attendance trends are drawn again
		String ended = java.time.YearMonth.from(ChartStore.AS_OF).minusMonths(1).toString();
		int updated = jdbc.update("UPDATE indicator_value SET val = val / 2 WHERE indicator = 'attendance_rate'"
				+ " AND period = ? AND unit_code IN ('D01-B1', 'D01', 'GW')", ended);
		assertThat(updated).isEqualTo(3);
		Path third = write(db, vendor + "-night3", 2, second, ChartStore.AS_OF.plusDays(2));
		assertThat(regularFiles(third)).containsExactlyElementsOf(files);
		List<String> redrawn = new ArrayList<>();
		for (Path rel : files) {
			String name = rel.toString();
			if (!name.endsWith(".png") && !name.endsWith(".svg")) {
				continue;
			}
			if (!Files.isSameFile(second.resolve(rel), third.resolve(rel))) {
				redrawn.add(rel.getParent().getFileName() + "/" + rel.getFileName());
				assertThat(Files.readAllBytes(third.resolve(rel))).as(name)
					.isNotEqualTo(Files.readAllBytes(second.resolve(rel)));
			}
		}
		assertThat(redrawn).containsExactlyInAnyOrder("D01-B1/01-attendance-trend.png",
				"D01-B1/01-attendance-trend.svg", "D01/01-attendance-trend.png", "D01/01-attendance-trend.svg",
				"GW/01-attendance-trend.png", "GW/01-attendance-trend.svg");
		// the published folder of night 2 is as it was (linking never writes into it)
		assertSameTree(first, second);

		// a fresh build of night 3's store gives the same bytes as the one that reused
		Path fresh = write(db, vendor + "-night3-fresh", 1, null, ChartStore.AS_OF.plusDays(2));
		assertSameTree(third, fresh);
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void thePeopleChartsShowTheLatestEndedMonthSoCreditsOfTheRunningOneWaitForItsEnd(String vendor)
			throws Exception {
		TestDatabase db = TestDatabase.create(vendor);
		ChartStore.fill(db.dataSource());
		Path first = write(db, vendor + "-people1", 2); // 2026-11-20: the people charts show 31 October
		String distribution = "charts/D01/05-credits-distribution.png";
		assertThat(first.resolve(distribution)).exists();
		assertThat(index(first.resolve("charts/GW"))).extracting((r) -> r.get("title")).contains("2026年学分分布");

		// P1001 (处级, D01-B1, 7 credits) completes a course of 10 credits on 18 November
		new JdbcTemplate(db.dataSource()).update("INSERT INTO training (unit_code, record_id, person_id, course_name,"
				+ " course_type, credits, completed_on, delivery_id) VALUES ('D01-B1', 'T-nov', 'P1001', '专题培训',"
				+ " 'classroom', 10, ?, 1)", java.sql.Date.valueOf("2026-11-18"));
		// the next night: November is running, the distributions are the same pictures, linked
		Path second = write(db, vendor + "-people2", 2, first, ChartStore.AS_OF.plusDays(1));
		assertThat(Files.isSameFile(first.resolve(distribution), second.resolve(distribution))).isTrue();
		assertThat(Files.isSameFile(first.resolve("charts/GW/05-credits-distribution.svg"),
				second.resolve("charts/GW/05-credits-distribution.svg"))).isTrue();

		// 30 November ends the month: D01's and GW's credit distributions count the course now
		Path monthEnd = write(db, vendor + "-people3", 2, second, java.time.LocalDate.of(2026, 11, 30));
		assertThat(Files.isSameFile(second.resolve(distribution), monthEnd.resolve(distribution))).isFalse();
		assertThat(Files.readAllBytes(monthEnd.resolve(distribution)))
			.isNotEqualTo(Files.readAllBytes(second.resolve(distribution)));
		Path fresh = write(db, vendor + "-people3-fresh", 2, null, java.time.LocalDate.of(2026, 11, 30));
		assertThat(Files.readAllBytes(monthEnd.resolve(distribution)))
			.isEqualTo(Files.readAllBytes(fresh.resolve(distribution)));
		// no one's education changed: the same pie, linked
		assertThat(Files.isSameFile(second.resolve("charts/D01/06-degree-structure.png"),
				monthEnd.resolve("charts/D01/06-degree-structure.png"))).isTrue();

		// in January the people charts are those of the whole year before
		Path january = write(db, vendor + "-people4", 2, monthEnd, java.time.LocalDate.of(2027, 1, 4));
		assertThat(index(january.resolve("charts/GW"))).extracting((r) -> r.get("title")).contains("2026年学分分布")
			.doesNotContain("2027年学分分布");
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2" })
	void aDamagedOrForeignManifestRedrawsRatherThanLinks(String vendor) throws Exception {
		TestDatabase db = TestDatabase.create(vendor);
		ChartStore.fill(db.dataSource());
		Path first = write(db, vendor + "-m1", 2);
		// a published chart cut short (a full disk, a hand edit): its recorded size no longer matches
		Path png = first.resolve("charts/GW/01-attendance-trend.png");
		byte[] whole = Files.readAllBytes(png);
		Files.write(png, java.util.Arrays.copyOf(whole, 100));
		Path second = write(db, vendor + "-m2", 2, first, ChartStore.AS_OF);
		assertThat(Files.readAllBytes(second.resolve("charts/GW/01-attendance-trend.png"))).isEqualTo(whole);
		assertThat(Files.isSameFile(png, second.resolve("charts/GW/01-attendance-trend.png"))).isFalse();
		// a manifest that is not one: everything drawn, nothing linked
		Files.writeString(second.resolve("charts/.fingerprints"), "garbage\n");
		Path third = write(db, vendor + "-m3", 2, second, ChartStore.AS_OF);
		Files.copy(third.resolve("charts/.fingerprints"), second.resolve("charts/.fingerprints"),
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		assertSameTree(second, third);
		assertThat(Files.isSameFile(second.resolve("charts/D01/01-attendance-trend.svg"),
				third.resolve("charts/D01/01-attendance-trend.svg"))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2" })
	void aRunKilledAfterLinkingLeavesThePublishedFolderIntact(String vendor) throws Exception {
		TestDatabase db = TestDatabase.create(vendor);
		ChartStore.fill(db.dataSource());
		Path base = Path.of("target", "charts-test", vendor + "-killed");
		OutputFolder.deleteQuietly(base);
		OutputFolder folder = new OutputFolder(base.resolve("out"));
		ChartsPart part = new ChartsPart(ChartTargets.DEFAULTS, 2);
		Path building = folder.prepare(1);
		part.write(new OutputContext(1, ChartStore.AS_OF, building, folder.published(), new ReadModels(db.dataSource()).open()));
		folder.publish(building);
		Path published = folder.published();
		java.util.Map<Path, byte[]> before = new java.util.TreeMap<>();
		for (Path rel : regularFiles(published)) {
			before.put(rel, Files.readAllBytes(published.resolve(rel)));
		}

		// night 2 links every chart into its folder, then dies before the swap (kill -9)
		Path killed = folder.prepare(2);
		new JdbcTemplate(db.dataSource()).update("UPDATE indicator_value SET val = val / 2 WHERE unit_code = 'GW'");
		part.write(new OutputContext(2, ChartStore.AS_OF, killed, folder.published(), new ReadModels(db.dataSource()).open()));
		assertThat(Files.isSameFile(killed.resolve("charts/D02/01-attendance-trend.png"),
				published.resolve("charts/D02/01-attendance-trend.png"))).isTrue();
		// night 3 clears the leftovers: the published folder keeps every file and every byte
		Path next = folder.prepare(3);
		assertThat(killed).doesNotExist();
		assertThat(regularFiles(published)).containsExactlyElementsOf(before.keySet());
		for (java.util.Map.Entry<Path, byte[]> e : before.entrySet()) {
			assertThat(Files.readAllBytes(published.resolve(e.getKey()))).as(e.getKey().toString()).isEqualTo(e.getValue());
		}
		// and night 3 still reuses from it
		part.write(new OutputContext(3, ChartStore.AS_OF, next, folder.published(), new ReadModels(db.dataSource()).open()));
		folder.publish(next);
		assertThat(Files.readAllBytes(folder.out().resolve("charts/D02/01-attendance-trend.png")))
			.isEqualTo(before.get(Path.of("charts", "D02", "01-attendance-trend.png")));
		assertThat(Files.readAllBytes(folder.out().resolve("charts/GW/01-attendance-trend.png")))
			.isNotEqualTo(before.get(Path.of("charts", "GW", "01-attendance-trend.png")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2" })
	void oneUnitsFailingChartsKeepThePreviousOnesAndWithholdNoOther(String vendor) throws Exception {
		TestDatabase db = TestDatabase.create(vendor);
		ChartStore.fill(db.dataSource());
		Path base = Path.of("target", "charts-test", vendor + "-one-unit-fails");
		OutputFolder.deleteQuietly(base);
		OutputFolder folder = new OutputFolder(base.resolve("out"));
		Path first = folder.prepare(1);
		new ChartsPart(ChartTargets.DEFAULTS, 2).write(new OutputContext(1, ChartStore.AS_OF, first, null, new ReadModels(db.dataSource()).open()));
		folder.publish(first);
		Path published = folder.published();

		// night 2: the data changed everywhere, and drawing D02 throws
		new JdbcTemplate(db.dataSource()).update("UPDATE indicator_value SET val = val / 2");
		Path second = folder.prepare(2);
		OutputContext context = new OutputContext(2, ChartStore.AS_OF, second, published, new ReadModels(db.dataSource()).open());
		new ChartsPart(ChartTargets.DEFAULTS, 2, (code) -> {
			if (code.equals("D02")) {
				throw new IllegalStateException("bad data of D02");
			}
		}).write(context);

		assertThat(context.failures().list()).singleElement()
			.satisfies((f) -> assertThat(f.toString()).isEqualTo("charts of unit D02 (IllegalStateException: bad data of D02)"));
		// D02 keeps last night's charts, byte for byte; the others are redrawn
		assertThat(regularFiles(second.resolve("charts/D02"))).isEqualTo(regularFiles(published.resolve("charts/D02")))
			.isNotEmpty();
		assertSameTree(published.resolve("charts/D02"), second.resolve("charts/D02"));
		assertThat(Files.readAllBytes(second.resolve("charts/GW/01-attendance-trend.png")))
			.isNotEqualTo(Files.readAllBytes(published.resolve("charts/GW/01-attendance-trend.png")));
		assertThat(files(second.resolve("charts/D01"))).containsExactlyElementsOf(PARENT_CHARTS);
		// the manifest describes what D02's folder holds: last night's fingerprints
		List<String> d02Before = Files.readAllLines(published.resolve("charts/.fingerprints")).stream()
			.filter((l) -> l.contains(" D02/")).toList();
		assertThat(Files.readAllLines(second.resolve("charts/.fingerprints")).stream().filter((l) -> l.contains(" D02/")))
			.containsExactlyElementsOf(d02Before);
	}

	/**
	 * With workers: the pieces (groups of unit subtrees), written in any order each with its own
	 * manifest and then merged, give the folder one process writes, byte for byte, both fresh and
	 * linking from a published folder; no piece's manifest is left.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "h2" })
	void piecesWrittenApartGiveTheSingleProcessFolder(String vendor) throws Exception {
		TestDatabase db = TestDatabase.create(vendor);
		ChartStore.fill(db.dataSource());
		Path whole = write(db, vendor + "-whole", 2);
		Path pieced = writePieces(db, vendor + "-pieces", null, ChartStore.AS_OF);
		assertSameTree(whole, pieced);
		assertThat(Files.readString(pieced.resolve("charts/.fingerprints"))).contains(" GW/01-attendance-trend.png\n",
				" D01-B3/01-attendance-trend.svg\n");

		new JdbcTemplate(db.dataSource()).update("UPDATE indicator_value SET val = val / 2 WHERE unit_code = 'D02'");
		Path next = write(db, vendor + "-whole-next", 2, whole, ChartStore.AS_OF.plusDays(1));
		Path nextPieced = writePieces(db, vendor + "-pieces-next", whole, ChartStore.AS_OF.plusDays(1));
		assertSameTree(next, nextPieced);
		assertThat(Files.isSameFile(whole.resolve("charts/D03/01-attendance-trend.png"),
				nextPieced.resolve("charts/D03/01-attendance-trend.png"))).as("unchanged: linked").isTrue();
		assertThat(Files.isSameFile(whole.resolve("charts/D02/01-attendance-trend.png"),
				nextPieced.resolve("charts/D02/01-attendance-trend.png"))).as("changed: drawn").isFalse();
	}

	private static Path writePieces(TestDatabase db, String name, Path previous, java.time.LocalDate asOf)
			throws Exception {
		Path dir = Path.of("target", "charts-test", name);
		OutputFolder.deleteQuietly(dir);
		Files.createDirectories(dir);
		ChartsPart part = new ChartsPart(ChartTargets.DEFAULTS, 2);
		OutputContext context = new OutputContext(1, asOf, dir, previous, new ReadModels(db.dataSource()).open());
		List<String> pieces = new ArrayList<>(part.pieces(context));
		assertThat(pieces).hasSizeBetween(2, org.learnstats.outputs.UnitGroups.PIECES).contains("units 1/" + pieces.size());
		java.util.Collections.reverse(pieces);
		for (String piece : pieces) {
			part.writePiece(new OutputContext(1, asOf, dir, previous, new ReadModels(db.dataSource()).open()), piece);
		}
		part.finishPieces(context);
		try (Stream<Path> left = Files.list(dir.resolve("charts"))) {
			assertThat(left.map((p) -> p.getFileName().toString()).filter((n) -> n.startsWith(".fingerprints-")))
				.isEmpty();
		}
		return dir;
	}

	private static Path write(TestDatabase db, String name, int threads) throws Exception {
		return write(db, name, threads, null, ChartStore.AS_OF);
	}

	private static Path write(TestDatabase db, String name, int threads, Path previous, java.time.LocalDate asOf)
			throws Exception {
		Path dir = Path.of("target", "charts-test", name);
		OutputFolder.deleteQuietly(dir);
		Files.createDirectories(dir);
		new ChartsPart(ChartTargets.DEFAULTS, threads)
			.write(new OutputContext(1, asOf, dir, previous, new ReadModels(db.dataSource()).open()));
		return dir;
	}

	private static List<Path> regularFiles(Path dir) throws Exception {
		try (Stream<Path> s = Files.walk(dir)) {
			return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
		}
	}

	private static int countCharts(Path charts, String unit) throws Exception {
		return files(charts.resolve(unit)).size();
	}

	private static List<CSVRecord> index(Path unit) throws Exception {
		return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(Files.newBufferedReader(unit.resolve("charts.csv"), StandardCharsets.UTF_8)).getRecords();
	}

	private static List<String> files(Path unit) throws Exception {
		List<String> out = new ArrayList<>();
		for (CSVRecord r : index(unit)) {
			out.add(r.get("file"));
		}
		return out;
	}

	private static void assertSameTree(Path a, Path b) throws Exception {
		List<Path> filesA;
		try (Stream<Path> s = Files.walk(a)) {
			filesA = s.filter(Files::isRegularFile).map(a::relativize).sorted().toList();
		}
		try (Stream<Path> s = Files.walk(b)) {
			assertThat(s.filter(Files::isRegularFile).map(b::relativize).sorted().toList())
				.containsExactlyElementsOf(filesA);
		}
		for (Path rel : filesA) {
			assertThat(Files.readAllBytes(b.resolve(rel))).as(rel.toString()).isEqualTo(Files.readAllBytes(a.resolve(rel)));
		}
	}

}
