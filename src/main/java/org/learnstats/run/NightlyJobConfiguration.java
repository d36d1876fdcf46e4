package org.learnstats.run;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import javax.sql.DataSource;

import org.learnstats.indicators.DeliveryHistory;
import org.learnstats.indicators.IndicatorRefresher;
import org.learnstats.ingest.ExportKind;
import org.learnstats.ingest.InboxPlan;
import org.learnstats.ingest.IngestLimits;
import org.learnstats.ingest.InboxPlan.PlannedFile;
import org.learnstats.ingest.ProgressListener;
import org.learnstats.outputs.OutputFolder;
import org.learnstats.store.DeliveryLedger;
import org.learnstats.store.DeliveryWriter;
import org.learnstats.store.StoreDialect;
import org.learnstats.store.YearPartitions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly job: scan the inbox, ingest each kind in the order of spec section 2.2, refresh
 * the indicators, write and publish the outputs. Every ingest chunk (a few files) is one
 * transaction holding the files' rows, rejects and delivery records.
 * <p>
 * Every step may run again when a failed or stopped run is resumed: the scan plans only files
 * the ledger does not hold yet, so a resumed run is simply the rest of the work, and the
 * indicators and outputs are recomputed from the whole store.
 */
@Configuration(proxyBeanMethods = false)
class NightlyJobConfiguration {

	static final String JOB_NAME = "nightlyJob";

	private final JobRepository jobRepository;

	private final PlatformTransactionManager transactionManager;

	private final DataSource dataSource;

	private final DeliveryLedger ledger;

	private final InboxPlan plan;

	private final int filesPerChunk;

	private final ProgressListener progress;

	private final IngestLimits limits;

	private final int ingestThreads;

	private final int filesPerPartition;

	NightlyJobConfiguration(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			DataSource dataSource, DeliveryLedger ledger, InboxPlan plan, ProgressListener progress,
			IngestLimits limits, @Value("${learnstats.ingest.files-per-chunk:16}") int filesPerChunk,
			@Value("${learnstats.ingest.threads:2}") int ingestThreads,
			@Value("${learnstats.workers.ingest-files-per-partition:64}") int filesPerPartition) {
		this.ingestThreads = ingestThreads;
		this.filesPerPartition = filesPerPartition;
		this.progress = progress;
		this.limits = limits;
		this.jobRepository = jobRepository;
		this.transactionManager = transactionManager;
		this.dataSource = dataSource;
		this.ledger = ledger;
		this.plan = plan;
		this.filesPerChunk = filesPerChunk;
	}

	/**
	 * Scan, then one ingest step per export kind in the order of spec section 2.2 (the kind list
	 * decides the steps: a new kind is a new step), then the indicators and the outputs.
	 */
	@Bean
	Job nightlyJob(Step scanInbox, List<ExportKind> kinds, Step refreshIndicators, Step writeOutputs,
			ObjectProvider<WorkersConfiguration.OutputSteps> workers,
			ObjectProvider<WorkersConfiguration.IngestSteps> ingestByWorkers) {
		SimpleJobBuilder job = new JobBuilder(JOB_NAME, this.jobRepository).start(scanInbox);
		// learnstats.workers.enabled: an event kind's files are partitions taken by workers, still
		// one kind after the other; registers stay here (their checks learn from the files before)
		WorkersConfiguration.IngestSteps remote = ingestByWorkers.getIfAvailable();
		kinds.stream()
			.sorted(Comparator.comparingInt(ExportKind::order))
			.map((kind) -> (remote != null && kind.appendsEvents())
					? remote.ingest(kind, stepName(kind), announcer()) : ingest(kind))
			.forEach(job::next);
		job.next(refreshIndicators);
		WorkersConfiguration.OutputSteps partitioned = workers.getIfAvailable();
		if (partitioned == null) {
			return job.next(writeOutputs).build();
		}
		// learnstats.workers.enabled: the outputs are partitions taken by workers
		return job.next(partitioned.prepare()).next(partitioned.write()).next(partitioned.publish()).build();
	}

	@Bean
	Step scanInbox(List<ExportKind> kinds) {
		return new StepBuilder("scanInbox", this.jobRepository)
			.tasklet(new ScanInboxTasklet(kinds, this.ledger, this.plan, this.progress, this.limits,
					new YearPartitions(this.dataSource, kinds)), this.transactionManager)
			.listener(announcer())
			.allowStartIfComplete(true)
			.build();
	}

