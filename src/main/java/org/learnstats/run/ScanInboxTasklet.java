package org.learnstats.run;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.learnstats.ingest.ExportKind;
import org.learnstats.ingest.FileIngester;
import org.learnstats.ingest.FileResult;
import org.learnstats.ingest.InboxFile;
import org.learnstats.ingest.InboxPlan;
import org.learnstats.ingest.InboxScanner;
import org.learnstats.ingest.ProgressListener;
import org.learnstats.store.DeliveryLedger;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Finds the inbox's exports and sorts them out: a file whose SHA-256 was read before (in an
 * earlier run or earlier in this one, the other sheets of the same workbook excepted) is skipped
 * as a re-delivery; a file that cannot be read
 * as an export is quarantined with its reason; every other file gets its delivery id, in the
 * order files are applied, for the ingest steps.
 */
class ScanInboxTasklet implements Tasklet {

	private static final Log logger = LogFactory.getLog(ScanInboxTasklet.class);

	private final InboxScanner scanner;

	private final DeliveryLedger ledger;

	private final InboxPlan plan;

	private final ProgressListener progress;

	ScanInboxTasklet(List<ExportKind> kinds, DeliveryLedger ledger, InboxPlan plan, ProgressListener progress) {
		this.progress = progress;
		this.scanner = new InboxScanner(kinds);
		this.ledger = ledger;
		this.plan = plan;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		RunParameters run = RunParameters.of(chunkContext.getStepContext().getStepExecution().getJobParameters());
		this.plan.reset(run.runId(), run.asOf());
		List<InboxFile> files = this.scanner.scan(run.inbox());
		this.progress.inboxScanned(files.size(), files.stream().mapToLong((f) -> f.text().size()).sum());
		Map<String, Long> known = new HashMap<>(this.ledger.knownDeliveries());
		// the sheets of one workbook share its hash: they are one delivery, not re-deliveries of each other
		Map<String, Path> newThisRun = new HashMap<>();
		long next = this.ledger.lastDeliveryId();
		int skipped = 0;
		int quarantined = 0;
		for (InboxFile file : files) {
			Long earlier = known.get(file.text().sha256());
			if (earlier != null && !file.path().equals(newThisRun.get(file.text().sha256()))) {
				this.ledger.recordSkip(run.runId(), file, earlier);
				this.progress.fileSkipped(file.relativePath());
				skipped++;
				continue;
			}
			long id = ++next;
			known.putIfAbsent(file.text().sha256(), id);
			newThisRun.putIfAbsent(file.text().sha256(), file.path());
			if (file.fileRejection() != null) {
				long rows = FileIngester.countRows(file);
				this.ledger.recordDelivery(id, run.runId(), file, new FileResult(rows, 0, rows), file.fileRejection(), 0);
				this.progress.fileDone(file.relativePath(), rows, 0, rows, file.fileRejection().reason().name());
				logger.warn("quarantined %s: %s (%s)".formatted(file.relativePath(), file.fileRejection().reason(),
						file.fileRejection().detail()));
				quarantined++;
			}
			else {
				this.plan.add(file, id);
			}
		}
		logger.info("inbox %s: %d export files, %d new, %d re-delivered, %d quarantined".formatted(run.inbox(),
				files.size(), files.size() - skipped - quarantined, skipped, quarantined));
		return RepeatStatus.FINISHED;
	}

}
