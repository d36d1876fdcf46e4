package org.learnstats.run;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

import org.learnstats.LearnstatsApplication;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The first thing the command line does, before the store is opened: parse the arguments
 * (bad usage or configuration ends the process with 2 and one line on stderr, {@code --help}
 * with 0) and take the run lock for {@code run} and {@code pack} (held by another run: 75, and
 * nothing was touched), then, on an embedded H2 store, make the copy they work on
 * ({@link H2WorkingCopy}). A store that fails to open or copy because an embedded H2 database is
 * held by another process also ends with 75.
 * <p>
 * Registered in {@code META-INF/spring.factories}; acts only when the application is started by
 * {@link LearnstatsApplication#main}, never in tests that start a context some other way.
 */
class EarlyStart implements ApplicationListener<SpringApplicationEvent>, Ordered {

	/** H2's "Database may be already in use" (ErrorCode.DATABASE_ALREADY_OPEN_1). */
	static final int H2_DATABASE_IN_USE = 90020;

	private static final String STORE_IN_USE = "the embedded store is in use by another learnstats process "
			+ "(a run in progress?); nothing was done";

	@Override
	public int getOrder() {
		// after the configuration files and the logging system are in place
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void onApplicationEvent(SpringApplicationEvent event) {
		if (event.getSpringApplication().getMainApplicationClass() != LearnstatsApplication.class) {
			return;
		}
		if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
			start(prepared);
		}
		else if (event instanceof ApplicationFailedEvent failed && heldByAnotherProcess(failed.getException())) {
			exit(ExitCodes.LOCKED, STORE_IN_USE);
		}
	}

	private void start(ApplicationEnvironmentPreparedEvent event) {
		keepH2OpenUntilTheRunEnds(event.getEnvironment());
		Command command;
		try {
			command = new CommandLine(event.getEnvironment(), Clock.systemUTC()).parse(event.getArgs());
		}
		catch (UsageException ex) {
			exit(ExitCodes.USAGE, ex.getMessage());
			return;
		}
		if (command instanceof Command.Help help) {
			System.out.print(help.text());
			System.out.flush();
			System.exit(ExitCodes.DONE);
		}
		if (command instanceof Command.Worker
				&& !event.getEnvironment().getProperty("learnstats.workers.enabled", Boolean.class, false)) {
			exit(ExitCodes.USAGE, LearnstatsCommandLine.WORKERS_DISABLED);
		}
		RunLock lock = null;
		if (command instanceof Command.Run || command instanceof Command.Pack) {
			try {
				lock = RunLock.acquire(event.getEnvironment(),
						(command instanceof Command.Run run) ? run.out() : ((Command.Pack) command).out());
			}
			catch (RunLock.Held ex) {
				exit(ExitCodes.LOCKED, ex.getMessage() + "; nothing was done");
			}
			catch (UsageException ex) {
				exit(ExitCodes.USAGE, ex.getMessage());
			}
			catch (RunLock.StoreUnavailable ex) {
				// the store cannot be reached: configuration, found before any work
				exit(ExitCodes.USAGE, ex.getMessage());
			}
		}
		H2WorkingCopy copy = (lock != null) ? workOnACopy(event.getEnvironment()) : null;
		RunLock held = lock;
		event.getSpringApplication().addInitializers((context) -> {
			context.getBeanFactory().registerSingleton("learnstatsCommand", command);
			if (held != null) {
				context.getBeanFactory().registerSingleton("runLock", held);
			}
			if (copy != null) {
				context.getBeanFactory().registerSingleton("h2WorkingCopy", copy);
			}
		});
	}

	/**
	 * H2 closes its database from a JVM shutdown hook of its own unless told not to, which on
	 * SIGTERM would pull the store from under the chunk being stopped. The default URL says
	 * {@code DB_CLOSE_ON_EXIT=FALSE}; an operator's own H2 URL gets it added.
	 */
	static void keepH2OpenUntilTheRunEnds(ConfigurableEnvironment env) {
		String url = env.getProperty("spring.datasource.url", "");
		if (url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:")
				&& !url.toUpperCase(Locale.ROOT).contains("DB_CLOSE_ON_EXIT")) {
			env.getPropertySources()
				.addFirst(new MapPropertySource("learnstats-h2",
						Map.of("spring.datasource.url", url + ";DB_CLOSE_ON_EXIT=FALSE")));
		}
	}

	/**
	 * A run or pack on an embedded H2 store works on a copy of it ({@link H2WorkingCopy}), so a kill
	 * never leaves H2 a store to recover. When the copy cannot be made for anything but another
	 * process holding the store (a full disk), the command works on the store itself, as it always did.
	 */
	private static H2WorkingCopy workOnACopy(ConfigurableEnvironment env) {
		try {
			return H2WorkingCopy.open(env);
		}
		catch (H2WorkingCopy.StoreInUse ex) {
			exit(ExitCodes.LOCKED, STORE_IN_USE);
		}
		catch (Exception ex) {
			System.err.println("learnstats: copying the embedded store failed, working on it in place: " + ex);
		}
		return null;
	}

	static boolean heldByAnotherProcess(Throwable failure) {
		for (Throwable t = failure; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_IN_USE) {
				return true;
			}
		}
		return false;
	}

	private static void exit(int code, String message) {
		System.err.println("learnstats: " + message);
		System.err.flush();
		System.exit(code);
	}

}
