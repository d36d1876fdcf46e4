package org.learnstats.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.learnstats.ingest.CheckedRow;
import org.learnstats.ingest.ExportKind;
import org.learnstats.ingest.FileIngester;
import org.learnstats.ingest.FileResult;
import org.learnstats.ingest.InboxPlan;
import org.learnstats.ingest.InboxPlan.PlannedFile;
import org.learnstats.ingest.ProgressListener;
import org.learnstats.ingest.Rejection;
import org.learnstats.ingest.RowSink;
import org.learnstats.store.DeliveryLedger.RejectedRow;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes a chunk of files of one kind into the store, in the chunk's transaction: every file's
 * checked rows are staged in bulk and its rejects and delivery row recorded; then one MERGE
 * moves the staged rows into the store, and the UNKNOWN_PERSON warnings are found in one
 * statement. A crash before the commit leaves none of the chunk's files recorded, so the next
 * run reads them again.
 */
public final class DeliveryWriter implements ItemWriter<PlannedFile>, StepExecutionListener {

	private static final Log logger = LogFactory.getLog(DeliveryWriter.class);

	private static final int REJECT_BATCH = 5000;

	/** Rows between two progress reports. */
	private static final int PROGRESS_ROWS = 10_000;

	private final DataSource dataSource;

	private final StoreDialect dialect;

	private final DeliveryLedger ledger;

	private final ExportKind kind;

	private final InboxPlan plan;

	private final MergeStatement statements;

	private final JdbcTemplate jdbc;

	private final ProgressListener progress;

	private StoreSnapshot snapshot;

	public DeliveryWriter(DataSource dataSource, DeliveryLedger ledger, ExportKind kind, InboxPlan plan,
			ProgressListener progress) {
		this.progress = progress;
		this.dataSource = dataSource;
		this.dialect = StoreDialect.of(dataSource);
		this.ledger = ledger;
		this.kind = kind;
		this.plan = plan;
		this.statements = MergeStatement.of(kind, this.dialect);
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/** Each step execution starts from the store as it is now, not as an earlier run left it. */
	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.snapshot = null;
	}

	@Override
	public void write(Chunk<? extends PlannedFile> chunk) throws Exception {
		if (this.snapshot == null) {
			// once per step; units and surveys applied since are added as their files apply
			this.snapshot = StoreSnapshot.load(this.dataSource, this.kind.name().equals("responses"));
		}
		if (this.dialect == StoreDialect.POSTGRESQL) {
			// a chunk is idempotent (its files are read again if its commit is lost), so it need
			// not wait for the WAL flush: a crash loses at most the last commits, never half of one
			this.jdbc.execute("SET LOCAL synchronous_commit TO OFF");
		}
		this.jdbc.execute(this.statements.clear());
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		long first = Long.MAX_VALUE;
		long last = 0;
		try (StageLoader loader = StageLoader.open(this.dialect, connection, MergeStatement.stageTable(this.kind),
				this.kind.storeColumns())) {
			for (PlannedFile planned : chunk) {
				first = Math.min(first, planned.deliveryId());
				last = Math.max(last, planned.deliveryId());
				ingest(planned, loader);
			}
		}
		this.jdbc.update(this.statements.merge());
		if (this.statements.warnings() != null) {
			this.jdbc.update(this.statements.warnings());
			this.ledger.countWarnings(first, last);
		}
		this.jdbc.execute(this.statements.clear());
	}

	private void ingest(PlannedFile planned, StageLoader loader) throws Exception {
		long started = System.nanoTime();
		String path = planned.file().relativePath();
		this.progress.fileStarted(path, this.kind.name(), planned.file().text().size());
		Sink sink = new Sink(loader, planned.deliveryId());
		FileResult result = new FileIngester(this.plan.asOf()).ingest(planned.file(), this.snapshot, sink);
		// the connection belongs to an open COPY until it ends: end it before the ledger's statements
		loader.flush();
		sink.flushRejects();
		sink.reportProgress();
		long millis = (System.nanoTime() - started) / 1_000_000;
		this.ledger.recordDelivery(planned.deliveryId(), this.plan.runId(), planned.file(), result, null, millis);
		this.progress.fileDone(path, result.rowsRead(), result.rowsApplied(), result.rowsRejected(), null);
		logger.debug("%s %s: %d rows read, %d applied, %d rejected (%d ms)".formatted(this.kind.name(), path,
				result.rowsRead(), result.rowsApplied(), result.rowsRejected(), millis));
	}

	/** Sends a file's verdicts to staging and to the reject ledger. */
	private final class Sink implements RowSink {

		private final StageLoader loader;

		private final long deliveryId;

		private final List<RejectedRow> rejects = new ArrayList<>();

		private long unreportedRead;

		private long unreportedRejected;

		Sink(StageLoader loader, long deliveryId) {
			this.loader = loader;
			this.deliveryId = deliveryId;
		}

		@Override
		public void apply(Object[] storeRow, CheckedRow row) {
			counted(false);
			try {
				this.loader.add(storeRow, this.deliveryId, row.line());
			}
			catch (SQLException ex) {
				throw new IllegalStateException("staging " + kind.name() + " failed: " + ex.getMessage(), ex);
			}
		}

		@Override
		public void reject(long line, String unitCode, Rejection rejection, String raw) {
			counted(true);
			this.rejects.add(new RejectedRow(line, unitCode, rejection, raw));
			if (this.rejects.size() >= REJECT_BATCH) {
				try {
					this.loader.flush();
				}
				catch (SQLException ex) {
					throw new IllegalStateException("staging " + kind.name() + " failed: " + ex.getMessage(), ex);
				}
				flushRejects();
			}
		}

		private void counted(boolean rejected) {
			this.unreportedRead++;
			if (rejected) {
				this.unreportedRejected++;
			}
			if (this.unreportedRead >= PROGRESS_ROWS) {
				reportProgress();
			}
		}

		void reportProgress() {
			if (this.unreportedRead > 0) {
				DeliveryWriter.this.progress.rows(this.unreportedRead, this.unreportedRejected);
				this.unreportedRead = 0;
				this.unreportedRejected = 0;
			}
		}

		void flushRejects() {
			DeliveryWriter.this.ledger.recordRejects(this.deliveryId, kind.name(), this.rejects);
			this.rejects.clear();
		}

	}

}
