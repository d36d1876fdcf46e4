package org.learnstats.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnstats.LearnstatsApplication;
import org.learnstats.outputs.OutputContext;
import org.learnstats.outputs.OutputPart;
import org.learnstats.outputs.tables.IndicatorsCsvPart;
import org.learnstats.outputs.tables.RestrictedListsPart;
import org.learnstats.readmodel.ReadModels;
import org.learnstats.support.TestDatabase;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The beans as the application wires them: targets from properties, the parts writing what the refresh computed. */
class IndicatorsWiringTest {

	@TempDir
	Path dir;

	@Test
	void theApplicationWiresRefresherTargetsAndParts() throws Exception {
		TestDatabase db = TestDatabase.h2();
		SmallOrganization.load(new JdbcTemplate(db.dataSource()));
		List<String> args = new ArrayList<>(List.of(db.springArgs()));
		args.add("--learnstats.targets.credits.division=17.9");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LearnstatsApplication.class)
			.run(args.toArray(String[]::new))) {
			TargetsProperties targets = context.getBean(TargetsProperties.class);
			assertThat(targets.creditTarget("division")).isEqualByComparingTo("17.9");
			assertThat(targets.creditTarget("bureau")).isEqualByComparingTo("18");
			context.getBean(IndicatorRefresher.class).refresh(SmallOrganization.AS_OF);
			for (OutputPart part : List.of(context.getBean(IndicatorsCsvPart.class),
					context.getBean(RestrictedListsPart.class))) {
				part.write(new OutputContext(1, SmallOrganization.AS_OF, this.dir, null,
						context.getBean(ReadModels.class).open()));
			}
		}
		// p02's 17.9 credits of 2025 now reach the division target: 3 of 4 complete
		assertThat(Files.readString(this.dir.resolve("indicators.csv")))
			.contains("\n2025,P,credit_completion_rate,3,4,0.75\n");
		assertThat(this.dir.resolve("restricted/remedial.csv")).exists();
	}

	@Test
	void aTargetForAnUnknownRankStopsTheApplicationAtStartup() {
		TestDatabase db = TestDatabase.h2();
		List<String> args = new ArrayList<>(List.of(db.springArgs()));
		args.add("--learnstats.targets.credits.chief=20");
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(LearnstatsApplication.class)
			.run(args.toArray(String[]::new))
			.close()).withStackTraceContaining("learnstats.targets.credits: unknown rank 'chief'");
	}

}
