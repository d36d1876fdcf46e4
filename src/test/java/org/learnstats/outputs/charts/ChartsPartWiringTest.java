package org.learnstats.outputs.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnstats.outputs.OutputContext;
import org.learnstats.outputs.OutputPart;
import org.learnstats.readmodel.ReadModels;
import org.learnstats.support.TestDatabase;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

class ChartsPartWiringTest {

	/** Binds learnstats.targets as the application does. */
	@org.springframework.boot.context.properties.EnableConfigurationProperties(org.learnstats.indicators.TargetsProperties.class)
	static class Targets {

	}

	@Test
	void isAnOutputPartBeanThatReadsTargetsFromConfiguration(@TempDir Path dir) throws Exception {
		TestDatabase db = TestDatabase.h2();
		ChartStore.fill(db.dataSource());
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test",
					Map.of("learnstats.targets.credits.section", "10", "learnstats.charts.threads", "1")));
			context.registerBean(DataSource.class, db::dataSource);
			context.register(ChartsPart.class, Targets.class, ReadModels.class);
			context.refresh();
			Map<String, OutputPart> parts = context.getBeansOfType(OutputPart.class);
			assertThat(parts).containsOnlyKeys("chartsPart");
			assertThat(ChartTargets.of(context.getBean(org.learnstats.indicators.TargetsProperties.class)).credits())
				.containsEntry("section", new java.math.BigDecimal("10"))
				.containsEntry("division", new java.math.BigDecimal("18"));
			parts.get("chartsPart").write(new OutputContext(1, ChartStore.AS_OF, dir, null,
					context.getBean(ReadModels.class).open()));
		}
		assertThat(dir.resolve("charts/GW/01-attendance-trend.png")).exists();
		assertThat(Files.readString(dir.resolve("charts/GW/charts.csv"))).contains("05-credits-distribution");
	}

}
