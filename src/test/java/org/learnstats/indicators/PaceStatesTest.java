package org.learnstats.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.learnstats.indicators.PaceStates.Member;
import org.learnstats.support.TestDatabase;
import org.learnstats.vocabulary.Pace;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The computed pace of the small organization (P ⊃ C1 ⊃ B1, B2; P ⊃ O1) worked by hand, at
 * D = 15 May 2026 (month E 15 of 31, quarter E 45 of 91, year E 135 of 365) and again after D
 * moves to 1 December 2026 (30 days of the year left).
 */
class PaceStatesTest {

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void statesOfMembersAndSubtrees(String vendor) {
		TestDatabase db = TestDatabase.create(vendor);
		SmallOrganization.load(new JdbcTemplate(db.dataSource()));
		TargetsProperties targets = new TargetsProperties();
		IndicatorRefresher refresher = new IndicatorRefresher(db.dataSource(), targets);
		refresher.refresh(SmallOrganization.AS_OF);
		PaceStates may = PaceStates.load(db.dataSource(), targets, SmallOrganization.AS_OF);

		assertThat(lines(may.members())).containsExactlyInAnyOrder(
				// P: pc1 6 h, pc2 7 h (pc3 after D); due floor(3 × 45/91) = 1. C1: cg1, cg3, cg4 (cg2 5.99 h)
				"CENTRAL_GROUP 2026-Q2 P - 3 2 ON_TRACK", "CENTRAL_GROUP 2026-Q2 C1 - 3 3 REACHED",
				// B1: 10 and 14 May; B2 none, due floor(2 × 15/31) = 0
				"BRANCH_STUDY 2026-05 B1 - 2 2 REACHED", "BRANCH_STUDY 2026-05 B2 - 2 0 ON_TRACK",
				"ATTENDANCE_REPORTING 2026-05 P - 1 1 REACHED", "ATTENDANCE_REPORTING 2026-05 C1 - 1 2 REACHED",
				"ATTENDANCE_REPORTING 2026-05 B1 - 1 2 REACHED", "ATTENDANCE_REPORTING 2026-05 B2 - 1 0 ON_TRACK",
				// due floor(18 × 135/365) = 6, floor(12 × 135/365) = 4
				"CREDITS_YEAR 2026 P p01 18 8 ON_TRACK", "CREDITS_YEAR 2026 C1 p02 18 0 BEHIND",
				"CREDITS_YEAR 2026 B1 p03 12 6 ON_TRACK", "CREDITS_YEAR 2026 O1 p06 18 10 ON_TRACK",
				// 9 (6 for p03) by 30 June, paced over 181 days: due floor(9 × 135/181) = 6
				"CREDITS_QUARTER 2026-Q2 P p01 9 8 ON_TRACK", "CREDITS_QUARTER 2026-Q2 C1 p02 9 0 BEHIND",
				"CREDITS_QUARTER 2026-Q2 B1 p03 6 6 REACHED", "CREDITS_QUARTER 2026-Q2 O1 p06 9 10 REACHED",
				// p01: 1-20 Jan and 10-15 May = 26 days, due floor(90 × 135/365) = 33
				"RESEARCH_DAYS 2026 P p01 90 26 BEHIND", "RESEARCH_DAYS 2026 C1 p02 60 0 BEHIND",
				"RESEARCH_DAYS 2026 B1 p03 30 0 BEHIND", "RESEARCH_DAYS 2026 O1 p06 60 0 BEHIND",
				"RESEARCH_REPORT 2026 P p01 1 0 ON_TRACK", "RESEARCH_REPORT 2026 C1 p02 1 0 ON_TRACK",
				"RESEARCH_REPORT 2026 B1 p03 1 0 ON_TRACK", "RESEARCH_REPORT 2026 O1 p06 1 0 ON_TRACK");
		// a subtree takes its worst member
		assertThat(may.of("P", "central_group_compliance", 'Q')).isEqualTo(Pace.ON_TRACK);
		assertThat(may.of("C1", "central_group_compliance", 'Q')).isEqualTo(Pace.REACHED);
		assertThat(may.of("C1", "branch_study_compliance", 'M')).isEqualTo(Pace.ON_TRACK);
		assertThat(may.of("B1", "branch_study_compliance", 'M')).isEqualTo(Pace.REACHED);
		assertThat(may.of("O1", "branch_study_compliance", 'M')).isNull();
		assertThat(may.of("P", "credit_completion_rate", 'Y')).isEqualTo(Pace.BEHIND);
		assertThat(may.of("P", "avg_credits", 'Y')).isEqualTo(Pace.BEHIND);
		assertThat(may.of("O1", "credit_on_track_rate", 'Q')).isEqualTo(Pace.REACHED);
		assertThat(may.of("C1", "avg_credits", 'Q')).isEqualTo(Pace.BEHIND);
		assertThat(may.of("B1", "credit_on_track_rate", 'Q')).isEqualTo(Pace.REACHED);
		assertThat(may.of("P", "attendance_rate", 'M')).isNull();
		assertThat(may.members(Pace.UNREACHABLE)).isEmpty();

		LocalDate dec1 = LocalDate.of(2026, 12, 1);
		refresher.refresh(dec1);
		PaceStates december = PaceStates.load(db.dataSource(), targets, dec1);
		// 30 days left: p01 36 of 90 (r3 now whole: 10-25 May), p02 and p06 0 of 60 cannot; p03 0 of 30 can
		assertThat(lines(december.members(Pace.UNREACHABLE))).containsExactlyInAnyOrder(
				"RESEARCH_DAYS 2026 P p01 90 36 UNREACHABLE", "RESEARCH_DAYS 2026 C1 p02 60 0 UNREACHABLE",
				"RESEARCH_DAYS 2026 O1 p06 60 0 UNREACHABLE");
		assertThat(december.of("B1", "research_compliance", 'Y')).isEqualTo(Pace.BEHIND);
		assertThat(december.of("C1", "research_compliance", 'Y')).isEqualTo(Pace.UNREACHABLE);
		assertThat(december.of("P", "avg_research_days", 'Y')).isEqualTo(Pace.UNREACHABLE);
		// Q4, E 62 of 92: due floor(3 × 62/92) = 2, none held; credits due floor(18 × 335/365) = 16
		assertThat(december.of("P", "central_group_compliance", 'Q')).isEqualTo(Pace.BEHIND);
		assertThat(december.of("P", "credit_completion_rate", 'Y')).isEqualTo(Pace.BEHIND);
		assertThat(december.of("B1", "credit_completion_rate", 'Y')).isEqualTo(Pace.BEHIND);
	}

	private static List<String> lines(List<Member> members) {
		return members.stream()
			.map((m) -> m.target() + " " + m.period() + " " + m.unitCode() + " " + ((m.person() == null) ? "-" : m.person())
					+ " " + m.goal().toPlainString() + " " + m.done().toPlainString() + " " + m.pace())
			.toList();
	}

}
