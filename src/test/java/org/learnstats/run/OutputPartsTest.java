package org.learnstats.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.learnstats.LearnstatsApplication;
import org.learnstats.outputs.OutputPart;
import org.learnstats.support.TestDatabase;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.SimpleJob;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;

/**
 * The job's steps come from the kind list in spec 2.2's order; the output parts run in the one
 * order the job's wiring lists, and none is left out of it.
 */
class OutputPartsTest {

	@Test
	void theJobIngestsEveryKindInOrderAndWritesEveryOutputPartOnceInTheListedOrder() {
		TestDatabase db = TestDatabase.h2();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LearnstatsApplication.class)
			.run(db.springArgs())) {
			Job job = context.getBean(Job.class);
			assertThat(((SimpleJob) job).getStepNames()).containsExactly("scanInbox", "ingestUnits", "ingestPeople",
					"ingestSurveys", "ingestAttendance", "ingestTraining", "ingestResearch", "ingestResponses",
					"refreshIndicators", "writeOutputs");
			OutputParts parts = context.getBean(OutputParts.class);
			assertThat(parts.inOrder()).extracting((p) -> p.getClass().getSimpleName())
				.containsExactly("RestrictedListsPart", "TablesPart", "IndicatorsCsvPart", "DataQualityPart", "OpenProblemsPart",
						"ChartsPart", "PackPart", "DashboardPart", "RunReportPart");
			// the first stage's parts are written side by side; the dashboard alone, after the charts and packs it links
			assertThat(parts.stages()).extracting(List::size).containsExactly(4, 1, 1, 1, 1, 1);
			// the open problems go into the data-quality part's folder: they could not share its stage
			List<OutputPart> quality = List.of(parts.inOrder().get(3), parts.inOrder().get(4));
			assertThatThrownBy(() -> OutputParts.requireDisjointFiles(quality)).hasMessageContaining("data-quality/");
			assertThat(parts.inOrder())
				.containsExactlyInAnyOrderElementsOf(context.getBeansOfType(OutputPart.class).values());
			// the order lives in the list alone, not in annotations on the parts
			assertThat(parts.inOrder())
				.noneMatch((p) -> p.getClass().isAnnotationPresent(Order.class)
						|| Arrays.stream(p.getClass().getInterfaces()).anyMatch((i) -> i.isAnnotationPresent(Order.class)));
		}
	}

}
