package org.learnstats.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.learnstats.outputs.OutputContext;
import org.learnstats.outputs.tables.RestrictedListsPart;
import org.learnstats.readmodel.ReadModels;
import org.learnstats.support.TestDatabase;

import org.springframework.jdbc.core.JdbcTemplate;

class RestrictedListsPartTest {

	@TempDir
	Path dir;

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void listsShortfallsAndTheRemedialListOfTheSmallOrganization(String vendor) throws Exception {
		TestDatabase db = TestDatabase.create(vendor);
		SmallOrganization.load(new JdbcTemplate(db.dataSource()));
		new IndicatorRefresher(db.dataSource(), new TargetsProperties()).refresh(SmallOrganization.AS_OF);
		new RestrictedListsPart().write(new OutputContext(1, SmallOrganization.AS_OF, this.dir, null,
				new ReadModels(db.dataSource()).open()));

		// ranks read as the vocabulary's words (Rank.chinese), as cannot_reach.csv writes them
		// 2026 up to D: p01 8 of 18, p02 0 of 18 (t14 after D), p03 6 of 12, p06 10 of 18;
		// 2025: p02 17.9 of 18, p06 9 of 18 (p01 and p03 met it; p05 left)
		assertThat(read("credit_shortfalls.csv")).isEqualTo("""
				\uFEFFyear,unit_code,unit_name,person_id,name,rank,target_credits,credits,shortfall
				2026,B1,第一支部,p03,张三,科级,12,6,6
				2026,C1,市委,p02,李二,处级,18,0,18
				2026,O1,办公室,p06,'=孙六,处级,18,10,8
				2026,P,省委,p01,王一,厅级,18,8,10
				2025,C1,市委,p02,李二,处级,18,17.9,0.1
				2025,O1,办公室,p06,'=孙六,处级,18,9,9
				""");
		// remedial_count 2025: p02 missed 2024 (0) and 2025 (17.9)
		assertThat(read("remedial.csv")).isEqualTo("""
				\uFEFFyear,unit_code,unit_name,person_id,name,rank,target_credits,credits_previous_year,credits_year
				2025,C1,市委,p02,李二,处级,18,0,17.9
				""");
		// 2026: p01 26 of 90, the others 0; 2025: p01 12 of 90, p03 10 of 30, p06 30 of 60 (p02 met 60)
		assertThat(read("research_shortfalls.csv")).isEqualTo("""
				\uFEFFyear,unit_code,unit_name,person_id,name,rank,target_days,research_days,reports_submitted
				2026,B1,第一支部,p03,张三,科级,30,0,0
				2026,C1,市委,p02,李二,处级,60,0,0
				2026,O1,办公室,p06,'=孙六,处级,60,0,0
				2026,P,省委,p01,王一,厅级,90,26,0
				2025,B1,第一支部,p03,张三,科级,30,10,0
				2025,O1,办公室,p06,'=孙六,处级,60,30,1
				2025,P,省委,p01,王一,厅级,90,12,1
				""");
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void listsThePeopleWhoCanNoLongerReachATargetThisPeriod(String vendor) throws Exception {
		TestDatabase db = TestDatabase.create(vendor);
		SmallOrganization.load(new JdbcTemplate(db.dataSource()));
		IndicatorRefresher refresher = new IndicatorRefresher(db.dataSource(), new TargetsProperties());
		refresher.refresh(SmallOrganization.AS_OF);
		new RestrictedListsPart().write(new OutputContext(1, SmallOrganization.AS_OF, this.dir, null,
				new ReadModels(db.dataSource()).open()));
		// 15 May: 230 days of the year left hold every missing research day
		assertThat(read("cannot_reach.csv")).isEqualTo(
				"\uFEFFperiod,unit_code,unit_name,person_id,name,rank,target,goal,done,missing,days_left,state\n");

		java.time.LocalDate dec1 = java.time.LocalDate.of(2026, 12, 1);
		refresher.refresh(dec1);
		new RestrictedListsPart().write(new OutputContext(2, dec1, this.dir, null,
				new ReadModels(db.dataSource()).open()));
		// 1 Dec: 30 days left; p01 36 of 90 (1-20 Jan, 10-25 May), p02 and p06 0 of 60; p03 0 of 30 still can
		assertThat(read("cannot_reach.csv")).isEqualTo("""
				\uFEFFperiod,unit_code,unit_name,person_id,name,rank,target,goal,done,missing,days_left,state
				2026,C1,市委,p02,李二,处级,调研天数达标率,60,0,60,30,已无法达标
				2026,O1,办公室,p06,'=孙六,处级,调研天数达标率,60,0,60,30,已无法达标
				2026,P,省委,p01,王一,厅级,调研天数达标率,90,36,54,30,已无法达标
				""");
	}

	private String read(String name) throws Exception {
		return new String(Files.readAllBytes(this.dir.resolve("restricted").resolve(name)), StandardCharsets.UTF_8);
	}

}
