package org.learnstats.outputs.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.learnstats.indicators.IndicatorCatalog;
import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.outputs.charts.RankingData.RankedUnit;
import org.learnstats.readmodel.ReadModels;
import org.learnstats.store.UnitForest;
import org.learnstats.support.TestDatabase;

/** The datasets read from the store, on both databases. */
class ChartDatasetsTest {

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void trendsHoldTheIndicatorValuesOfTheirUnitPeriodByPeriod(String vendor) {
		TestDatabase db = TestDatabase.create(vendor);
		ChartStore.fill(db.dataSource());
		UnitForest forest = UnitForest.load(db.dataSource());
		IndicatorValues values = IndicatorValues.load(new ReadModels(db.dataSource()).open().values(), ChartPlan.INDICATORS);

		assertThat(values.periods('M')).hasSize(23).startsWith("2025-01").endsWith("2026-11");
		assertThat(values.periods('Q')).containsExactly("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2",
				"2026-Q3", "2026-Q4");
		assertThat(values.periods('Y')).containsExactly("2025", "2026");

		// ended periods only: on 20 November the trend ends with October, the running month is pace
		TrendData monthly = values.trend(ChartPlan.ATTENDANCE, 'M', forest.get("D02"), 12, ChartStore.AS_OF);
		assertThat(monthly.periods()).hasSize(12).startsWith("2025-11").endsWith("2026-10");
		for (int i = 0; i < 12; i++) {
			YearMonth m = YearMonth.parse(monthly.periods().get(i));
			assertThat(monthly.values().get(i)).isEqualTo(ChartStore.attendance(2, m).doubleValue());
		}
		assertThat(monthly.unitName()).isEqualTo("省发展和改革委员会");

		// satisfaction has no value in 2025-Q2 (no answered question): a gap, not a zero
		TrendData satisfaction = values.trend(ChartPlan.SATISFACTION, 'Q', forest.get("D03"), 12, ChartStore.AS_OF);
		assertThat(satisfaction.periods()).hasSize(7).endsWith("2026-Q3");
		assertThat(satisfaction.values().get(1)).isNull();
		assertThat(satisfaction.values().get(0)).isEqualTo(3.6 + 4 / 10.0, org.assertj.core.data.Offset.offset(1e-9));

		// a unit without any value of an indicator has an empty trend (D01-B3 is index 9: no surveys)
		assertThat(values.trend(ChartPlan.SATISFACTION, 'Q', forest.get("D01-B3"), 12, ChartStore.AS_OF).isEmpty()).isTrue();
		// an indicator that is not read at all is empty too
		IndicatorDefinition notRead = IndicatorCatalog.find("avg_credits").orElseThrow();
		assertThat(values.trend(notRead, 'Q', forest.get("GW"), 12, ChartStore.AS_OF).isEmpty()).isTrue();
	}

