package org.learnstats.outputs.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnstats.indicators.PeriodChanges;
import org.learnstats.readmodel.ReadModels;
import org.learnstats.store.UnitForest;
import org.learnstats.support.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

class PeopleSnapshotTest {

	private static final LocalDate DAY = LocalDate.of(2026, 10, 31);

	@TempDir
	Path tmp;

	@Test
	void keptDistributionsReadBackAsTheStoreGaveThem() throws Exception {
		TestDatabase db = TestDatabase.create("h2");
		ChartStore.fill(db.dataSource());
		UnitForest forest = UnitForest.load(db.dataSource());
		PeopleDistributions read = PeopleDistributions.load(new ReadModels(db.dataSource()).open().roster(), forest, DAY,
				ChartTargets.DEFAULTS);
		List<String> units = forest.units().stream().map(UnitForest.Unit::code).toList();
		Path file = this.tmp.resolve(PeopleSnapshot.FILE);
		PeopleSnapshot.write(file, "key 1", read, units);

		PeopleDistributions kept = PeopleSnapshot.read(file, "key 1", DAY);
		assertThat(kept).isNotNull();
		assertThat(kept.through()).isEqualTo(DAY);
		assertThat(units).hasSize(10);
		for (String unit : units) {
			assertThat(kept.education(unit)).as(unit).isEqualTo(read.education(unit));
			// the charts' fingerprints are built from the histograms' text: the same to the character
			assertThat(String.valueOf(kept.credits(unit))).as(unit).isEqualTo(String.valueOf(read.credits(unit)));
			assertThat(String.valueOf(kept.researchDays(unit))).as(unit)
				.isEqualTo(String.valueOf(read.researchDays(unit)));
		}
		// the fixture's people with a credit target (bureau, division, section) active on the day
		long withTarget = java.util.stream.IntStream.range(0, 120)
			.filter((n) -> n % 40 != 39 && !ChartStore.RANKS[n % ChartStore.RANKS.length].equals("staff"))
			.count();
		assertThat(kept.credits("GW").total()).isEqualTo(withTarget).isPositive();

		// written again from what was kept: the same bytes
		Path again = this.tmp.resolve("again");
		PeopleSnapshot.write(again, "key 1", kept, units);
		assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(file));

		// another key, a missing file, a file that is not one: not used
		assertThat(PeopleSnapshot.read(file, "key 2", DAY)).isNull();
		assertThat(PeopleSnapshot.read(this.tmp.resolve("missing"), "key 1", DAY)).isNull();
		Files.writeString(again, "key 1\nunit,education,credits,research_days\nGW,1 2,x|y,\n");
		assertThat(PeopleSnapshot.read(again, "key 1", DAY)).isNull();
	}

	@Test
	void aHistogramOfAnyTargetAndBucketWidthKeepsItsText() throws Exception {
		Histogram h = new Histogram(Histogram.Quantity.RESEARCH_DAYS, DAY, 2.5,
				List.of(new Histogram.Group(org.learnstats.vocabulary.Rank.SECTION, new BigDecimal("1.20E+1"),
						new long[] { 0, 3, 1_000_000_000_000L })));
		Map<String, Histogram> days = new HashMap<>();
		days.put("U,\"1\"", h);
		Map<String, Histogram> none = new HashMap<>();
		none.put("U,\"1\"", null);
		PeopleDistributions people = new PeopleDistributions(DAY, Map.of("U,\"1\"", new EducationShares(1, 2, 3, 4)),
				none, days);
		Path file = this.tmp.resolve(PeopleSnapshot.FILE);
		PeopleSnapshot.write(file, "k", people, List.of("U,\"1\""));
		PeopleDistributions kept = PeopleSnapshot.read(file, "k", DAY);
		assertThat(kept.credits("U,\"1\"")).isNull();
		assertThat(kept.researchDays("U,\"1\"")).hasToString(h.toString());
		assertThat(kept.education("U,\"1\"")).isEqualTo(new EducationShares(1, 2, 3, 4));
	}

	@Test
	void theKeyMovesWithTheMonthsUpToTheDayAndTheYearsTripsOnly() {
		TestDatabase db = TestDatabase.create("h2");
		JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
		String before = key(db);
		assertThat(before).contains("day=2026-10-31").contains("changed=0");
		// a month after the day, last year's trips, another year's month: the same key
		stamp(jdbc, "2026-11", 1);
		stamp(jdbc, "trips 2025", 2);
		stamp(jdbc, "2025-10", 3);
		stamp(jdbc, "2026", 4);
		stamp(jdbc, "2026-Q4", 5);
		assertThat(key(db)).isEqualTo(before);
		// a month from January to the day, or the year's trips: another key
		stamp(jdbc, "2026-01", 6);
		String january = key(db);
		assertThat(january).isNotEqualTo(before).contains("changed=6");
		stamp(jdbc, "trips 2026", 7);
		assertThat(key(db)).isNotEqualTo(january).contains("changed=7");
		stamp(jdbc, "2026-10", 8);
		assertThat(key(db)).contains("changed=8");
		// other targets: another key
		ChartTargets other = new ChartTargets(Map.of("division", BigDecimal.TEN), ChartTargets.DEFAULTS.researchDays());
		assertThat(PeopleSnapshot.key(PeriodChanges.load(db.dataSource()), DAY, other)).isNotEqualTo(key(db));
	}

	private static String key(TestDatabase db) {
		return PeopleSnapshot.key(PeriodChanges.load(db.dataSource()), DAY, ChartTargets.DEFAULTS);
	}

	private static void stamp(JdbcTemplate jdbc, String period, long seq) {
		jdbc.update("DELETE FROM ind_period_change WHERE period = ?", period);
		jdbc.update("INSERT INTO ind_period_change (period, changed_seq, present) VALUES (?, ?, TRUE)", period, seq);
	}

}
