package org.learnstats.outputs.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.learnstats.outputs.dashboard.KeyIndicators.Tally;
import org.learnstats.vocabulary.Pace;
import org.learnstats.vocabulary.Period;

/** The headline never says "not met" of a running period: ended misses and running risks apart. */
class PaceViewTest {

	private static final Period Q3 = Period.parse("2026-Q3");

	@Test
	void headlineSeparatesEndedMissesFromRunningRisks() {
		Tally month = new Tally(Period.parse("2026-10"), 4, 0, Period.parse("2026-11"), 0, 0);
		Tally quarter = new Tally(Q3, 5, 2, Period.parse("2026-Q4"), 3, 1);
		Tally year = new Tally(Period.parse("2025"), 8, 4, Period.parse("2026"), 6, 0);
		assertThat(PaceView.headline(List.of(month, quarter, year)))
			.isEqualTo("上月 全部达标 · 本月 进度全部正常；上季度 2 项未达标 · 本季度 3 项进度落后、1 项已无法达标；"
					+ "上年度 4 项未达标 · 本年度 6 项进度落后");
	}

	@Test
	void unitsAtRiskListWhatTheyCanNoLongerReachFirst() {
		KeyIndicators.Line credits = line("credit_completion_rate", Pace.BEHIND);
		KeyIndicators.Line research = line("research_compliance", Pace.UNREACHABLE);
		KeyIndicators.Line reports = line("research_report_rate", Pace.ON_TRACK);
		assertThat(PaceView.atRisk(List.of(credits, research, reports)))
			.containsExactly("本年度调研天数达标率（已无法达标）", "本年度年度学分达标率（进度落后）");
	}

	private static KeyIndicators.Line line(String id, Pace pace) {
		return new KeyIndicators.Line(org.learnstats.indicators.IndicatorCatalog.find(id).orElseThrow(),
				Period.parse("2026"), null, null, true, pace);
	}

	@Test
	void anEndedPeriodKeepsItsVerdict() {
		// D on 30 Sep: the quarter has ended and is met or not
		Tally ended = new Tally(Q3, 5, 2, null, 0, 0);
		assertThat(PaceView.headline(List.of(ended))).isEqualTo("本季度 2 项未达标");
		assertThat(PaceView.tile(ended))
			.isEqualTo(new PaceView.Tile("bad", "本季度 · 2026年第3季度", "2 项未达标", false, "有目标的 7 项中达标 5 项"));
	}

	@Test
	void aRunningTileNamesItsRisksNotMisses() {
		assertThat(PaceView.tile(new Tally(Q3, 5, 2, Period.parse("2026-Q4"), 3, 1)))
			.isEqualTo(new PaceView.Tile("bad", "本季度 · 2026年第4季度 · 进行中", "3 项进度落后、1 项已无法达标", false,
					"上季度 2026年第3季度：2 项未达标（有目标的 7 项）"));
		assertThat(PaceView.tile(new Tally(Q3, 7, 0, Period.parse("2026-Q4"), 2, 0)).style()).isEqualTo("warn");
		assertThat(PaceView.badge(Pace.BEHIND, true, true)).isEqualTo(new KeyIndicators.Badge("warn", "进度落后"));
		assertThat(PaceView.badge(null, true, true)).isEqualTo(new KeyIndicators.Badge("none", "进行中"));
	}

}
