package org.learnstats.run;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import javax.sql.DataSource;

import org.learnstats.outputs.OutputContext;
import org.learnstats.outputs.OutputFolder;
import org.learnstats.readmodel.ReadModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The {@code pack} command: under the run lock, rebuilds one closed quarter's pack from the store.
 * The output folder is rebuilt aside like a run's (a copy of the published one with the quarter's
 * pack built anew) and swapped in, so a reader never sees a half-written pack. Recorded as a
 * {@code pack} row in {@code ls_run}; the quarter's fingerprint in {@code quarter_pack} is updated
 * by the pack builder. Dated with {@code --as-of}, else as the last run that was done, else today.
 */
@Component
class PackRun {

	private static final Logger log = LoggerFactory.getLogger(PackRun.class);

	private final RunLedger ledger;

	private final ObjectProvider<PackBuilder> builder;

	private final ZoneId zone;

	private final ReadModels readModels;

	PackRun(DataSource dataSource, ReadModels readModels, ObjectProvider<PackBuilder> builder, Environment env) {
		this.ledger = new RunLedger(dataSource);
		this.readModels = readModels;
		this.builder = builder;
		this.zone = ZoneId.systemDefault();
	}

	int run(Command.Pack command, String commandLine) {
		PackBuilder packs = this.builder.getIfAvailable();
		if (packs == null) {
			log.error("Pack {}: no pack builder in this build: nothing was done", command.quarter());
			return ExitCodes.FAILED;
		}
		LocalDate asOf = asOf(command);
		long runId = this.ledger.nextId();
		this.ledger.start(runId, "pack", asOf, null, command.out(), commandLine, now());
		long started = System.nanoTime();
		try {
			OutputFolder folder = new OutputFolder(command.out());
			Path building = folder.prepare(runId);
			Path published = folder.published();
			if (published != null) {
				copyTree(published, building);
			}
			Path pack = packs.build(command.quarter(), command.unit(), new OutputContext(runId, asOf, building, published,
					this.readModels.open()));
			folder.publish(building);
			log.info("Pack {} rebuilt in {} ({})", command.quarter(),
					command.out().resolve(building.relativize(pack)),
					RunEnd.format(java.time.Duration.ofNanos(System.nanoTime() - started)));
			this.ledger.finish(runId, RunLedger.COMPLETED, ExitCodes.DONE, null, now());
			return ExitCodes.DONE;
		}
		catch (IllegalArgumentException ex) {
			System.err.println("learnstats: " + ex.getMessage());
			this.ledger.finish(runId, RunLedger.FAILED, ExitCodes.USAGE, ex.getMessage(), now());
			return ExitCodes.USAGE;
		}
		catch (IOException | RuntimeException ex) {
			log.error("Pack {} failed: {}", command.quarter(), ex.toString(), ex);
			this.ledger.finish(runId, RunLedger.FAILED, ExitCodes.FAILED, ex.toString(), now());
			return ExitCodes.FAILED;
		}
	}

	/**
	 * The {@code --as-of} date, else that of the last run that was done: a pack rebuilt after a
	 * night is dated as that night's, and refuses a quarter that night had not closed; today only
	 * when no run was done yet.
	 */
	private LocalDate asOf(Command.Pack command) {
		if (command.asOf() != null) {
			return command.asOf();
		}
		java.util.Optional<LocalDate> lastRun = this.ledger.lastDoneAsOf();
		log.info("Pack {} as of {} ({})", command.quarter(), lastRun.orElse(command.today()),
				lastRun.isPresent() ? "the last run's as-of date; --as-of to change it" : "today: no run was done yet");
		return lastRun.orElse(command.today());
	}

	static void copyTree(Path from, Path to) throws IOException {
		Files.walkFileTree(from, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
				Files.createDirectories(to.resolve(from.relativize(dir).toString()));
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
				Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
				return FileVisitResult.CONTINUE;
			}
		});
	}

	private LocalDateTime now() {
		return LocalDateTime.now(Clock.system(this.zone));
	}

}