	/**
	 * The indicators, with the half of the delivery history that does not read them beside them
	 * ({@link HistoryBesideRefresh}), then the other half; on a first night (nothing published yet, so every
	 * chart and pack is drawn) the output parts rehearse their drawing meanwhile ({@link Rehearsal}),
	 * unless workers draw them (their processes would not profit from this one's compiled code).
	 */
	@Bean
	Step refreshIndicators(IndicatorRefresher refresher, DeliveryHistory history, OutputParts parts,
			ObjectProvider<WorkersConfiguration.OutputSteps> workers) {
		boolean drawnHere = workers.getIfAvailable() == null;
		return new StepBuilder("refreshIndicators", this.jobRepository).tasklet((contribution, chunk) -> {
			RunParameters run = RunParameters.of(chunk.getStepContext().getStepExecution().getJobParameters());
			boolean firstNight = new OutputFolder(run.out()).published() == null;
			try (Rehearsal rehearsal = (drawnHere && firstNight) ? Rehearsal.start(parts.inOrder())
					: Rehearsal.none()) {
				HistoryBesideRefresh recording = HistoryBesideRefresh.start(history, run.runId(),
						this.transactionManager);
				contribution.incrementWriteCount(recording.beside(() -> refresher.refresh(run.asOf())));
				history.recordSeen(run.runId());
			}
			return RepeatStatus.FINISHED;
		}, this.transactionManager).listener(announcer()).allowStartIfComplete(true).build();
	}

	@Bean
	Step writeOutputs(OutputParts parts, @Value("${learnstats.restricted-dir:}") String restrictedDir,
			@Value("${learnstats.outputs.threads:2}") int threads) {
		Path restricted = restrictedDir.isBlank() ? null : Path.of(restrictedDir).toAbsolutePath().normalize();
		return new StepBuilder("writeOutputs", this.jobRepository)
			.tasklet(new WriteOutputsTasklet(parts.stages(), threads, parts.readModels(), restricted, null),
					this.transactionManager)
			.listener(announcer())
			.allowStartIfComplete(true)
			.build();
	}

	/** Tells the progress listener which step the run is in. */
	private StepExecutionListener announcer() {
		return new StepExecutionListener() {
			@Override
			public void beforeStep(StepExecution stepExecution) {
				NightlyJobConfiguration.this.progress.stepStarted(stepExecution.getStepName());
			}
		};
	}

	private static String stepName(ExportKind kind) {
		return "ingest" + Character.toUpperCase(kind.name().charAt(0)) + kind.name().substring(1);
	}

	/**
	 * The ingest step of one kind, named after it (ingestUnits, ingestPeople, ...): on PostgreSQL an
	 * event kind's files are applied by {@code learnstats.ingest.threads} threads ({@link ParallelIngest});
	 * registers, whose checks learn from the files before, and H2's store take one chunk at a time.
	 */
	private Step ingest(ExportKind kind) {
		String name = stepName(kind);
		if (kind.appendsEvents() && this.ingestThreads > 1
				&& StoreDialect.of(this.dataSource) == StoreDialect.POSTGRESQL) {
			return new StepBuilder(name, this.jobRepository)
				.tasklet(new ParallelIngest(kind, this.plan, this.dataSource, this.ledger, this.progress,
						this.limits, this.transactionManager, this.jobRepository, this.ingestThreads,
						this.filesPerChunk, this.filesPerPartition), this.transactionManager)
				.listener(announcer())
				.allowStartIfComplete(true)
				.build();
		}
		PlannedFileReader reader = new PlannedFileReader(this.plan, kind.name());
		DeliveryWriter writer = new DeliveryWriter(this.dataSource, this.ledger, kind, this.plan, this.progress,
				this.limits);
		return new StepBuilder(name, this.jobRepository).<PlannedFile, PlannedFile>chunk(this.filesPerChunk)
			.transactionManager(this.transactionManager)
			.reader(reader)
			.writer(writer)
			.listener(reader)
			.listener(writer)
			.listener(announcer())
			.allowStartIfComplete(true)
			.build();
	}

}
