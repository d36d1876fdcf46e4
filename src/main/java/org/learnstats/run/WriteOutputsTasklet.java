package org.learnstats.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.learnstats.outputs.OutputContext;
import org.learnstats.outputs.OutputFailures;
import org.learnstats.outputs.OutputFolder;
import org.learnstats.outputs.OutputPart;
import org.learnstats.outputs.Restricted;
import org.learnstats.readmodel.ReadModels;
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

	/** The parts in stages ({@link OutputParts#stages()}). */
	private final List<List<OutputPart>> stages;

	private final OutputStages writer;

	/** Where restricted/ is published when kept out of the output folder, else {@code null}. */
	private final Path restrictedDir;


	/** With workers: the parts the workers wrote, whose failures come first; else {@code null}. */
	private final OutputPartitions partitions;

	/** Makes the run's read model, the one every part reads from. */
	private final ReadModels readModels;

	/**
	 * The manager's last output step when workers write the other parts: it publishes the folder
	 * {@link OutputPartitions} prepared and its workers wrote, after writing {@code parts} itself.
	 */
	WriteOutputsTasklet(List<List<OutputPart>> stages, int threads, ReadModels readModels, Path restrictedDir,
			OutputPartitions partitions) {
		this.stages = stages;
		this.writer = new OutputStages(threads);
		this.readModels = readModels;
		this.restrictedDir = restrictedDir;
		this.partitions = partitions;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		RunParameters run = RunParameters.of(chunkContext.getStepContext().getStepExecution().getJobParameters());
		ExecutionContext job = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
		job.remove(NOT_REBUILT);
		job.remove(NOT_PUBLISHED);
		OutputFolder folder = new OutputFolder(run.out());
		Path building = (this.partitions == null) ? folder.prepare(run.runId()) : this.partitions.building(job);
		OutputFailures failures = new OutputFailures();
		OutputContext context = new OutputContext(run.runId(), run.asOf(), building, folder.published(), failures,
				this.readModels.open());
		try {
			boolean restrictedFailed = false;
			List<List<OutputPart>> own = this.stages;
			if (this.partitions != null) {
				OutputPartitions.Collected collected = this.partitions
					.collect(chunkContext.getStepContext().getStepExecution(), failures);
				restrictedFailed = collected.restrictedFailed();
				own = new ArrayList<>(collected.pieced().stream().map((p) -> List.of(finishing(p))).toList());
				own.addAll(this.stages);
			}
			for (OutputPart part : this.writer.write(own, context)) {
				restrictedFailed |= part.files().stream().anyMatch((f) -> f.startsWith(Restricted.DIR));
			}
			Path restricted = building.resolve(Restricted.DIR);
			Restricted.seal(restricted);
			if (this.restrictedDir != null && !this.restrictedDir.startsWith(folder.out())) {
				publishRestricted(restricted, run.runId(), restrictedFailed);
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
	 * restricted/ kept out of the output folder ({@code learnstats.restricted-dir}): published there
	 * on its own, the same way (a link switched by one rename), just before the output folder. When
	 * a part writing it failed, last night's restricted folder stays published as a whole.
	 */
	private void publishRestricted(Path built, long runId, boolean partFailed) throws IOException {
		if (partFailed) {
			logger.warn("restricted files not republished in " + this.restrictedDir + ": last night's are kept");
		}
		else {
			OutputFolder restricted = new OutputFolder(this.restrictedDir);
			Path building = restricted.prepare(runId);
			PackRun.copyTree(built, building);
			Restricted.seal(building);
			restricted.publish(building);
		}
		OutputFolder.deleteQuietly(built);
	}

	/** What is left of a part its workers wrote in pieces: its files over all pieces (an index). */
	private static OutputPart finishing(OutputPart part) {
		return new OutputPart() {
			@Override
			public void write(OutputContext context) throws IOException {
				part.finishPieces(context);
			}

			@Override
			public List<String> files() {
				return part.files();
			}

			@Override
			public String label() {
				return part.label();
			}
		};
	}

	/**
	 * Writes one part; when it throws, keeps its previous files and records it.
	 * @return whether the part was written
	 * @throws IOException when the disk is full: no later part could write either
	 */
	static boolean write(OutputPart part, OutputContext context) throws IOException {
		long started = System.nanoTime();
		try {
			part.write(context);
			logger.info("%s written in %d ms".formatted(part.label(), (System.nanoTime() - started) / 1_000_000));
			return true;
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
		return false;
	}

	private static void failed(OutputPart part, OutputContext context, Throwable ex) {
		context.failures().add(part.label(), ex);
		logger.error(part.label() + " could not be rebuilt, the previous night's files are kept: " + ex, ex);
	}

}
