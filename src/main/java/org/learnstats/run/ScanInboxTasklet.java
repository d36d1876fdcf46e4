package org.learnstats.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.learnstats.ingest.ExportKind;
import org.learnstats.ingest.FileIngester;
import org.learnstats.ingest.FileResult;
import org.learnstats.ingest.InboxFile;
import org.learnstats.ingest.InboxPlan;
import org.learnstats.ingest.InboxScanner;
import org.learnstats.ingest.IngestLimits;
import org.learnstats.ingest.ProgressListener;
import org.learnstats.ingest.UnreadFile;
import org.learnstats.store.DeliveryLedger;
import org.learnstats.store.DeliveryLedger.RunDelivery;
import org.learnstats.store.YearPartitions;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Finds the inbox's exports and sorts them out (spec section 2.2): a file whose SHA-256 was
 * ingested before (in an earlier run or earlier in this one, the other sheets of the same
 * workbook excepted) is skipped as a re-delivery; a file that cannot be read as an export is
 * quarantined with its reason, every time its bytes arrive (a quarantined file was not
 * ingested); every other file gets its delivery id, in the order files are applied, for the
 * ingest steps. Files the scan did not read are recorded as such.
 * <p>
 * A resumed run scans again: the files its earlier attempts recorded at the same path are the
 * run's own (neither re-deliveries nor quarantined twice), and what those attempts skipped or
 * could not read is recorded afresh, once, so the run's ledger equals an uninterrupted run's.
 */
class ScanInboxTasklet implements Tasklet {

	private static final Log logger = LogFactory.getLog(ScanInboxTasklet.class);

	private final InboxScanner scanner;

	private final DeliveryLedger ledger;

	private final InboxPlan plan;

	private final ProgressListener progress;

	private final IngestLimits limits;

	private final YearPartitions partitions;

	ScanInboxTasklet(List<ExportKind> kinds, DeliveryLedger ledger, InboxPlan plan, ProgressListener progress,
			IngestLimits limits, YearPartitions partitions) {
		this.partitions = partitions;
		this.progress = progress;
		this.limits = limits;
		this.scanner = new InboxScanner(kinds, limits);
		this.ledger = ledger;
		this.plan = plan;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		RunParameters run = RunParameters.of(chunkContext.getStepContext().getStepExecution().getJobParameters());
		this.plan.reset(run.runId(), run.asOf());
		// the year's partitions exist before any event of it is ingested (by this process or a worker)
		this.partitions.ensureThrough(run.asOf().getYear());
		InboxScanner.Scan scan = this.scanner.scan(run.inbox());
		List<InboxFile> files = scan.files();
		this.progress.inboxScanned(files.size(), files.stream().mapToLong((f) -> f.text().size()).sum());
		this.ledger.forgetScan(run.runId());
		Map<String, RunDelivery> ownEarlier = this.ledger.deliveriesOfRun(run.runId());
		Map<String, Long> known = new HashMap<>(this.ledger.knownDeliveries());
		// ids follow the scan order from the earlier runs' last one, so a resumed run hands its
		// remaining files the ids an uninterrupted run gives them (unless the inbox changed meanwhile)
		DeliveryIds ids = new DeliveryIds(this.ledger.lastDeliveryIdBefore(run.runId()),
				ownEarlier.values().stream().map(RunDelivery::deliveryId).toList());
		List<UnreadFile> unread = new ArrayList<>(scan.unread());
		// the sheets of one workbook share its hash: they are one delivery, not re-deliveries of each
		// other; the workbook ingested this run (or by an earlier attempt of it), by hash
		Map<String, Path> newThisRun = new HashMap<>();
		int skipped = 0;
		int quarantined = 0;
		int earlier = 0;
		int planned = 0;
		for (InboxFile file : files) {
			RunDelivery own = ownEarlier.get(RunDelivery.key(file.relativePath(), file.text().sha256()));
			if (own != null) {
				ids.pass();
				newThisRun.putIfAbsent(file.text().sha256(), file.path());
				this.progress.fileReadEarlier(file.relativePath(), own.rowsRead(), own.rowsRejected());
				earlier++;
				continue;
			}
			Long first = known.get(file.text().sha256());
			if (first != null && !file.path().equals(newThisRun.get(file.text().sha256()))) {
				this.ledger.recordSkip(run.runId(), file, first);
				this.progress.fileSkipped(file.relativePath());
				skipped++;
				continue;
			}
			if (file.fileRejection() != null) {
				long rows;
				try {
					rows = FileIngester.countRows(file, this.limits);
				}
				catch (IOException ex) {
					unread.add(UnreadFile.of(file.relativePath(), ex));
					continue;
				}
				long id = ids.next();
				this.ledger.recordDelivery(id, run.runId(), file, new FileResult(rows, 0, rows), file.fileRejection(), 0);
				this.progress.fileDone(file.relativePath(), rows, 0, rows, file.fileRejection().reason().name());
				logger.warn("quarantined %s: %s (%s)".formatted(file.relativePath(), file.fileRejection().reason(),
						file.fileRejection().english()));
				quarantined++;
			}
			else {
				long id = ids.next();
				known.putIfAbsent(file.text().sha256(), id);
				newThisRun.putIfAbsent(file.text().sha256(), file.path());
				this.plan.add(file, id);
				planned++;
			}
		}
		for (UnreadFile file : unread) {
			this.ledger.recordUnread(run.runId(), file);
		}
		logger.info("inbox %s: %d export files, %d new, %d re-delivered, %d quarantined, %d read by an earlier attempt of this run; %d not read"
			.formatted(run.inbox(), files.size(), planned, skipped, quarantined, earlier, unread.size()));
		return RepeatStatus.FINISHED;
	}

	/** Hands out delivery ids in scan order, around the ids a run's earlier attempt used. */
	private static final class DeliveryIds {

		private final Set<Long> taken;

		private long next;

		private long last;

		DeliveryIds(long lastBefore, Collection<Long> taken) {
			this.next = lastBefore;
			this.taken = new HashSet<>(taken);
			this.last = Math.max(lastBefore, taken.stream().mapToLong(Long::longValue).max().orElse(0));
		}

		/** A file recorded by an earlier attempt holds its place in the order. */
		void pass() {
			this.next++;
		}

		long next() {
			long id = ++this.next;
			if (this.taken.contains(id)) {
				id = ++this.last;
			}
			this.taken.add(id);
			this.last = Math.max(this.last, id);
			return id;
		}

	}

}
