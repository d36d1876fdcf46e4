package org.learnstats.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.learnstats.outputs.OutputContext;
import org.learnstats.outputs.OutputFailures;
import org.learnstats.outputs.OutputFolder;
import org.learnstats.outputs.OutputPart;
import org.learnstats.outputs.Restricted;
import org.learnstats.readmodel.ReadModels;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The outputs of a night with workers, in three steps: the manager prepares the folder to build
 * ({@link #prepare()}), each worker writes the parts of one partition into it ({@link #worker()}),
 * and the manager collects what they could not rebuild ({@link #collect}) before it writes the
 * dashboard and run.json and publishes the folder ({@link WriteOutputsTasklet}). A partition is one
 * output part, or one piece of a part written in pieces ({@link OutputPart#pieces}: a group of unit
 * subtrees' charts, a group of indicators' tables, a quarter's organization pack or a group of its
 * units' packs); the manager's view of them is what each partition's step execution holds in the job
 * repository, which every process shares.
 * <p>
 * The folder being built must be reachable under the same path by every worker (one machine, or
 * a shared file system mounted at the same place).
 */
class OutputPartitions implements Partitioner, StepExecutionListener {

	private static final org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger(OutputPartitions.class);

	/** The worker step; each partition's step execution is named {@code writeOutputPart:partitionN}. */
	static final String WORKER_STEP = "writeOutputPart";

	/** Job context key: the folder being built tonight. */
	static final String BUILDING = "outputs.building";

	private static final String PREVIOUS = "outputs.previous";

	private static final String INDEX = "partition.index";

	private static final String PIECE = "partition.piece";

	private static final String ORDER = "partition.order";

	private static final String FAILURES = "partition.failures";

	private static final String RESTRICTED_FAILED = "partition.restrictedFailed";

	private final List<OutputPart> parts;

	private final JobRepository jobRepository;

	/** The manager step now running (one night at a time: the run lock). */
	private volatile StepExecution manager;

	/** What the manager collected: whether restricted files failed, and the parts written in pieces. */
	record Collected(boolean restrictedFailed, List<OutputPart> pieced) {
	}

	/** Makes each partition's read model (the manager's, to plan the pieces, and each worker's). */
	private final ReadModels readModels;

	OutputPartitions(List<OutputPart> parts, JobRepository jobRepository, ReadModels readModels) {
		this.parts = parts;
		this.jobRepository = jobRepository;
		this.readModels = readModels;
	}

	/** The manager's step before the partitions: a fresh folder to build in, named in the job context. */
	Tasklet prepare() {
		return (contribution, chunk) -> {
			StepExecution step = chunk.getStepContext().getStepExecution();
			RunParameters run = RunParameters.of(step.getJobParameters());
			ExecutionContext job = step.getJobExecution().getExecutionContext();
			job.remove(WriteOutputsTasklet.NOT_REBUILT);
			job.remove(WriteOutputsTasklet.NOT_PUBLISHED);
			OutputFolder folder = new OutputFolder(run.out());
			Path building = folder.prepare(run.runId());
			job.putString(BUILDING, building.toString());
			Path previous = folder.published();
			if (previous != null) {
				job.putString(PREVIOUS, previous.toString());
			}
			else {
				job.remove(PREVIOUS);
			}
			return RepeatStatus.FINISHED;
		};
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.manager = stepExecution;
	}

	/**
	 * One partition per part, or per piece of a part written in pieces (charts, tables, packs),
	 * numbered in the order one process writes them, each told where to build.
	 */
	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		ExecutionContext job = this.manager.getJobExecution().getExecutionContext();
		OutputContext context = context(this.manager, job.getString(BUILDING), job.getString(PREVIOUS, null),
				new OutputFailures());
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		for (int i = 0; i < this.parts.size(); i++) {
			List<String> pieces;
			try {
				pieces = this.parts.get(i).pieces(context);
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			for (String piece : pieces.isEmpty() ? java.util.Collections.<String>singletonList(null) : pieces) {
				ExecutionContext partition = new ExecutionContext();
				partition.putInt(ORDER, partitions.size());
				partition.putInt(INDEX, i);
				if (piece != null) {
					partition.putString(PIECE, piece);
				}
				partition.putString(BUILDING, job.getString(BUILDING));
				if (job.containsKey(PREVIOUS)) {
					partition.putString(PREVIOUS, job.getString(PREVIOUS));
				}
				partitions.put("partition" + partitions.size(), partition);
			}
		}
		return partitions;
	}

	private OutputContext context(StepExecution step, String building, String previous,
			OutputFailures failures) {
		RunParameters run = RunParameters.of(step.getJobParameters());
		return new OutputContext(run.runId(), run.asOf(), Path.of(building),
				(previous != null) ? Path.of(previous) : null, failures, this.readModels.open());
	}

	/**
	 * A worker's step: writes its partition's part into the folder being built; what could not be
	 * rebuilt goes into the partition's context for the manager (a part that throws does not fail
	 * the partition, as in one process; a full disk does).
	 */
	Tasklet worker() {
		return (contribution, chunk) -> {
			StepExecution step = chunk.getStepContext().getStepExecution();
			ExecutionContext partition = step.getExecutionContext();
			OutputFailures failures = new OutputFailures();
			OutputContext context = context(step, partition.getString(BUILDING), partition.getString(PREVIOUS, null),
					failures);
			OutputPart part = this.parts.get(partition.getInt(INDEX));
			String piece = partition.getString(PIECE, null);
			boolean failed;
			if (piece == null) {
				logger.info("{} writes {}", step.getStepName(), part.label());
				failed = !WriteOutputsTasklet.write(part, context);
			}
			else {
				// a piece keeps what it must itself; one that throws fails the night (nothing is published)
				logger.info("{} writes {} {}", step.getStepName(), part.label(), piece);
				long started = System.nanoTime();
				part.writePiece(context, piece);
				logger.info("{} {} written in {} ms", part.label(), piece, (System.nanoTime() - started) / 1_000_000);
				failed = false;
			}
			List<String> lines = new ArrayList<>();
			for (OutputFailures.Failure f : failures.list()) {
				lines.add(f.part() + "\t" + f.cause());
			}
			partition.putString(FAILURES, String.join("\n", lines));
			partition.putString(RESTRICTED_FAILED,
					String.valueOf(failed && part.files().stream().anyMatch((f) -> f.startsWith(Restricted.DIR))));
			contribution.incrementWriteCount(1);
			return RepeatStatus.FINISHED;
		};
	}

	/** The folder the manager prepared tonight. */
	Path building(ExecutionContext job) {
		return Path.of(job.getString(BUILDING));
	}

	/**
	 * Adds what the partitions of this job execution could not rebuild to {@code failures}, in the
	 * order one process would have met them.
	 * @return whether a part writing restricted files failed, and the parts written in pieces
	 * (their {@link OutputPart#finishPieces} is still to be done)
	 */
	Collected collect(StepExecution managerStep, OutputFailures failures) throws IOException {
		List<StepExecution> partitions = new ArrayList<>();
		for (StepExecution known : managerStep.getJobExecution().getStepExecutions()) {
			if (known.getStepName().startsWith(WORKER_STEP + ":")) {
				StepExecution stored = this.jobRepository.getStepExecution(known.getId());
				partitions.add((stored != null) ? stored : known);
			}
		}
		if (partitions.size() < this.parts.size()) {
			throw new IOException("expected at least " + this.parts.size() + " output partitions, found "
					+ partitions.size());
		}
		partitions.sort(Comparator.comparingInt((s) -> s.getExecutionContext().getInt(ORDER)));
		boolean restrictedFailed = false;
		List<OutputPart> pieced = new ArrayList<>();
		for (StepExecution partition : partitions) {
			ExecutionContext context = partition.getExecutionContext();
			String lines = context.getString(FAILURES, "");
			lines.lines().filter((l) -> !l.isEmpty()).forEach((l) -> {
				int tab = l.indexOf('\t');
				failures.add(new OutputFailures.Failure(l.substring(0, tab), l.substring(tab + 1)));
			});
			restrictedFailed |= Boolean.parseBoolean(context.getString(RESTRICTED_FAILED, "false"));
			OutputPart part = this.parts.get(context.getInt(INDEX));
			if (context.containsKey(PIECE) && !pieced.contains(part)) {
				pieced.add(part);
			}
		}
		return new Collected(restrictedFailed, pieced);
	}

}
