package org.learnstats;

import org.learnstats.run.Utf8Names;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * learnstats: ingest → store → indicators → outputs, run nightly by cron.
 * The command line lives in {@code org.learnstats.run}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LearnstatsApplication {

	public static void main(String[] args) {
		Utf8Names.ensure();
		System.exit(SpringApplication.exit(SpringApplication.run(LearnstatsApplication.class, args)));
	}

}
