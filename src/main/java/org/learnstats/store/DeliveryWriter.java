package org.learnstats.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
import org.learnstats.store.DeliveryLedger.PersonWarning;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes a chunk of files of one kind into the store, in the chunk's transaction, with every
 * file's rejects, warnings and delivery row.
 * <ul>
 * <li>Registers (units, people, surveys): the files' checked rows are staged in bulk, one MERGE
 * moves them into the store and the UNKNOWN_PERSON warnings are found in one statement.</li>
 * <li>Events (attendance, training, research, responses): the files' rows go straight into the
 * store table in bulk (one COPY on PostgreSQL), as a plain load into a keyed table would; a chunk
 * that brings a key the store already holds, or one key twice, is rolled back to a savepoint and
 * merged instead.</li>
 * </ul>
 * A crash before the commit leaves none of the chunk's files recorded, so the next run reads
 * them again.
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

	/** Where unit_code and person_id sit in a store row (person: -1 when the kind warns of none). */
	private final int unitAt;

	private final int personAt;

	private StoreSnapshot snapshot;

	/** The person ids of the store at the start of the step, for the UNKNOWN_PERSON warnings. */
	private Set<String> roster;

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
		this.unitAt = kind.storeColumns().indexOf("unit_code");
		this.personAt = kind.warnsUnknownPerson() ? kind.storeColumns().indexOf("person_id") : -1;
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
			this.roster = this.personAt >= 0 ? loadRoster() : null;
		}
		if (this.dialect == StoreDialect.POSTGRESQL) {
			// a chunk is idempotent (its files are read again if its commit is lost), so it need
			// not wait for the WAL flush: a crash loses at most the last commits, never half of one
			this.jdbc.execute("SET LOCAL synchronous_commit TO OFF");
		}
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		long first = Long.MAX_VALUE;
		long last = 0;
		for (PlannedFile planned : chunk) {
			first = Math.min(first, planned.deliveryId());
			last = Math.max(last, planned.deliveryId());
		}
		List<? extends PlannedFile> files = chunk.getItems();
		if (!this.kind.appendsEvents() || !append(files, connection)) {
			merge(files, connection);
		}
		if (this.statements.warnings() != null) {
			this.ledger.countWarnings(first, last);
		}
	}

	/**
	 * Sends the files' rows straight into the store table, in one stream for the whole chunk so
	 * that the database inserts while the next file is read. When one of the keys is already
	 * there (or twice in the chunk), everything is rolled back to a savepoint and {@code false}
	 * returned: the chunk is then merged instead. A night's events are new keys, so this is the
	 * common path, and costs what a plain bulk load into the keyed table costs.
	 */
	private boolean append(List<? extends PlannedFile> files, Connection connection) throws Exception {
		Savepoint savepoint = connection.setSavepoint();
		StageLoader loader = StageLoader.open(this.dialect, connection, this.kind.table(), this.kind.storeColumns(),
				false);
		try {
			List<FileLoad> loads = new ArrayList<>();
			for (PlannedFile planned : files) {
				loads.add(read(planned, loader, this.personAt >= 0));
			}
			loader.close();
			loads.forEach(this::record);
			connection.releaseSavepoint(savepoint);
			return true;
		}
		catch (Exception ex) {
			loader.abandon();
			closeQuietly(loader);
			if (!keyExists(ex)) {
				throw ex;
			}
			connection.rollback(savepoint);
			logger.debug("%s: a key of files %s..%s is in the store already, merging them instead"
				.formatted(this.kind.name(), files.get(0).file().relativePath(),
						files.get(files.size() - 1).file().relativePath()));
			return false;
		}
	}

	/** Stages the files' rows, then merges them into the store in one statement (later files win). */
	private void merge(List<? extends PlannedFile> files, Connection connection) throws Exception {
		this.jdbc.execute(this.statements.clear());
		List<FileLoad> loads = new ArrayList<>();
		try (StageLoader loader = StageLoader.open(this.dialect, connection, MergeStatement.stageTable(this.kind),
				this.kind.storeColumns())) {
			for (PlannedFile planned : files) {
				loads.add(read(planned, loader, false));
			}
		}
		loads.forEach(this::record);
		this.jdbc.update(this.statements.merge());
		if (this.statements.warnings() != null) {
			this.jdbc.update(this.statements.warnings());
		}
		this.jdbc.execute(this.statements.clear());
	}

	/** Whether the failure is a primary key the store already holds (SQLSTATE 23505). */
	private static boolean keyExists(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			for (SQLException e = (t instanceof SQLException s) ? s : null; e != null; e = e.getNextException()) {
				if ("23505".equals(e.getSQLState())) {
					return true;
				}
			}
		}
		return false;
	}

	private static void closeQuietly(StageLoader loader) {
		try {
			loader.close();
		}
		catch (SQLException ex) {
			// abandoned: its rows are rolled back with the savepoint
		}
	}

	private Set<String> loadRoster() {
		Set<String> ids = new HashSet<>();
		this.jdbc.query("SELECT person_id FROM person", (RowCallbackHandler) (rs) -> ids.add(rs.getString(1)));
		return ids;
	}

	/**
	 * Reads one file into the loader. Its ledger entries wait in the returned load until the
	 * loader is flushed (an open COPY holds the connection). With {@code warn}, applied rows whose
	 * person is not in the roster are collected as warnings (else the merge finds them).
	 */
	private FileLoad read(PlannedFile planned, StageLoader loader, boolean warn) throws Exception {
		long started = System.nanoTime();
		this.progress.fileStarted(planned.file().relativePath(), this.kind.name(), planned.file().text().size());
		Sink sink = new Sink(loader, planned.deliveryId(), warn ? new ArrayList<>() : null,
				RejectKey.of(planned.file()));
		FileResult result = new FileIngester(this.plan.asOf()).ingest(planned.file(), this.snapshot, sink);
		return new FileLoad(planned, sink, result, (System.nanoTime() - started) / 1_000_000);
	}

	/** Writes a read file's rejects, warnings and delivery row; the loader is flushed. */
	private void record(FileLoad load) {
		PlannedFile planned = load.planned();
		FileResult result = load.result();
		String path = planned.file().relativePath();
		load.sink().flushRejects();
		load.sink().reportProgress();
		if (load.sink().warnings != null) {
			this.ledger.recordWarnings(planned.deliveryId(), this.kind.name(), load.sink().warnings);
		}
		this.ledger.recordDelivery(planned.deliveryId(), this.plan.runId(), planned.file(), result, null,
				load.millis());
		this.progress.fileDone(path, result.rowsRead(), result.rowsApplied(), result.rowsRejected(), null);
		logger.debug("%s %s: %d rows read, %d applied, %d rejected (%d ms)".formatted(this.kind.name(), path,
				result.rowsRead(), result.rowsApplied(), result.rowsRejected(), load.millis()));
	}

	/** A file read into a loader, its ledger entries not written yet. */
	private record FileLoad(PlannedFile planned, Sink sink, FileResult result, long millis) {
	}

	/** Sends a file's verdicts to staging and to the reject ledger. */
	private final class Sink implements RowSink {

		private final StageLoader loader;

		private final long deliveryId;

		private final List<RejectedRow> rejects = new ArrayList<>();

		private final List<PersonWarning> warnings;

		private final RejectKey rejectKey;

		private long unreportedRead;

		private long unreportedRejected;

		Sink(StageLoader loader, long deliveryId, List<PersonWarning> warnings, RejectKey rejectKey) {
			this.loader = loader;
			this.deliveryId = deliveryId;
			this.warnings = warnings;
			this.rejectKey = rejectKey;
		}

		@Override
		public void apply(Object[] storeRow, CheckedRow row) {
			counted(false);
			if (this.warnings != null && roster != null && !roster.contains((String) storeRow[personAt])) {
				this.warnings.add(new PersonWarning(row.line(), (String) storeRow[unitAt], (String) storeRow[personAt]));
			}
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
			this.rejects.add(new RejectedRow(line, unitCode, rejection, raw, this.rejectKey.read(raw)));
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
