package org.learnstats.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.learnstats.support.Inbox;
import org.learnstats.support.TestApp;
import org.learnstats.support.TestDatabase;

/**
 * indicators.csv is recomputed from the whole store: the same deliveries in one run or split over
 * three runs (with a re-delivery in between) give the same bytes.
 */
class DeliveryOrderTest {

	static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);

	static final String UNITS = """
			unit_code,unit_name,parent_code,unit_type
			ROOT,省委某部,,党委
			OFF1,办公室,ROOT,办公室
			BR1,第一党支部,OFF1,党支部
			BR2,第二党支部,OFF1,党支部
			""";

	static final String PEOPLE_1 = """
			person_id,name,unit_code,rank,education,birth_date,joined_on,left_on,in_degree_program
			P1,张伟,BR1,division,bachelor,1976-07-01,2010-01-01,,yes
			P2,李娜,BR1,section,college,1990-01-05,,,
			""";

	static final String PEOPLE_2 = """
			person_id,name,unit_code,rank,education,birth_date,left_on
			P3,王芳,BR2,section,secondary,1980-02-03,2026-06-30
			P4,赵强,ROOT,bureau,postgraduate,1970-02-03,
			""";

	static final String ATTENDANCE_1 = """
			unit_code,session_id,session_date,session_type,duration_hours,person_id,status
			BR1,B-01,2025-12-05,branch_study,2,P1,present
			BR1,B-01,2025-12-05,branch_study,2,P2,absent
			ROOT,C-01,2026-01-06,central_group,6.5,P4,present
			""";

	static final String ATTENDANCE_2 = """
			unit_code,session_id,session_date,session_type,duration_hours,person_id,status
			BR1,B-02,2026-03-05,branch_study,2,P1,late
			BR2,B-03,2026-03-12,branch_study,1.5,P3,present
			BR1,B-01,2025-12-05,branch_study,2,P2,excused
			""";

	static final String TRAINING = """
			unit_code,record_id,person_id,course_name,credits,completed_on
			BR1,T1,P1,党史专题,18,2025-12-01
			BR1,T2,P2,网络课程,6,2026-03-01
			BR2,T3,P3,网络课程,12.5,2026-02-01
			""";

	static final String RESEARCH = """
			unit_code,trip_id,person_id,start_date,end_date,report_submitted
			OFF1,R1,P1,2025-12-30,2026-01-02,yes
			OFF1,R2,P4,2026-05-01,2026-05-20,no
			""";

	static final String SURVEYS = "unit_code,survey_id,title,opened_on,distributed\nROOT,S1,满意度,2026-03-01,4\n";

	static final String RESPONSES = """
			unit_code,survey_id,response_id,submitted_on,q1,q2,suggestion
			ROOT,S1,A1,2026-03-02,5,4,多讲案例
			ROOT,S1,A2,2026-04-03,3,,
			""";

	@TempDir
	Path tmp;

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void oneRunAndThreeRunsGiveTheSameBytes(String vendor) throws IOException {
		Inbox all = new Inbox(this.tmp.resolve("all"));
		Inbox[] nights = { new Inbox(this.tmp.resolve("n1")), new Inbox(this.tmp.resolve("n2")),
				new Inbox(this.tmp.resolve("n3")) };
		List<Object[]> files = List.of(new Object[] { "units.csv", UNITS, 0 }, new Object[] { "people-1.csv", PEOPLE_1, 0 },
				new Object[] { "att-1.csv", ATTENDANCE_1, 0 }, new Object[] { "people-2.csv", PEOPLE_2, 1 },
				new Object[] { "surveys.csv", SURVEYS, 1 }, new Object[] { "training.csv", TRAINING, 1 },
				new Object[] { "att-2.csv", ATTENDANCE_2, 2 }, new Object[] { "research.csv", RESEARCH, 2 },
				new Object[] { "responses.csv", RESPONSES, 2 });
		for (Object[] f : files) {
			all.file((String) f[0], (String) f[1]);
			nights[(int) f[2]].file((String) f[0], (String) f[1]);
		}
		nights[2].file("resent/units-again.csv", UNITS);
		String once;
		try (TestApp app = TestApp.start(TestDatabase.create(vendor))) {
			app.run(AS_OF, all.dir(), this.tmp.resolve("out-once"));
			once = Files.readString(this.tmp.resolve("out-once/indicators.csv"));
		}
		String split;
		try (TestApp app = TestApp.start(TestDatabase.create(vendor))) {
			for (Inbox night : nights) {
				app.run(AS_OF, night.dir(), this.tmp.resolve("out-split"));
			}
			split = Files.readString(this.tmp.resolve("out-split/indicators.csv"));
		}
		assertThat(once).startsWith("period,unit_code,indicator,numerator,denominator,value\n");
		assertThat(once.lines().count()).isGreaterThan(100);
		assertThat(once).contains("2026-Q1,ROOT,attendance_rate,");
		assertThat(split).isEqualTo(once);
	}

}
