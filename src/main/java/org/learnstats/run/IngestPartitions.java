package org.learnstats.run;

import java.sql.Connection;
import java.sql.Savepoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.learnstats.ingest.ExportKind;
import org.learnstats.ingest.InboxPlan;
import org.learnstats.ingest.InboxPlan.PlannedFile;
import org.learnstats.ingest.IngestLimits;
import org.learnstats.ingest.ProgressListener;
import org.learnstats.store.DeliveryLedger;
import org.learnstats.store.DeliveryWriter;
import org.learnstats.store.YearPartitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The ingest of an event kind (attendance, training, research, responses) spread over workers:
 * the manager's step for the kind splits the files the scan planned for it into partitions
 * ({@link IngestGroups}: a unit folder's files together, in the scan's order), and each worker
 * applies its partition's files a chunk at a time ({@link #worker()}) with the same
 * {@link DeliveryWriter} as one process, each chunk one transaction with its files' rows, rejects
 * and delivery rows. Registers (units, people, surveys) stay on the manager: their checks learn
 * from the files applied before, in order.
 * <p>
 * A key two partitions both bring ends with the later delivery's row, whichever worker comes
 * first ({@link DeliveryWriter#alongsideOthers}); a chunk the store refused for another worker's
 * sake goes again.
 */
class IngestPartitions {

	private static final Logger logger = LoggerFactory.getLogger(IngestPartitions.class);

	/** The worker step; each partition's step execution is named {@code ingestPart:<kind><night>p<n>}. */
	static final String WORKER_STEP = "ingestPart";

	private static final String NEXT = "ingest.next";

	/** Times a chunk refused for another worker's sake goes again before the partition fails (ParallelIngest's too). */
	static final int ATTEMPTS = 20;

	private final InboxPlan plan;

	private final List<ExportKind> kinds;

	private final DataSource dataSource;

	private final DeliveryLedger ledger;

	private final ProgressListener progress;

	private final IngestLimits limits;

	private final int filesPerChunk;

	private final int filesPerPartition;

	IngestPartitions(InboxPlan plan, List<ExportKind> kinds, DataSource dataSource, DeliveryLedger ledger,
			ProgressListener progress, IngestLimits limits, int filesPerChunk, int filesPerPartition) {
		this.plan = plan;
		this.kinds = kinds;
		this.dataSource = dataSource;
		this.ledger = ledger;
		this.progress = progress;
		this.limits = limits;
		this.filesPerChunk = filesPerChunk;
		this.filesPerPartition = filesPerPartition;
	}

	/** The partitioner of one kind's manager step (also its listener: partitions are named per night). */
	Manager manager(ExportKind kind) {
		return new Manager(kind);
	}

	/** Splits the kind's planned files; names are new each night, so no partition is ever taken for another's. */
	final class Manager implements Partitioner, StepExecutionListener {

		private final ExportKind exportKind;

		private final String kind;

		private volatile StepExecution step;

		private Manager(ExportKind kind) {
			this.exportKind = kind;
			this.kind = kind.name();
		}

		@Override
		public void beforeStep(StepExecution stepExecution) {
			this.step = stepExecution;
		}

		/**
		 * Once every partition is in: a key two workers brought in different years keeps only the
		 * later delivery's row (PostgreSQL's yearly partitions each see their own year's keys).
		 * Every delivery of the run is looked at, those of an earlier attempt too; when that fails,
		 * the step fails, and the run's resumption looks again.
		 */
		@Override
		public ExitStatus afterStep(StepExecution stepExecution) {
			if (stepExecution.getStatus() != BatchStatus.COMPLETED) {
				return stepExecution.getExitStatus();
			}
			try {
				long runId = RunParameters.of(stepExecution.getJobParameters()).runId();
				long first = IngestPartitions.this.ledger.lastDeliveryIdBefore(runId) + 1;
				new YearPartitions(IngestPartitions.this.dataSource, IngestPartitions.this.kinds)
					.dropReplacedAcrossYears(this.exportKind, first);
				return stepExecution.getExitStatus();
			}
			catch (RuntimeException ex) {
				logger.error("{}: keys delivered in two years could not be reconciled", this.kind, ex);
				stepExecution.setStatus(BatchStatus.FAILED);
				return ExitStatus.FAILED.addExitDescription(ex);
			}
		}

		@Override
		public Map<String, ExecutionContext> partition(int gridSize) {
			List<List<PlannedFile>> groups = IngestGroups.of(IngestPartitions.this.plan.files(this.kind),
					IngestPartitions.this.filesPerPartition);
			Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
			for (List<PlannedFile> group : groups) {
				ExecutionContext context = new ExecutionContext();
				PlannedFilesContext.put(context, this.kind, group);
				context.putInt(NEXT, 0);
				partitions.put(this.kind + this.step.getJobExecutionId() + "p" + partitions.size(), context);
			}
			logger.info("{}: {} files in {} partitions", this.kind, IngestPartitions.this.plan.files(this.kind).size(),
					partitions.size());
			return partitions;
		}

	}

	/**
	 * A worker's step: the partition's next chunk of files, in one transaction with the context
	 * that says how far the partition got; a chunk refused for another worker's sake is rolled back
	 * to its start and goes again.
	 */
	Tasklet worker() {
		return (contribution, chunk) -> {
			StepExecution step = chunk.getStepContext().getStepExecution();
			ExecutionContext partition = step.getExecutionContext();
			List<PlannedFile> files = PlannedFilesContext.files(partition, this.kinds);
			int from = partition.getInt(NEXT, 0);
			int to = Math.min(files.size(), from + this.filesPerChunk);
			String kindName = partition.getString(PlannedFilesContext.KIND);
			ExportKind kind = files.isEmpty() ? null : files.get(0).file().kind();
			if (from < to) {
				RunParameters run = RunParameters.of(step.getJobParameters());
				InboxPlan night = new InboxPlan();
				night.reset(run.runId(), run.asOf());
				Chunk<PlannedFile> some = new Chunk<>(files.subList(from, to));
				Connection connection = DataSourceUtils.getConnection(this.dataSource);
				for (int attempt = 1;; attempt++) {
					Savepoint start = connection.setSavepoint();
					try {
						DeliveryWriter.alongsideOthers(this.dataSource, this.ledger, kind, night, this.progress,
								this.limits)
							.write(some);
						connection.releaseSavepoint(start);
						break;
					}
					catch (DeliveryWriter.Contention ex) {
						connection.rollback(start);
						if (attempt >= ATTEMPTS) {
							throw ex;
						}
						logger.info("{} {}: files {}..{} go again after the store refused them ({})",
								step.getStepName(), kindName, from, to - 1, ex.getMessage());
					}
				}
				contribution.incrementWriteCount(to - from);
			}
			partition.putInt(NEXT, to);
			return (to < files.size()) ? RepeatStatus.CONTINUABLE : RepeatStatus.FINISHED;
		};
	}

}
