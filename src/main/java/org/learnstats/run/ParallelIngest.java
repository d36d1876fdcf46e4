package org.learnstats.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.learnstats.ingest.ExportKind;
import org.learnstats.ingest.InboxPlan;
import org.learnstats.ingest.InboxPlan.PlannedFile;
import org.learnstats.ingest.IngestLimits;
import org.learnstats.ingest.ProgressListener;
import org.learnstats.store.DeliveryLedger;
import org.learnstats.store.DeliveryWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.StoppableTasklet;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ingest of an event kind on PostgreSQL by several threads of the one process: the kind's
 * planned files in the workers' partitions ({@link IngestGroups}: a unit folder's files together,
 * in the scan's order), each thread taking the next partition and applying it a chunk at a time,
 * each chunk one transaction, with the writer the workers use ({@link DeliveryWriter#alongsideOthers}:
 * a key two partitions both bring ends with the later delivery's row, and the chunks look into the
 * other years' partitions one at a time; a chunk the store refused for the other thread's sake goes
 * again). One writer alone keeps one core busy only part of the time
 * (it parses while the server waits, then the server inserts while it waits); two keep both.
 * <p>
 * Stopping (SIGTERM, {@link #stop}) ends each thread at its next chunk boundary, and the step
 * stops as the one-thread step would; a failing thread stops the other one and fails the step.
 * Each chunk's files are in the ledger once it committed, so a resumed run plans the rest.
 */
final class ParallelIngest implements StoppableTasklet {

	private static final Logger logger = LoggerFactory.getLogger(ParallelIngest.class);

	/** How often the waiting step looks whether the run was asked to stop. */
	private static final long POLL_MILLIS = 200;

	private final ExportKind kind;

	private final InboxPlan plan;

	private final DataSource dataSource;

	private final DeliveryLedger ledger;

	private final ProgressListener progress;

	private final IngestLimits limits;

	private final PlatformTransactionManager transactionManager;

	private final JobRepository jobRepository;

	private final int threads;

	private final int filesPerChunk;

	private final int filesPerPartition;

	private volatile boolean stopping;

	ParallelIngest(ExportKind kind, InboxPlan plan, DataSource dataSource,
			DeliveryLedger ledger, ProgressListener progress, IngestLimits limits,
			PlatformTransactionManager transactionManager, JobRepository jobRepository, int threads,
			int filesPerChunk, int filesPerPartition) {
		this.kind = kind;
		this.plan = plan;
		this.dataSource = dataSource;
		this.ledger = ledger;
		this.progress = progress;
		this.limits = limits;
		this.transactionManager = transactionManager;
		this.jobRepository = jobRepository;
		this.threads = threads;
		this.filesPerChunk = filesPerChunk;
		this.filesPerPartition = filesPerPartition;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		this.stopping = false;
		StepExecution step = chunkContext.getStepContext().getStepExecution();
		List<PlannedFile> files = this.plan.files(this.kind.name());
		Queue<List<PlannedFile>> partitions = new ConcurrentLinkedQueue<>(IngestGroups.of(files, this.filesPerPartition));
		int threadCount = Math.min(this.threads, partitions.size());
		AtomicInteger applied = new AtomicInteger();
		if (threadCount > 0) {
			ExecutorService pool = Executors.newFixedThreadPool(threadCount, threads());
			try {
				List<Future<?>> running = new ArrayList<>();
				for (int i = 0; i < threadCount; i++) {
					running.add(pool.submit(() -> {
						drain(partitions, applied);
						return null;
					}));
				}
				awaitAll(running, step.getJobExecutionId());
			}
			finally {
				pool.shutdownNow();
			}
		}
		contribution.incrementWriteCount(applied.get());
		if (this.stopping) {
			throw new JobInterruptedException("stopped after " + applied.get() + " of " + files.size() + " "
					+ this.kind.name() + " files", BatchStatus.STOPPED);
		}
		return RepeatStatus.FINISHED;
	}

	/** Daemon threads named {@code ingest-1}, {@code ingest-2}, ... (the log and a thread dump say whose they are). */
	private static CustomizableThreadFactory threads() {
		CustomizableThreadFactory factory = new CustomizableThreadFactory("ingest-");
		factory.setDaemon(true);
		return factory;
	}

	@Override
	public void stop(StepExecution stepExecution) {
		stop();
	}

	@Override
	@SuppressWarnings("deprecation")
	public void stop() {
		this.stopping = true;
	}

	/** Waits for every thread; a failure stops the others and is thrown once they ended. */
	private void awaitAll(List<Future<?>> running, long jobExecutionId) throws Exception {
		Exception failure = null;
		for (Future<?> f : running) {
			while (true) {
				try {
					f.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
					break;
				}
				catch (TimeoutException ex) {
					if (!this.stopping && stopRequested(jobExecutionId)) {
						this.stopping = true;
					}
				}
				catch (ExecutionException ex) {
					this.stopping = true;
					if (failure == null) {
						failure = cause(ex);
					}
					else {
						failure.addSuppressed(ex.getCause());
					}
					break;
				}
			}
		}
		if (failure != null) {
			this.stopping = false;
			throw failure;
		}
	}

	/** What a thread failed with, as the one-thread step would have thrown it. */
	private static Exception cause(ExecutionException ex) {
		Throwable cause = ex.getCause();
		if (cause instanceof ChunkFailed failed) {
			cause = failed.getCause();
		}
		return (cause instanceof Exception e) ? e : ex;
	}

	/** Whether the run was asked to stop (the job operator marks it STOPPING in the repository). */
	private boolean stopRequested(long jobExecutionId) {
		JobExecution execution = this.jobRepository.getJobExecution(jobExecutionId);
		return execution != null && execution.getStatus() == BatchStatus.STOPPING;
	}

	/** One thread: the next partition, a chunk at a time, until none is left or the step stops. */
	private void drain(Queue<List<PlannedFile>> partitions, AtomicInteger applied) {
		DeliveryWriter writer = DeliveryWriter.alongsideOthers(this.dataSource, this.ledger, this.kind, this.plan,
				this.progress, this.limits);
		TransactionTemplate tx = new TransactionTemplate(this.transactionManager);
		tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		List<PlannedFile> partition;
		while (!this.stopping && (partition = partitions.poll()) != null) {
			for (int from = 0; from < partition.size() && !this.stopping; from += this.filesPerChunk) {
				Chunk<PlannedFile> chunk = new Chunk<>(
						partition.subList(from, Math.min(partition.size(), from + this.filesPerChunk)));
				write(writer, tx, chunk);
				applied.addAndGet(chunk.size());
			}
		}
	}

	private void write(DeliveryWriter writer, TransactionTemplate tx, Chunk<PlannedFile> chunk) {
		for (int attempt = 1;; attempt++) {
			try {
				tx.executeWithoutResult((status) -> {
					try {
						writer.write(chunk);
					}
					catch (RuntimeException ex) {
						throw ex;
					}
					catch (Exception ex) {
						throw new ChunkFailed(ex);
					}
				});
				return;
			}
			catch (DeliveryWriter.Contention ex) {
				if (attempt >= IngestPartitions.ATTEMPTS) {
					throw ex;
				}
				logger.info("{}: files {}..{} go again after the store refused them ({})", this.kind.name(),
						chunk.getItems().get(0).file().relativePath(),
						chunk.getItems().get(chunk.size() - 1).file().relativePath(), ex.getMessage());
			}
		}
	}

	/** A checked failure of a chunk's writer, carried out of the transaction (which it rolled back). */
	static final class ChunkFailed extends RuntimeException {

		private static final long serialVersionUID = 1L;

		ChunkFailed(Exception cause) {
			super(cause.getMessage(), cause);
		}

	}

}
