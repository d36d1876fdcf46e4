package org.learnstats.run;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The {@code pack} command: under the run lock, builds or rebuilds one quarter's pack with the
 * pack service of {@code org.learnstats.outputs.pack}, recorded as a {@code pack} row in
 * {@code ls_run}.
 */
@Component
class PackRun {

	private static final Logger log = LoggerFactory.getLogger(PackRun.class);

	private final RunLedger ledger;

	private final ZoneId zone;

	PackRun(DataSource dataSource, org.springframework.core.env.Environment env) {
		this.ledger = new RunLedger(dataSource);
		this.zone = CommandLine.timeZone(env);
	}

	int run(Command.Pack command, String commandLine) {
		long runId = this.ledger.nextId();
		this.ledger.start(runId, "pack", command.asOf(), null, command.out(), commandLine, now());
		log.error("Pack {}: no pack service in this build", command.quarter());
		this.ledger.finish(runId, RunLedger.FAILED, ExitCodes.FAILED, "no pack service in this build", now());
		return ExitCodes.FAILED;
	}

	private LocalDateTime now() {
		return LocalDateTime.now(Clock.system(this.zone));
	}

}
