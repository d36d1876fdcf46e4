package org.learnstats.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.learnstats.outputs.OutputContext;
import org.learnstats.outputs.OutputFailures;
import org.learnstats.outputs.OutputFolder;
import org.learnstats.outputs.OutputPart;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Has every output part write into a fresh folder, then publishes it in one switch. A part that
 * throws does not withhold the others: its partial files are removed, the previous night's files
 * of the part are kept, and the failure is recorded for the dashboard's banner, {@code run.json},
 * the summary and the exit code (1). A full disk stops the outputs: the partial build is removed
 * and the published folder stays as it was.
 */
class WriteOutputsTasklet implements Tasklet {

	/** Job context key: the parts not rebuilt, one "part (cause)" per line. */
	static final String NOT_REBUILT = "outputs.notRebuilt";

	/** Job context key: why nothing was published, when nothing was. */
	static final String NOT_PUBLISHED = "outputs.notPublished";

	private static final Log logger = LogFactory.getLog(WriteOutputsTasklet.class);

	private final List<OutputPart> parts;

	WriteOutputsTasklet(List<OutputPart> parts) {
		this.parts = parts;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		RunParameters run = RunParameters.of(chunkContext.getStepContext().getStepExecution().getJobParameters());
		ExecutionContext job = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
		job.remove(NOT_REBUILT);
		job.remove(NOT_PUBLISHED);
		OutputFolder folder = new OutputFolder(run.out());
		Path building = folder.prepare(run.runId());
		OutputFailures failures = new OutputFailures();
		OutputContext context = new OutputContext(run.runId(), run.asOf(), building, folder.published(), failures);
		try {
			for (OutputPart part : this.parts) {
				write(part, context);
			}
			folder.publish(building);
		}
		catch (IOException ex) {
			folder.discard(building);
			String why = OutputFolder.isDiskFull(ex) ? "the disk is full"
					: "they could not be written (" + ex.getClass().getSimpleName() + ")";
			String line = "Outputs not published: " + why + "; " + folder.out()
					+ " is unchanged and the partial build was removed";
			logger.error(line);
			job.putString(NOT_PUBLISHED, line);
			return RepeatStatus.FINISHED;
		}
		if (!failures.isEmpty()) {
			job.putString(NOT_REBUILT, String.join("\n", failures.list().stream().map(Object::toString).toList()));
		}
		logger.info("outputs published in " + folder.out());
		return RepeatStatus.FINISHED;
	}

	/**
	 * Writes one part; when it throws, keeps its previous files and records it.
	 * @throws IOException when the disk is full: no later part could write either
	 */
	private static void write(OutputPart part, OutputContext context) throws IOException {
		long started = System.nanoTime();
		try {
			part.write(context);
			logger.info("%s written in %d ms".formatted(part.label(), (System.nanoTime() - started) / 1_000_000));
			return;
		}
		catch (Exception | StackOverflowError ex) {
			if (OutputFolder.isDiskFull(ex)) {
				throw (ex instanceof IOException io) ? io : new IOException(ex);
			}
			failed(part, context, ex);
		}
		for (String file : part.files()) {
			OutputFolder.keepPrevious(context, file);
		}
	}

	private static void failed(OutputPart part, OutputContext context, Throwable ex) {
		context.failures().add(part.label(), ex);
		logger.error(part.label() + " could not be rebuilt, the previous night's files are kept: " + ex, ex);
	}

}
