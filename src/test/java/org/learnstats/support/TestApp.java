package org.learnstats.support;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.learnstats.LearnstatsApplication;
import org.learnstats.run.RunParameters;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The real application context on a test store, for tests that run the nightly job in-process.
 * Close it at the end of the test (try-with-resources).
 */
public final class TestApp implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final TestDatabase db;

	private long runs;

	private TestApp(ConfigurableApplicationContext context, TestDatabase db) {
		this.context = context;
		this.db = db;
	}

	public static TestApp start(TestDatabase db, String... extraArgs) {
		return start(db, List.of(), extraArgs);
	}

	/** The application with test beans of {@code sources} beside it (a {@code @Primary} one replaces its kind). */
	public static TestApp start(TestDatabase db, List<Class<?>> sources, String... extraArgs) {
		List<String> args = new ArrayList<>(List.of(db.springArgs()));
		args.add("--learnstats.command-line.enabled=false");
		args.addAll(List.of(extraArgs));
		List<Class<?>> all = new ArrayList<>(List.of(LearnstatsApplication.class));
		all.addAll(sources);
		ConfigurableApplicationContext ctx = new SpringApplicationBuilder(all.toArray(Class<?>[]::new))
			.run(args.toArray(String[]::new));
		return new TestApp(ctx, db);
	}

	/** Starts the nightly job of run {@code runId} again, as a resumed run does (same parameters). */
	public JobExecution resume(long runId, LocalDate asOf, Path inbox, Path out) {
		try {
			return this.context.getBean(JobOperator.class)
				.start(this.context.getBean("nightlyJob", Job.class),
						new RunParameters(runId, asOf, inbox, out).toJobParameters());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Runs the nightly job to its end with the next run id. */
	public JobExecution run(LocalDate asOf, Path inbox, Path out) {
		long runId = ++this.runs;
		new JdbcTemplate(this.db.dataSource()).update("""
				INSERT INTO ls_run (run_id, command, as_of, inbox, out_dir, started_at, status)
				VALUES (?, 'run', ?, ?, ?, CURRENT_TIMESTAMP, 'STARTED')""", runId, java.sql.Date.valueOf(asOf),
				inbox.toString(), out.toString());
		try {
			return this.context.getBean(JobOperator.class)
				.start(this.context.getBean("nightlyJob", Job.class),
						new RunParameters(runId, asOf, inbox, out).toJobParameters());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	public JdbcTemplate jdbc() {
		return new JdbcTemplate(this.db.dataSource());
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	public <T> java.util.Collection<T> beans(Class<T> type) {
		return this.context.getBeansOfType(type).values();
	}

	public TestDatabase db() {
		return this.db;
	}

	@Override
	public void close() {
		this.context.close();
	}

}