	/** The title a unit's charts.csv lists (known without drawing) is the title drawn, for every chart of every unit. */
	@org.junit.jupiter.api.Test
	void plannedTitlesAreTheTitlesDrawn() {
		TestDatabase db = TestDatabase.create("h2");
		ChartStore.fill(db.dataSource());
		var read = new ReadModels(db.dataSource()).open();
		UnitForest forest = read.forest();
		ChartPlan plan = new ChartPlan(forest, IndicatorValues.load(read.values(), ChartPlan.INDICATORS),
				PeopleDistributions.load(read.roster(), forest, ChartStore.AS_OF, ChartTargets.DEFAULTS), ChartStore.AS_OF);
		java.util.Set<String> kinds = new java.util.TreeSet<>();
		for (UnitForest.Unit unit : forest.units()) {
			for (ChartPlan.Planned p : plan.plan(unit)) {
				assertThat(p.title()).as("%s of %s", p.file(), unit.code())
					.isEqualTo(p.chart().get().getTitle().getText());
				kinds.add(p.file());
			}
		}
		// every kind of chart was compared
		assertThat(kinds).hasSize(11);
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void rankingsOrderChildUnitsBestFirst(String vendor) {
		TestDatabase db = TestDatabase.create(vendor);
		ChartStore.fill(db.dataSource());
		UnitForest forest = UnitForest.load(db.dataSource());
		IndicatorValues values = IndicatorValues.load(new ReadModels(db.dataSource()).open().values(), ChartPlan.INDICATORS);
		UnitForest.Unit root = forest.get("GW");

		// the latest ENDED quarter: 2026-Q4 runs on 20 November; on its last day it has ended
		assertThat(values.latestPeriodOfChildren(ChartPlan.CREDIT_PROGRESS, 'Q', forest, root, ChartStore.AS_OF))
			.isEqualTo("2026-Q3");
		assertThat(values.latestPeriodOfChildren(ChartPlan.CREDIT_PROGRESS, 'Q', forest, root,
				java.time.LocalDate.of(2026, 12, 31))).isEqualTo("2026-Q4");
		assertThat(values.trend(ChartPlan.ATTENDANCE, 'M', forest.get("D02"), 12, java.time.LocalDate.of(2026, 11, 30))
			.periods()).endsWith("2026-10", "2026-11");
		RankingData ranking = values.ranking(ChartPlan.CREDIT_PROGRESS, "2026-Q3", forest, root);
		List<RankedUnit> expected = new ArrayList<>();
		for (int u = 1; u <= 6; u++) {
			expected.add(new RankedUnit(ChartStore.UNITS[u][0], ChartStore.UNITS[u][1],
					((u * 13 + 3 * 17 + 2026) % 100) / 100.0));
		}
		expected.sort((a, b) -> Double.compare(b.value(), a.value()));
		assertThat(ranking.units()).containsExactlyElementsOf(expected);
		assertThat(ranking.withoutData()).isZero();
		assertThat(ranking.parentName()).isEqualTo("省直机关工作委员会");

		// D06 (index 6) has no central group compliance: counted as without data
		RankingData central = values.ranking(ChartPlan.CENTRAL_GROUP, "2026-Q1", forest, root);
		assertThat(central.units()).hasSize(5).extracting(RankedUnit::code).doesNotContain("D06");
		assertThat(central.withoutData()).isEqualTo(1);
		// equal values: by unit code
		assertThat(central.units()).extracting(RankedUnit::code).containsExactly("D01", "D02", "D03", "D04", "D05");

		// lower is better: ascending
		IndicatorDefinition lowerIsBetter = new IndicatorDefinition("credit_on_track_rate", "测试", "Q",
				IndicatorDefinition.Type.RATE, null, false);
		RankingData ascending = values.ranking(lowerIsBetter, "2026-Q3", forest, root);
		assertThat(ascending.units().get(0).value()).isEqualTo(expected.get(5).value());
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void peopleDistributionsCountActivePeopleOfEachSubtree(String vendor) {
		TestDatabase db = TestDatabase.create(vendor);
		ChartStore.fill(db.dataSource());
		UnitForest forest = UnitForest.load(db.dataSource());
		PeopleDistributions people = PeopleDistributions.load(new ReadModels(db.dataSource()).open().roster(), forest, ChartStore.AS_OF,
				ChartTargets.DEFAULTS);

		// the fixture, restated: person n sits in leaf n / 15, left on 2026-03-01 when n % 40 == 39
		long[] eduRoot = new long[4];
		long[] eduD01 = new long[4];
		long[][] creditsRoot = new long[3][15];
		long[][] daysD03 = new long[3][15];
		List<String> educations = List.of("postgraduate", "bachelor", "college", "secondary");
		for (int n = 0; n < 120; n++) {
			if (n % 40 == 39) {
				continue;
			}
			String unit = ChartStore.leaves().get(n / 15);
			int e = educations.indexOf(ChartStore.EDUCATIONS[(n / 3) % 8]);
			eduRoot[e]++;
			if (unit.startsWith("D01")) {
				eduD01[e]++;
			}
			String rank = ChartStore.RANKS[n % 8];
			int credits = (n * 7) % 30;
			int creditGroup = switch (rank) {
				case "bureau" -> 0;
				case "division" -> 1;
				case "section" -> 2;
				default -> -1;
			};
			if (creditGroup >= 0) {
				creditsRoot[creditGroup][Math.min(credits / 2, 14)]++;
			}
			int days = (n % 10) * 9;
			int dayGroup = switch (rank) {
				case "bureau" -> 0;
				case "division" -> 1;
				case "section" -> 2;
				default -> -1;
			};
			if (dayGroup >= 0 && unit.equals("D03")) {
				daysD03[dayGroup][Math.min(days / 10, 14)]++;
			}
		}
		EducationShares root = people.education("GW");
		assertThat(new long[] { root.postgraduate(), root.bachelor(), root.college(), root.secondary() })
			.containsExactly(eduRoot);
		assertThat(root.total()).isEqualTo(117);
		EducationShares d01 = people.education("D01");
		assertThat(new long[] { d01.postgraduate(), d01.bachelor(), d01.college(), d01.secondary() })
			.containsExactly(eduD01);

		Histogram credits = people.credits("GW");
		assertThat(credits.year()).isEqualTo(2026);
		assertThat(credits.binWidth()).isEqualTo(2.0);
		assertThat(credits.openFrom()).isEqualTo(28.0);
		// one group per rank (厅级 and 处级 share a target, not a group: each rank keeps its colour)
		assertThat(credits.groups()).extracting(Histogram.Group::label).containsExactly("厅级", "处级", "科级");
		assertThat(credits.groups().get(0).target()).isEqualByComparingTo("18");
		assertThat(credits.groups().get(1).target()).isEqualByComparingTo("18");
		for (int g = 0; g < 3; g++) {
			assertThat(credits.groups().get(g).counts()).containsExactly(creditsRoot[g]);
		}

		Histogram days = people.researchDays("D03");
		assertThat(days.binWidth()).isEqualTo(10.0);
		assertThat(days.groups()).extracting(Histogram.Group::label).containsExactly("厅级", "处级", "科级");
		for (int g = 0; g < 3; g++) {
			assertThat(days.groups().get(g).counts()).as(Arrays.toString(daysD03[g])).containsExactly(daysD03[g]);
		}
		// a leaf's own people only
		assertThat(people.education("D06").total()).isEqualTo(14); // P1119 left on 2026-03-01
		assertThat(people.education("D05").total()).isEqualTo(15);
	}

}
