package org.learnstats.run;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

import javax.sql.DataSource;

import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.learnstats.outputs.pack.PackPart;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The beans of the command line: progress, graceful stop on SIGTERM, the end-of-run report, the
 * {@code run} and {@code status} commands. Settings (all optional):
 * {@code learnstats.progress.interval} (10s), {@code learnstats.stop-timeout} (60s),
 * {@code learnstats.metrics.prometheus-file} (none).
 */
@Configuration(proxyBeanMethods = false)
class RunConfiguration {

	@Bean
	LoggingProgress progressListener(Environment env) {
		Duration interval = env.getProperty("learnstats.progress.interval", Duration.class, Duration.ofSeconds(10));
		return new LoggingProgress(interval.toMillis(), System::nanoTime, (System.console() != null) ? System.err : null);
	}

	@Bean
	GracefulStop gracefulStop(JobRepository jobRepository, JobOperator jobOperator,
			ConfigurableApplicationContext context, Environment env) {
		return new GracefulStop(jobRepository, jobOperator, context,
				env.getProperty("learnstats.stop-timeout", Duration.class, Duration.ofSeconds(60)));
	}

	@Bean
	RunEnd runEnd(DataSource dataSource, Environment env) {
		String file = env.getProperty("learnstats.metrics.prometheus-file");
		return new RunEnd(dataSource, (file == null || file.isBlank()) ? null : Path.of(file), Clock.systemUTC(),
				ZoneId.systemDefault());
	}

	@Bean
	NightlyRun nightlyRun(DataSource dataSource, JobRepository jobRepository, JobOperator jobOperator,
			BeanFactory beans, GracefulStop gracefulStop, LoggingProgress progressListener, RunEnd runEnd,
			Environment env) {
		return new NightlyRun(dataSource, jobRepository, jobOperator, beans, gracefulStop, progressListener, runEnd,
				Clock.systemUTC(), ZoneId.systemDefault(), env.getProperty("learnstats.run.job", NightlyRun.JOB_NAME));
	}

	/** The pack command builds with the same part that builds due packs every night. */
	@Bean
	PackBuilder packBuilder(PackPart packs) {
		return packs::build;
	}

	@Bean
	StatusReport statusReport(DataSource dataSource) {
		return new StatusReport(dataSource);
	}

}
