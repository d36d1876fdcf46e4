package org.learnstats.outputs.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.learnstats.outputs.OutputContext;
import org.learnstats.outputs.OutputFolder;
import org.learnstats.support.TestDatabase;

class ChartsPartTest {

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void writesChartsForEveryUnit(String vendor) throws Exception {
		TestDatabase db = TestDatabase.create(vendor);
		ChartStore.fill(db.dataSource());
		Path dir = Path.of("target", "charts-test", vendor);
		OutputFolder.deleteQuietly(dir);
		Files.createDirectories(dir);
		new ChartsPart(db.dataSource(), ChartTargets.DEFAULTS, 2).write(new OutputContext(1, ChartStore.AS_OF, dir, null));
		assertThat(dir.resolve("charts/GW/charts.csv")).exists();
	}

}
