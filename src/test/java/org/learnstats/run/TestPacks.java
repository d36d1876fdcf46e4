package org.learnstats.run;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A stand-in pack builder for the {@code pack} command's tests: writes a one-line pack.pdf. */
class TestPacks {

	@Bean
	@Primary
	PackBuilder testPackBuilder() {
		return (quarter, unit, context) -> {
			if (quarter.equals("2019-Q1")) {
				throw new IllegalArgumentException("no data before 2020");
			}
			Path dir = Files.createDirectories(context.dir().resolve("packs").resolve(quarter));
			Files.writeString(dir.resolve("pack.pdf"), "pack " + quarter + " of run " + context.runId());
			return dir;
		};
	}

}
