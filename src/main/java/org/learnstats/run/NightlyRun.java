package org.learnstats.run;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;

/**
 * The {@code run} command: under the run lock, marks what a killed run left behind as failed,
 * resumes the last run when it did not finish (same as-of date, inbox and output folder) or starts
 * a new one, launches the {@code nightlyJob}, and ends with the ledger row, the summary, the
 * metrics file and the exit code: 0 done, 3 done with rejects, 1 failed or stopped.
 */
class NightlyRun {

	/** The job a run launches; {@code learnstats.run.job} names another (tests use their own). */
	static final String JOB_NAME = "nightlyJob";

	/** The job parameter counting the attempts of one run. */
	static final String ATTEMPT = "run.attempt";

	private static final Logger log = LoggerFactory.getLogger(NightlyRun.class);

	private final DataSource dataSource;

	private final RunLedger ledger;

	private final JobRepository jobRepository;

	private final JobOperator jobOperator;

	private final BeanFactory beans;

	private final GracefulStop gracefulStop;

	private final LoggingProgress progress;

	private final RunEnd runEnd;

	private final Clock clock;

	private final ZoneId zone;

	private final String jobName;

	NightlyRun(DataSource dataSource, JobRepository jobRepository, JobOperator jobOperator, BeanFactory beans,
			GracefulStop gracefulStop, LoggingProgress progress, RunEnd runEnd, Clock clock, ZoneId zone,
			String jobName) {
		this.dataSource = dataSource;
		this.ledger = new RunLedger(dataSource);
		this.jobRepository = jobRepository;
		this.jobOperator = jobOperator;
		this.beans = beans;
		this.gracefulStop = gracefulStop;
		this.progress = progress;
		this.runEnd = runEnd;
		this.clock = clock;
		this.zone = zone;
		this.jobName = jobName;
	}

	/** Marks runs and job executions left RUNNING by a process that died as failed. Call under the lock. */
	void recoverAbandoned(String jobName) {
		for (Long runId : this.ledger.abandonStale(now())) {
			log.warn("Run {} was left running by a process that ended without finishing it: marked failed (abandoned)",
					runId);
		}
		for (JobExecution execution : this.jobRepository.findRunningJobExecutions(jobName)) {
			String left = execution.getStatus().toString();
			this.jobOperator.recover(execution);
			log.warn("Job execution {} was left {} by a process that ended: marked failed", execution.getId(), left);
		}
	}

	int run(Command.Run command, String commandLine) {
		long started = System.nanoTime();
		Job job;
		try {
			job = this.beans.getBean(this.jobName, Job.class);
		}
		catch (NoSuchBeanDefinitionException ex) {
			log.error("No job named {} in this build: nothing was run", this.jobName);
			return ExitCodes.FAILED;
		}
		recoverAbandoned(job.getName());
		Optional<Long> resumable = this.ledger.resumable(command.asOf(), command.inbox(), command.out());
		long runId;
		if (resumable.isPresent()) {
			runId = resumable.get();
			this.ledger.resume(runId, commandLine);
			log.info("Run {} resumed: it did not finish; as-of {}, inbox {}, out {}", runId, command.asOf(),
					command.inbox(), command.out());
		}
		else {
			runId = this.ledger.nextId();
			this.ledger.start(runId, "run", command.asOf(), command.inbox(), command.out(), commandLine, now());
			log.info("Run {} started: as-of {}, inbox {}, out {}", runId, command.asOf(), command.inbox(),
					command.out());
		}
		GracefulStop.Watch watch = this.gracefulStop.watch(runId, job.getName());
		int exit = ExitCodes.FAILED;
		try {
			exit = launch(job, runId, command, watch, started);
		}
		finally {
			// whatever happened, a waiting signal handler may now end the process
			watch.ended(exit);
			watch.close();
		}
		watch.parkIfSignalled();
		return exit;
	}

