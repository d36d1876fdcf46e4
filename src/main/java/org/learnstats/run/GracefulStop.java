package org.learnstats.run;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * SIGTERM (systemctl stop, a shutdown, Ctrl-C) during a run: stop the job at the next chunk
 * boundary through {@link JobOperator#stop}, let the run write its ledger row, summary and metrics,
 * then end the process with exit code 1 (the run did not finish; the next run resumes it).
 * <p>
 * While a run is active, a JVM shutdown hook of our own asks the job to stop and waits for the run
 * to end, at most {@code learnstats.stop-timeout} (60 s by default, inside systemd's 90 s); Spring
 * Boot's own shutdown hook, which closes the context, is held back by the
 * {@link ContextClosedEvent} until then, so the store is not closed under a running chunk. A run
 * that does not stop in time is left as it is: the next run marks it abandoned and resumes.
 */
class GracefulStop implements ApplicationListener<ContextClosedEvent> {

	private static final Logger log = LoggerFactory.getLogger(GracefulStop.class);

	private final JobRepository jobRepository;

	private final JobOperator jobOperator;

	private final ConfigurableApplicationContext context;

	private final Duration timeout;

	private volatile Watch watch;

	GracefulStop(JobRepository jobRepository, JobOperator jobOperator, ConfigurableApplicationContext context,
			Duration timeout) {
		this.jobRepository = jobRepository;
		this.jobOperator = jobOperator;
		this.context = context;
		this.timeout = timeout;
	}

	/** Watches for a shutdown signal until {@link Watch#close()}. */
	Watch watch(long runId, String jobName) {
		Watch w = new Watch(runId, jobName);
		this.watch = w;
		Runtime.getRuntime().addShutdownHook(w.hook);
		return w;
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		Watch w = this.watch;
		if (w != null && event.getApplicationContext() == this.context) {
			// Spring Boot's shutdown hook: keep the store open until the run has stopped
			if (w.awaitEnd()) {
				publishWorkingCopy();
			}
		}
	}

	/** The stopped run's ledger row is written: on an embedded H2 store, its working copy becomes the store. */
	private void publishWorkingCopy() {
		this.context.getBeanProvider(H2WorkingCopy.class)
			.ifAvailable((copy) -> copy.publish(this.context.getBean(DataSource.class)));
	}

	final class Watch implements AutoCloseable {

		private final long runId;

		private final String jobName;

		private final Thread hook;

		private final CountDownLatch ended = new CountDownLatch(1);

		private final AtomicInteger exitCode = new AtomicInteger(ExitCodes.FAILED);

		private volatile boolean signalled;

		private Watch(long runId, String jobName) {
			this.runId = runId;
			this.jobName = jobName;
			this.hook = new Thread(this::onSignal, "learnstats-stop");
		}

		/** Whether a shutdown signal arrived during the run. */
		boolean signalled() {
			return this.signalled;
		}

		/** The run has ended with this exit code: a waiting signal handler may end the process. */
		void ended(int code) {
			this.exitCode.set(code);
			this.ended.countDown();
		}

		@Override
		public void close() {
			this.ended.countDown();
			if (GracefulStop.this.watch == this) {
				GracefulStop.this.watch = null;
			}
			if (!this.signalled) {
				try {
					Runtime.getRuntime().removeShutdownHook(this.hook);
				}
				catch (IllegalStateException ex) {
					// shutting down already
				}
			}
		}

		private void onSignal() {
			this.signalled = true;
			log.warn("Shutdown signal received: stopping run {} at the next chunk boundary (the next run resumes it)",
					this.runId);
			long deadline = System.nanoTime() + GracefulStop.this.timeout.toNanos();
			boolean asked = false;
			try {
				while (!this.ended.await(200, TimeUnit.MILLISECONDS)) {
					if (!asked) {
						asked = askToStop();
					}
					if (System.nanoTime() > deadline) {
						log.error("Run {} did not stop within {} s: ending the process now; the next run marks it "
								+ "abandoned and resumes", this.runId, GracefulStop.this.timeout.toSeconds());
						Runtime.getRuntime().halt(ExitCodes.FAILED);
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			// the run has ended and written its ledger row: close the store, then end with its code
			publishWorkingCopy();
			GracefulStop.this.context.close();
			Runtime.getRuntime().halt(this.exitCode.get());
		}

		private boolean askToStop() {
			boolean asked = false;
			for (JobExecution execution : GracefulStop.this.jobRepository.findRunningJobExecutions(this.jobName)) {
				try {
					GracefulStop.this.jobOperator.stop(execution);
					asked = true;
				}
				catch (JobExecutionNotRunningException ex) {
					// it ended on its own meanwhile
				}
				catch (RuntimeException ex) {
					log.warn("Could not ask job execution {} to stop: {}", execution.getId(), ex.toString());
				}
			}
			return asked;
		}

		/** Whether the run ended in time. */
		private boolean awaitEnd() {
			try {
				if (this.ended.await(GracefulStop.this.timeout.toMillis(), TimeUnit.MILLISECONDS)) {
					return true;
				}
				log.error("Run {} still running at shutdown", this.runId);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return false;
		}

		/** Parks the calling (main) thread once a signal ended the run: the shutdown hook ends the process. */
		void parkIfSignalled() {
			if (!this.signalled) {
				return;
			}
			while (true) {
				try {
					Thread.sleep(Long.MAX_VALUE);
				}
				catch (InterruptedException ex) {
					// the process is ending
				}
			}
		}

	}

}
