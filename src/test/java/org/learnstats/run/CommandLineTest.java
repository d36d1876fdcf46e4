package org.learnstats.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineTest {

	@TempDir
	Path dir;

	private CommandLine cli;

	@BeforeEach
	void setUp() throws IOException {
		Files.createDirectories(this.dir.resolve("inbox"));
		StandardEnvironment env = new StandardEnvironment();
		env.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("learnstats.inbox", this.dir.resolve("inbox").toString(),
					"learnstats.out", this.dir.resolve("out").toString(), "learnstats.time-zone", "Asia/Shanghai")));
		// 2025-07-31 17:00 UTC is already 1 August in Shanghai
		this.cli = new CommandLine(env, Clock.fixed(Instant.parse("2025-07-31T17:00:00Z"), ZoneOffset.UTC));
	}

	@Test
	void runDefaultsComeFromTheConfigurationAndTheTimeZone() {
		assertThat(this.cli.parse("run")).isEqualTo(new Command.Run(LocalDate.of(2025, 8, 1),
				this.dir.resolve("inbox"), this.dir.resolve("out")));
	}

	@Test
	void runOptionsInBothSpellingsAndSpringPropertiesPassThrough() throws IOException {
		Path other = Files.createDirectories(this.dir.resolve("other"));
		assertThat(this.cli.parse("--spring.datasource.url=jdbc:h2:mem:x", "run", "--as-of", "2025-03-05",
				"--inbox=" + other, "--out", "o2", "--logging.level.root=INFO"))
			.isEqualTo(new Command.Run(LocalDate.of(2025, 3, 5), other, Path.of("o2").toAbsolutePath()));
	}

	@Test
	void workerTakesNoOptionButSpringProperties() {
		assertThat(this.cli.parse("worker", "--learnstats.workers.enabled=true", "--spring.rabbitmq.host=mq"))
			.isEqualTo(new Command.Worker());
		assertThatThrownBy(() -> this.cli.parse("worker", "--out", "o")).isInstanceOf(UsageException.class)
			.hasMessage("unknown option '--out' for worker (try worker --help)");
		assertThat(this.cli.parse("worker", "--help")).isEqualTo(new Command.Help(CommandLine.WORKER_USAGE));
	}

	@Test
	void badDatesAreUsageErrors() {
		assertThatThrownBy(() -> this.cli.parse("run", "--as-of", "2025-02-30")).isInstanceOf(UsageException.class)
			.hasMessage("bad --as-of: expected an existing date as YYYY-MM-DD");
		assertThatThrownBy(() -> this.cli.parse("run", "--as-of", "2025/3/5")).isInstanceOf(UsageException.class);
		assertThatThrownBy(() -> this.cli.parse("run", "--as-of")).isInstanceOf(UsageException.class)
			.hasMessageContaining("--as-of needs a value");
	}

	@Test
	void anOutputFolderThatCannotBeCreatedIsAUsageError() throws IOException {
		Path file = Files.writeString(this.dir.resolve("plain-file"), "x");
		assertThatThrownBy(() -> this.cli.parse("run", "--inbox", this.dir.toString(), "--out",
				file.resolve("out").toString()))
			.isInstanceOf(UsageException.class)
			.hasMessage("output folder " + file.resolve("out") + " cannot be created: " + file + " is not a folder");
	}

	@Test
	void usageErrorsNeverRepeatAValue() {
		String secret = "Pa55w0rd";
		List<String[]> mistakes = List.of(new String[] { "run", secret }, new String[] { "run", "--out", "o", secret },
				new String[] { secret, "run" }, new String[] { "run", "-p" + secret },
				new String[] { "--password=" + secret, "run" }, new String[] { "run", "--password", secret },
				new String[] { "run", "--as-of", secret }, new String[] { "pack", "--quarter", secret },
				new String[] { "status", "--last", secret }, new String[] { "run", "--as-of", "2025-01-01", secret });
		for (String[] args : mistakes) {
			assertThatThrownBy(() -> this.cli.parse(args)).as(String.join(" ", args))
				.isInstanceOf(UsageException.class)
				.message()
				.doesNotContain(secret)
				.doesNotContain("Pa55");
		}
	}

	@Test
	void unknownCommandsAndOptionsAreUsageErrors() {
		assertThatThrownBy(() -> this.cli.parse()).hasMessageStartingWith("no command given");
		assertThatThrownBy(() -> this.cli.parse("ingest")).hasMessageStartingWith("unknown command (word 1)");
		assertThatThrownBy(() -> this.cli.parse("run", "--quarter", "2025-Q1"))
			.hasMessageStartingWith("unknown option '--quarter' for run");
		assertThatThrownBy(() -> this.cli.parse("run", "-x")).hasMessageStartingWith("unknown option (word 2)");
		assertThatThrownBy(() -> this.cli.parse("run", "extra")).hasMessageStartingWith("unexpected argument after run (word 2;");
		assertThatThrownBy(() -> this.cli.parse("run", "--out", "a", "--out", "b")).hasMessageContaining("twice");
		assertThatThrownBy(() -> this.cli.parse("--debug", "run")).hasMessageStartingWith("unknown option '--debug'");
	}

	@Test
	void aMissingInboxOrAFileAsOutputIsAConfigurationError() throws IOException {
		assertThatThrownBy(() -> this.cli.parse("run", "--inbox", this.dir.resolve("missing").toString()))
			.isInstanceOf(UsageException.class)
			.hasMessageEndingWith("missing is not a folder");
		Path file = Files.writeString(this.dir.resolve("file"), "x");
		assertThatThrownBy(() -> this.cli.parse("run", "--out", file.toString()))
			.hasMessageEndingWith("exists and is not a folder");
	}

	@Test
	void badTimeZoneIsAConfigurationError() {
		StandardEnvironment env = new StandardEnvironment();
		env.getPropertySources().addFirst(new MapPropertySource("t", Map.of("learnstats.time-zone", "Mars/Olympus")));
		assertThatThrownBy(() -> new CommandLine(env, Clock.systemUTC()).parse("status"))
			.isInstanceOf(UsageException.class);
		assertThatThrownBy(() -> CommandLine.timeZone(env)).hasMessageStartingWith("bad learnstats.time-zone");
	}

	@Test
	void packNeedsAClosedQuarter() {
		assertThat(this.cli.parse("pack", "--quarter", "2025-Q2")).isEqualTo(
				new Command.Pack("2025-Q2", null, null, LocalDate.of(2025, 8, 1), this.dir.resolve("out")));
		// --as-of is kept as given; without it the pack run takes the last run's (null here)
		assertThat(this.cli.parse("pack", "--quarter", "2025-Q2", "--as-of", "2025-07-20")).isEqualTo(new Command.Pack(
				"2025-Q2", null, LocalDate.of(2025, 7, 20), LocalDate.of(2025, 8, 1), this.dir.resolve("out")));
		assertThatThrownBy(() -> this.cli.parse("pack", "--quarter", "2025-Q2", "--as-of", "2025-02-30"))
			.hasMessageStartingWith("bad --as-of");
		assertThatThrownBy(() -> this.cli.parse("pack")).hasMessageStartingWith("pack needs --quarter");
		assertThatThrownBy(() -> this.cli.parse("pack", "--quarter", "2025-Q5")).hasMessageStartingWith("bad --quarter");
		assertThatThrownBy(() -> this.cli.parse("pack", "--quarter", "2025Q1")).hasMessageStartingWith("bad --quarter");
		assertThatThrownBy(() -> this.cli.parse("pack", "--quarter", "2025-Q3"))
			.hasMessage("quarter 2025-Q3 has not ended yet (it ends 2025-09-30, today is 2025-08-01)");
	}

	@Test
	void statusTakesHowManyRuns() {
		assertThat(this.cli.parse("status")).isEqualTo(new Command.Status(10));
		assertThat(this.cli.parse("status", "--last", "3")).isEqualTo(new Command.Status(3));
		assertThatThrownBy(() -> this.cli.parse("status", "--last", "0")).hasMessageStartingWith("bad --last");
	}

	@Test
	void helpOverallAndPerCommand() {
		assertThat(this.cli.parse("--help")).isEqualTo(new Command.Help(CommandLine.USAGE));
		assertThat(this.cli.parse("help")).isEqualTo(new Command.Help(CommandLine.USAGE));
		assertThat(this.cli.parse("-h")).isEqualTo(new Command.Help(CommandLine.USAGE));
		assertThat(this.cli.parse("run", "--help")).isEqualTo(new Command.Help(CommandLine.RUN_USAGE));
		assertThat(this.cli.parse("pack", "--help")).isEqualTo(new Command.Help(CommandLine.PACK_USAGE));
		assertThat(this.cli.parse("status", "-h")).isEqualTo(new Command.Help(CommandLine.STATUS_USAGE));
		assertThat(CommandLine.USAGE).contains("75 another run holds the lock");
	}

	@Test
	void springPropertiesAreRecognizedByTheDotInTheirName() {
		assertThat(CommandLine.isSpringProperty("--spring.datasource.url=jdbc:x")).isTrue();
		assertThat(CommandLine.isSpringProperty("--learnstats.time-zone=UTC")).isTrue();
		assertThat(CommandLine.isSpringProperty("--as-of=2025-01-01")).isFalse();
		assertThat(CommandLine.isSpringProperty("--out")).isFalse();
	}

}
