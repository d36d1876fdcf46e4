package org.learnstats.outputs.pack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.learnstats.indicators.IndicatorCatalog;
import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.store.UnitForest.Unit;

/**
 * The pack of a made-up committee of 50 branches over four quarters, built as {@link PackFiles}
 * builds one (charts on their three media, tables, PDF, ZIP) and thrown away ({@link PackPart#rehearse}).
 */
final class PackRehearsal {

	private static final Quarter QUARTER = Quarter.parse("2025-Q4");

	private PackRehearsal() {
	}

	/** Builds the pack; returns its size in bytes (so that nothing is optimized away). */
	static long build() {
		PackReport report = new PackReport(data());
		Map<String, PackImages.Rendered> charts = PackImages.of(report);
		List<PackTable> tables = PackTables.of(report);
		String fingerprint = "0".repeat(64);
		LocalDate cutOff = QUARTER.lastDay();
		try {
			byte[] pdf = new PackPdf(report, cutOff, fingerprint, charts).render();
			return pdf.length + PackZip.write(QUARTER, fingerprint, cutOff, tables, charts).length;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static PackData data() {
		Unit committee = new Unit("C", "某某集团公司第一党委", null, "committee");
		List<Unit> branches = new ArrayList<>();
		for (int i = 1; i <= 50; i++) {
			branches.add(new Unit("C-" + i, "第" + i + "党支部", "C", "branch"));
		}
		List<Quarter> trend = new ArrayList<>();
		for (Quarter q = Quarter.parse("2025-Q1"); q.compareTo(QUARTER) <= 0; q = q.next()) {
			trend.add(q);
		}
		List<String> periods = new ArrayList<>(trend.stream().map(Quarter::id).toList());
		periods.add("2024");
		SortedMap<String, PackData.Value> values = new TreeMap<>();
		List<Unit> all = new ArrayList<>(branches);
		all.add(committee);
		int n = 0;
		for (IndicatorDefinition d : IndicatorCatalog.ALL) {
			for (String period : periods) {
				for (Unit u : all) {
					BigDecimal value = (d.type() == IndicatorDefinition.Type.RATE)
							? BigDecimal.valueOf(40 + (n++ * 37) % 60, 2) : BigDecimal.valueOf(5 + (n++ * 13) % 40);
					values.put(PackData.key(period, u.code(), d.id()), new PackData.Value(null, null, value));
				}
			}
		}
		List<PackData.Completeness> completeness = new ArrayList<>();
		completeness.add(new PackData.Completeness("C", committee.name(), 51, List.of(51, 51, 51, 51, 51),
				List.of(50, 51, 49, 51, 51)));
		for (Unit b : branches) {
			completeness.add(new PackData.Completeness(b.code(), b.name(), 1, List.of(1, 1, 1, 1, 1),
					List.of(1, 1, 1, 1, 1)));
		}
		return new PackData(QUARTER, committee, List.of(committee), branches, List.of(committee), trend, values,
				completeness, List.of(), List.of(), new TreeMap<>(Map.of("C", 3)), PackTargets.defaults(),
				LocalDate.of(2024, 1, 1));
	}

}
