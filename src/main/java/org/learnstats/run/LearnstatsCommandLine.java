package org.learnstats.run;

import java.time.Clock;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The command line: {@code run}, {@code pack}, {@code status}, {@code --help}. Runs the command
 * once the store is open and hands its exit code to Spring Boot, whose main ends the process with
 * it. The real command line has already been parsed and locked by {@link EarlyStart} before the
 * store was opened; here the command is parsed (and locked) again only when the application is
 * started some other way, as in tests. Tests that drive the job themselves switch it off with
 * {@code --learnstats.command-line.enabled=false}.
 */
@Component
@ConditionalOnBooleanProperty(name = "learnstats.command-line.enabled", matchIfMissing = true)
class LearnstatsCommandLine implements ApplicationRunner, ExitCodeGenerator {

	private static final Logger log = LoggerFactory.getLogger(LearnstatsCommandLine.class);

	static final String WORKERS_DISABLED = "a worker needs learnstats.workers.enabled=true (and the broker in spring.rabbitmq.*)";

	private final Environment env;

	private final ObjectProvider<Command> parsed;

	private final ObjectProvider<RunLock> heldLock;

	private final NightlyRun nightlyRun;

	private final PackRun packRun;

	private final StatusReport statusReport;

	private final ObjectProvider<Worker> worker;

	private final ObjectProvider<H2WorkingCopy> workingCopy;

	private final ObjectProvider<DataSource> dataSource;

	private volatile int exitCode = ExitCodes.FAILED;

	LearnstatsCommandLine(Environment env, ObjectProvider<Command> parsed, ObjectProvider<RunLock> heldLock,
			NightlyRun nightlyRun, PackRun packRun, StatusReport statusReport, ObjectProvider<Worker> worker,
			ObjectProvider<H2WorkingCopy> workingCopy, ObjectProvider<DataSource> dataSource) {
		this.env = env;
		this.parsed = parsed;
		this.heldLock = heldLock;
		this.nightlyRun = nightlyRun;
		this.packRun = packRun;
		this.statusReport = statusReport;
		this.worker = worker;
		this.workingCopy = workingCopy;
		this.dataSource = dataSource;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.exitCode = execute(args.getSourceArgs());
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

	private int work() {
		Worker w = this.worker.getIfAvailable();
		if (w == null) {
			System.err.println("learnstats: " + WORKERS_DISABLED);
			return ExitCodes.USAGE;
		}
		try {
			return w.serve();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ExitCodes.DONE;
		}
		catch (RuntimeException ex) {
			log.error("The worker failed: {}", Secrets.mask(ex.toString()), ex);
			return ExitCodes.FAILED;
		}
	}

	int execute(String... args) {
		Command command;
		try {
			command = this.parsed.getIfAvailable(() -> new CommandLine(this.env, Clock.systemUTC()).parse(args));
		}
		catch (UsageException ex) {
			System.err.println("learnstats: " + ex.getMessage());
			return ExitCodes.USAGE;
		}
		if (command instanceof Command.Help help) {
			System.out.print(help.text());
			return ExitCodes.DONE;
		}
		if (command instanceof Command.Status status) {
			this.statusReport.print(status.last(), this.env.getProperty("spring.datasource.url", "?"),
					java.time.ZoneId.systemDefault().getId() + " (the server's time zone)", System.out);
			return ExitCodes.DONE;
		}
		if (command instanceof Command.Worker) {
			return work();
		}
		String commandLine = String.join(" ", Secrets.maskArgs(args));
		RunLock lock = this.heldLock.getIfAvailable();
		try {
			if (lock == null) {
				lock = RunLock.acquire(this.env, (command instanceof Command.Run run) ? run.out() : ((Command.Pack) command).out());
			}
			log.debug("Holding {}", lock.description());
			int code = (command instanceof Command.Run run) ? this.nightlyRun.run(run, commandLine)
					: this.packRun.run((Command.Pack) command, commandLine);
			return publishWorkingCopy(code);
		}
		catch (RunLock.Held ex) {
			System.err.println("learnstats: " + ex.getMessage() + "; nothing was done");
			return ExitCodes.LOCKED;
		}
		catch (UsageException ex) {
			System.err.println("learnstats: " + ex.getMessage());
			return publishWorkingCopy(ExitCodes.USAGE);
		}
		catch (RuntimeException ex) {
			log.error("The {} failed: {}", commandLine, Secrets.mask(ex.toString()), ex);
			return publishWorkingCopy(ExitCodes.FAILED);
		}
		finally {
			if (lock != null) {
				lock.close();
			}
		}
	}

	/**
	 * On an embedded H2 store the command worked on a copy: it replaces the store now, while the run
	 * lock is held. When it cannot, the store stays as it was before the command and the exit is 1.
	 */
	private int publishWorkingCopy(int code) {
		H2WorkingCopy copy = this.workingCopy.getIfAvailable();
		return (copy == null || copy.publish(this.dataSource.getObject())) ? code : ExitCodes.FAILED;
	}

}
