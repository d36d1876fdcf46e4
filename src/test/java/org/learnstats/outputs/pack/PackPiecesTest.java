package org.learnstats.outputs.pack;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.learnstats.indicators.IndicatorCatalog;
import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.store.UnitForest.Unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pack's pure pieces: quarters, how numbers read, neutralized cells, wrapping, the fingerprint. */
class PackPiecesTest {

	private static IndicatorDefinition def(String id) {
		return IndicatorCatalog.find(id).orElseThrow();
	}

	@Test
	void quartersKnowTheirDaysNeighboursAndClosing() {
		Quarter q = Quarter.parse("2025-Q3");
		assertThat(q.firstDay()).isEqualTo(LocalDate.of(2025, 7, 1));
		assertThat(q.lastDay()).isEqualTo(LocalDate.of(2025, 9, 30));
		assertThat(q.previous().id()).isEqualTo("2025-Q2");
		assertThat(Quarter.parse("2025-Q1").previous().id()).isEqualTo("2024-Q4");
		assertThat(Quarter.parse("2024-Q4").next().id()).isEqualTo("2025-Q1");
		assertThat(q.sameQuarterLastYear().id()).isEqualTo("2024-Q3");
		assertThat(q.label()).isEqualTo("2025年第三季度");
		assertThat(q.closedOn(LocalDate.of(2025, 9, 29))).isFalse();
		assertThat(q.closedOn(LocalDate.of(2025, 9, 30))).isTrue();
		assertThat(q.lastClosedYear()).isEqualTo(2024);
		assertThat(Quarter.parse("2025-Q4").lastClosedYear()).isEqualTo(2025);
		assertThat(Quarter.of(LocalDate.of(2024, 2, 29)).id()).isEqualTo("2024-Q1");
		assertThat(Quarter.parse("2024-Q1").lastDay()).isEqualTo(LocalDate.of(2024, 3, 31));
		assertThatThrownBy(() -> Quarter.parse("2025-Q5")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Quarter.parse("2025Q3")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void valuesGoalsAndChangesReadAsALeaderExpects() {
		assertThat(PackText.value(def("attendance_rate"), new BigDecimal("0.87650"))).isEqualTo("87.7%");
		assertThat(PackText.value(def("attendance_rate"), new BigDecimal("0.8764"))).isEqualTo("87.6%");
		assertThat(PackText.value(def("attendance_rate"), BigDecimal.ONE)).isEqualTo("100.0%");
		assertThat(PackText.value(def("satisfaction_mean"), new BigDecimal("4.3250"))).isEqualTo("4.33");
		assertThat(PackText.value(def("avg_credits"), new BigDecimal("13.25"))).isEqualTo("13.3");
		assertThat(PackText.value(def("remedial_count"), new BigDecimal("14.000000"))).isEqualTo("14");
		assertThat(PackText.value(def("attendance_rate"), null)).isEqualTo("—");
		assertThat(PackText.goal(def("attendance_rate"))).isEqualTo("≥ 90.0%");
		assertThat(PackText.goal(def("remedial_count"))).isEqualTo("≤ 0");
		assertThat(PackText.goal(def("bachelor_rate"))).isEqualTo("—");
		assertThat(PackText.change(def("attendance_rate"), new BigDecimal("0.9430"), new BigDecimal("0.9490")))
			.isEqualTo("-0.6个百分点");
		assertThat(PackText.change(def("attendance_rate"), new BigDecimal("0.9430"), new BigDecimal("0.9430")))
			.isEqualTo("持平");
		assertThat(PackText.change(def("satisfaction_mean"), new BigDecimal("4.32"), new BigDecimal("4.30")))
			.isEqualTo("+0.02");
		assertThat(PackText.change(def("attendance_rate"), null, BigDecimal.ONE)).isEqualTo("—");
		// fewer remedial cadres is an improvement
		assertThat(PackText.direction(def("remedial_count"), new BigDecimal("3"), new BigDecimal("5"))).isEqualTo(1);
		assertThat(PackText.direction(def("attendance_rate"), new BigDecimal("0.5"), new BigDecimal("0.6"))).isEqualTo(-1);
		assertThat(PackText.reason("BAD_DATE")).isEqualTo("日期无效");
		assertThat(PackText.kind("attendance")).isEqualTo("学习考勤");
		assertThat(PackText.kind(null)).isEqualTo("未识别");
	}

	@Test
	void spreadsheetCellsNeverStartAFormula() {
		PackTable t = new PackTable("t", "表", List.of("名称", "值"),
				List.of(List.of("=cmd", new PackTable.Num(new BigDecimal("-0.2500"), PackTable.Format.PERCENT)),
						java.util.Arrays.asList("ok", null)));
		String csv = new String(PackTables.csv(t), StandardCharsets.UTF_8);
		assertThat(csv).isEqualTo("\uFEFF名称,值\r\n'=cmd,-0.25\r\nok,\r\n");
	}

	@Test
	void wrappingKeepsWidthAndNeverStartsALineWithPunctuation() throws Exception {
		try (PDDocument doc = new PDDocument(); PdfCanvas canvas = new PdfCanvas(doc)) {
			String text = "期内提交的答卷中全部已作答题目的得分（1–5 分）之和 ÷ 已作答题目数；未作答的题目不计。Attendance of all sessions counts.";
			for (float width : new float[] { 60, 97, 150, 285 }) {
				List<String> lines = canvas.wrap(text, 8.5f, width);
				assertThat(String.join("", lines).replace(" ", "")).isEqualTo(text.replace(" ", ""));
				for (String line : lines) {
					assertThat(canvas.width(line, 8.5f)).isLessThanOrEqualTo(width);
				}
				for (String line : lines.subList(1, lines.size())) {
					assertThat(line).doesNotStartWith("；").doesNotStartWith("。").doesNotStartWith("，").doesNotStartWith("）");
				}
			}
			assertThat(canvas.printable("a\u0007b\uE000")).isEqualTo("a b?");
		}
	}

	@Test
	void fingerprintFollowsEveryFactThePackShows() {
		PackData base = data(new BigDecimal("0.9000"), 3);
		String fp = PackPart.fingerprint(base);
		assertThat(fp).matches("[0-9a-f]{64}");
		assertThat(PackPart.fingerprint(data(new BigDecimal("0.900000"), 3))).as("same number, other scale").isEqualTo(fp);
		assertThat(PackPart.fingerprint(data(new BigDecimal("0.9001"), 3))).isNotEqualTo(fp);
		assertThat(PackPart.fingerprint(data(new BigDecimal("0.9000"), 4))).isNotEqualTo(fp);
	}

	/**
	 * The widest numbers a summary shows (a rate from 0 to 100%, compared with a period the data
	 * covers only in part, so marked) fit their columns on one line, and the marks follow the data's
	 * start: the data from August 2024 makes 2024-Q3 and the year 2024 partial, and a year-to-date
	 * measure partial in every quarter of 2024; the year-to-date line breaks at the year end.
	 */
	@Test
	void widestNumbersFitTheirColumnsAndPartialPeriodsAreMarked() throws Exception {
		Unit root = new Unit("R", "根", null, "committee");
		Map<String, PackData.Value> values = new TreeMap<>();
		List<Quarter> trend = List.of(Quarter.parse("2024-Q3"), Quarter.parse("2024-Q4"), Quarter.parse("2025-Q1"),
				Quarter.parse("2025-Q2"), Quarter.parse("2025-Q3"));
		for (IndicatorDefinition d : IndicatorCatalog.ALL) {
			BigDecimal high = d.type() == IndicatorDefinition.Type.RATE ? BigDecimal.ONE : new BigDecimal("12345");
			for (String period : List.of("2025-Q3", "2024", "2025-Q1")) {
				values.put(PackData.key(period, "R", d.id()), new PackData.Value(null, null, high));
			}
			for (String period : List.of("2025-Q2", "2024-Q3", "2024-Q4", "2023")) {
				values.put(PackData.key(period, "R", d.id()), new PackData.Value(null, null, BigDecimal.ZERO));
			}
		}
		PackData data = new PackData(Quarter.parse("2025-Q3"), null, List.of(root), List.of(), List.of(), trend,
				new TreeMap<>(values), List.of(new PackData.Completeness(null, "全部单位", 1, List.of(1, 1, 1, 1, 1),
						List.of(1, 1, 1, 1, 1))),
				List.of(), List.of(), new TreeMap<>(Map.of("R", 0)), PackTargets.defaults(), LocalDate.of(2024, 8, 1));
		assertThat(data.partial("2024-Q3", "attendance_rate")).isTrue();
		assertThat(data.partial("2024-Q4", "attendance_rate")).isFalse();
		assertThat(data.partial("2024-Q4", "avg_credits")).as("accumulated from 1 January").isTrue();
		assertThat(data.partial("2025-Q1", "avg_credits")).isFalse();
		assertThat(data.partial("2024", "credit_completion_rate")).isTrue();
		assertThat(data.partial("2023", "credit_completion_rate")).as("before the data: no value, not partial").isFalse();
		assertThat(data.partial("2024-Q3", "bachelor_rate")).as("the register at the period end").isFalse();

		PackReport report = new PackReport(data);
		// the year-to-date measure goes to the shared chart factory as one line that restarts yearly
		// (drawn a series per year, see PeriodLinesTest), its partial quarters marked
		org.learnstats.outputs.charts.PeriodLines ytd = PackImages.trend(report, "avg_credits");
		assertThat(ytd.restartsYearly()).isTrue();
		assertThat(ytd.periods()).containsExactly("2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3");
		assertThat(ytd.lines()).hasSize(1);
		assertThat(ytd.lines().get(0).values()).containsExactly(0.0, 0.0, 12345.0, 0.0, 12345.0);
		assertThat(ytd.partial()).containsExactlyInAnyOrder("2024-Q3", "2024-Q4");
		assertThat(PackImages.trend(report, "attendance_rate").restartsYearly()).isFalse();

		PackPdf pdf = new PackPdf(report, LocalDate.of(2025, 10, 8), "0".repeat(64), Map.of());
		byte[] bytes = pdf.render();
		assertThat(pdf.squeezed()).isEmpty();
		try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(bytes)) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
			assertThat(text).contains("+100.0个百分点*", "0.0%*", "数据自2024年8月起");
		}
	}

	private static PackData data(BigDecimal val, int reported) {
		Map<String, PackData.Value> values = new TreeMap<>();
		values.put(PackData.key("2025-Q3", "R", "attendance_rate"),
				new PackData.Value(val.multiply(BigDecimal.TEN), BigDecimal.TEN, val));
		Unit root = new Unit("R", "根", null, "committee");
		return new PackData(Quarter.parse("2025-Q3"), null, List.of(root), List.of(), List.of(), List.of(Quarter.parse("2025-Q3")),
				new TreeMap<>(values), List.of(new PackData.Completeness(null, "全部单位", 5, List.of(4, 5, 5, 5, 5), List.of(reported, 0, 0, 0, 0))),
				List.of(), List.of(), new TreeMap<>(Map.of("R", 0)), PackTargets.defaults(), null);
	}

}
