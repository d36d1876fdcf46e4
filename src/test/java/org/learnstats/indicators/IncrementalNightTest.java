package org.learnstats.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.learnstats.support.Inbox;
import org.learnstats.support.TestApp;
import org.learnstats.support.TestDatabase;

/**
 * The common night through the real job: one day later, that day's attendance and training. The
 * refresh takes the incremental path and recomputes only the month, quarter and year holding D,
 * and indicators.csv is byte for byte what one run of everything gives.
 */
class IncrementalNightTest {

	static final LocalDate NEXT_DAY = DeliveryOrderTest.AS_OF.plusDays(1);

	static final String ATTENDANCE_NIGHT = """
			unit_code,session_id,session_date,session_type,duration_hours,person_id,status
			BR1,B-09,2026-11-21,branch_study,2,P1,present
			BR1,B-09,2026-11-21,branch_study,2,P2,late
			ROOT,C-09,2026-11-21,central_group,6,P4,absent
			""";

	static final String TRAINING_NIGHT = """
			unit_code,record_id,person_id,course_name,credits,completed_on
			BR1,T9,P2,网络课程,4.5,2026-11-21
			""";

	@TempDir
	Path tmp;

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void aOneDayDeltaIsIncrementalAndGivesTheSameBytes(String vendor) throws IOException {
		Inbox history = new Inbox(this.tmp.resolve("history"));
		history.file("units.csv", DeliveryOrderTest.UNITS)
			.file("people-1.csv", DeliveryOrderTest.PEOPLE_1)
			.file("people-2.csv", DeliveryOrderTest.PEOPLE_2)
			.file("att-1.csv", DeliveryOrderTest.ATTENDANCE_1)
			.file("att-2.csv", DeliveryOrderTest.ATTENDANCE_2)
			.file("training.csv", DeliveryOrderTest.TRAINING)
			.file("research.csv", DeliveryOrderTest.RESEARCH)
			.file("surveys.csv", DeliveryOrderTest.SURVEYS)
			.file("responses.csv", DeliveryOrderTest.RESPONSES);
		Inbox night = new Inbox(this.tmp.resolve("night"));
		night.file("att-night.csv", ATTENDANCE_NIGHT).file("training-night.csv", TRAINING_NIGHT);
		// the registers are re-sent every night as they were: no reason for a full refresh
		night.file("units.csv", DeliveryOrderTest.UNITS + "\n");
		String incremental;
		IndicatorRefresher.Outcome outcome;
		try (TestApp app = TestApp.start(TestDatabase.create(vendor))) {
			app.run(DeliveryOrderTest.AS_OF, history.dir(), this.tmp.resolve("out-1"));
			assertThat(app.bean(IndicatorRefresher.class).lastOutcome().full()).isTrue();
			app.run(NEXT_DAY, night.dir(), this.tmp.resolve("out-2"));
			outcome = app.bean(IndicatorRefresher.class).lastOutcome();
			incremental = Files.readString(this.tmp.resolve("out-2/indicators.csv"));
		}
		assertThat(outcome.full()).as(outcome.toString()).isFalse();
		assertThat(outcome.recomputed()).as("2026-11, 2026-Q4, 2026").isEqualTo(3);
		assertThat(outcome.periods()).as("2025-12 .. 2026-11, 2025-Q4 .. 2026-Q4, 2025, 2026").isEqualTo(19);

		Inbox all = new Inbox(this.tmp.resolve("all"));
		for (Inbox inbox : new Inbox[] { history, night }) {
			try (var files = Files.walk(inbox.dir())) {
				for (Path f : files.filter(Files::isRegularFile).toList()) {
					all.file(inbox.dir().getFileName() + "-" + f.getFileName(), Files.readString(f));
				}
			}
		}
		String scratch;
		try (TestApp app = TestApp.start(TestDatabase.create(vendor))) {
			app.run(NEXT_DAY, all.dir(), this.tmp.resolve("out-all"));
			assertThat(app.bean(IndicatorRefresher.class).lastOutcome().full()).isTrue();
			scratch = Files.readString(this.tmp.resolve("out-all/indicators.csv"));
		}
		assertThat(incremental).contains("2026-11,ROOT,attendance_rate,").isEqualTo(scratch);
	}

}