	private int launch(Job job, long runId, Command.Run command, GracefulStop.Watch watch, long started) {
		JobExecution execution = null;
		String failure = null;
		this.progress.start();
		try {
			if (watch.signalled()) {
				throw new IllegalStateException("shutdown signal received before the job started");
			}
			execution = this.jobOperator.start(job, parameters(runId, command));
		}
		catch (Exception ex) {
			failure = ex.toString();
			log.error("Run {} failed to start: {}", runId, Secrets.mask(ex.toString()), ex);
		}
		finally {
			this.progress.stop();
		}
		int exit;
		String status;
		String message;
		RunTotals totals = RunTotals.load(this.dataSource, runId);
		List<String> outputProblems = (execution != null) ? outputProblems(execution) : List.of();
		if (execution != null && execution.getStatus() == BatchStatus.COMPLETED && !outputProblems.isEmpty()) {
			// the store is up to date; a part of the outputs is not: page the operator, do not resume
			exit = ExitCodes.FAILED;
			status = RunLedger.COMPLETED;
			message = String.join("; ", outputProblems);
			log.error("Run {} done, but outputs are incomplete: {}", runId, Secrets.mask(message));
		}
		else if (execution != null && execution.getStatus() == BatchStatus.COMPLETED) {
			exit = totals.exitCode();
			status = RunLedger.COMPLETED;
			message = (exit == ExitCodes.DONE) ? null : totals.rejected() + " rows or files rejected";
		}
		else if (execution != null && (execution.getStatus() == BatchStatus.STOPPED || watch.signalled())) {
			exit = ExitCodes.FAILED;
			status = RunLedger.STOPPED;
			message = "stopped by a shutdown signal; the next run resumes it";
			log.warn("Run {} stopped: {}", runId, message);
		}
		else {
			exit = ExitCodes.FAILED;
			status = RunLedger.FAILED;
			message = (execution != null) ? failures(execution) : failure;
			log.error("Run {} failed: {}", runId, Secrets.mask(message));
		}
		this.ledger.finish(runId, status, exit, Secrets.mask(message), now());
		this.runEnd.report(runId, command, totals, exit, outputProblems,
				Duration.ofNanos(System.nanoTime() - started));
		return exit;
	}

	/**
	 * The job's parameters: the run's, plus the attempt. Each attempt is a new job instance that
	 * scans the inbox again: files a stopped or killed attempt committed are found already read, so
	 * the new attempt ingests exactly the rest, under the same run id.
	 */
	JobParameters parameters(long runId, Command.Run command) {
		long attempt = 1 + this.ledger.attempts(runId);
		return new JobParametersBuilder(new RunParameters(runId, command.asOf(), command.inbox(), command.out())
			.toJobParameters()).addLong(ATTEMPT, attempt).toJobParameters();
	}

	/** What the outputs step could not rebuild or publish, one entry each (see {@link WriteOutputsTasklet}). */
	static List<String> outputProblems(JobExecution execution) {
		List<String> problems = new java.util.ArrayList<>();
		String notPublished = execution.getExecutionContext().getString(WriteOutputsTasklet.NOT_PUBLISHED, null);
		if (notPublished != null) {
			problems.add(notPublished);
		}
		String notRebuilt = execution.getExecutionContext().getString(WriteOutputsTasklet.NOT_REBUILT, null);
		if (notRebuilt != null) {
			notRebuilt.lines().map((l) -> "not rebuilt: " + l).forEach(problems::add);
		}
		return problems;
	}

	private static String failures(JobExecution execution) {
		List<Throwable> all = execution.getAllFailureExceptions();
		if (all.isEmpty()) {
			return "job ended " + execution.getStatus() + " (" + execution.getExitStatus().getExitDescription() + ")";
		}
		return all.stream().map(Throwable::toString).distinct().collect(Collectors.joining("; "));
	}

	private LocalDateTime now() {
		return LocalDateTime.now(this.clock.withZone(this.zone));
	}

}
