package org.learnstats.messy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.learnstats.LearnstatsApplication;
import org.learnstats.support.TestDatabase;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real {@code run} command in process, as cron starts it (command line, run ledger, lock,
 * nightly job, exit code), on a test store.
 */
final class JobLaunch {

	private JobLaunch() {
	}

	/** Runs one night and returns its exit code; {@code properties} are more {@code --key=value} arguments. */
	static int run(TestDatabase db, LocalDate asOf, Path inbox, Path out, String... properties) {
		List<String> args = new ArrayList<>(List.of("run", "--as-of", asOf.toString(), "--inbox", inbox.toString(),
				"--out", out.toString()));
		args.addAll(List.of(db.springArgs()));
		args.addAll(List.of(properties));
		SpringApplication app = new SpringApplication(LearnstatsApplication.class);
		app.setRegisterShutdownHook(false);
		ConfigurableApplicationContext context = app.run(args.toArray(String[]::new));
		return SpringApplication.exit(context);
	}

}
