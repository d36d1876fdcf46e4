package org.learnstats.run;

import java.nio.file.Path;
import java.time.LocalDate;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The nightly job's parameters: the run's id in {@code ls_run}, the as-of date D, the inbox and
 * the output folder.
 */
public record RunParameters(long runId, LocalDate asOf, Path inbox, Path out) {

	public static final String RUN_ID = "run.id";

	public JobParameters toJobParameters() {
		return new JobParametersBuilder().addLong(RUN_ID, this.runId)
			.addString("as-of", this.asOf.toString())
			.addString("inbox", this.inbox.toAbsolutePath().normalize().toString())
			.addString("out", this.out.toAbsolutePath().normalize().toString())
			.toJobParameters();
	}

	public static RunParameters of(JobParameters parameters) {
		return new RunParameters(parameters.getLong(RUN_ID), LocalDate.parse(parameters.getString("as-of")),
				Path.of(parameters.getString("inbox")), Path.of(parameters.getString("out")));
	}

}
