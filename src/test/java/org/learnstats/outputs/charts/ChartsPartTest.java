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
			assertThat(folders.map((p) -> p.getFileName().toString()).sorted().toList()).containsExactlyInAnyOrder(
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
		assertThat(root.get(1).get("title")).isEqualTo("下级单位排名：学习出勤率（2026-Q4）");
		assertThat(root.get(4).toMap()).containsEntry("title", "2026年学分分布").containsEntry("indicator", "");
		assertThat(root.get(5).get("title")).isEqualTo("学历结构");

		int checked = 0;
		try (Stream<Path> folders = Files.list(charts)) {
			for (Path unit : folders.toList()) {
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

	private static Path write(TestDatabase db, String name, int threads) throws Exception {
		Path dir = Path.of("target", "charts-test", name);
		OutputFolder.deleteQuietly(dir);
		Files.createDirectories(dir);
		new ChartsPart(db.dataSource(), ChartTargets.DEFAULTS, threads)
			.write(new OutputContext(1, ChartStore.AS_OF, dir, null));
		return dir;
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
