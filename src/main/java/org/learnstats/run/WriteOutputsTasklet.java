package org.learnstats.run;

import java.nio.file.Path;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.learnstats.outputs.OutputContext;
import org.learnstats.outputs.OutputFolder;
import org.learnstats.outputs.OutputPart;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Has every output part write into a fresh folder, then publishes it in one swap. */
class WriteOutputsTasklet implements Tasklet {

	private static final Log logger = LogFactory.getLog(WriteOutputsTasklet.class);

	private final List<OutputPart> parts;

	WriteOutputsTasklet(List<OutputPart> parts) {
		this.parts = parts;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		RunParameters run = RunParameters.of(chunkContext.getStepContext().getStepExecution().getJobParameters());
		OutputFolder folder = new OutputFolder(run.out());
		Path building = folder.prepare(run.runId());
		OutputContext context = new OutputContext(run.runId(), run.asOf(), building, folder.published());
		for (OutputPart part : this.parts) {
			long started = System.nanoTime();
			part.write(context);
			logger.info("%s written in %d ms".formatted(part.getClass().getSimpleName(),
					(System.nanoTime() - started) / 1_000_000));
		}
		folder.publish(building);
		logger.info("outputs published in " + folder.out());
		return RepeatStatus.FINISHED;
	}

}
