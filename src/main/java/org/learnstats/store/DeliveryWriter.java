package org.learnstats.store;

import java.io.IOException;
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
import org.learnstats.ingest.IngestLimits;
import org.learnstats.ingest.InboxPlan.PlannedFile;
import org.learnstats.ingest.ProgressListener;
import org.learnstats.ingest.Reason;
import org.learnstats.ingest.Rejection;
import org.learnstats.ingest.RowSink;
import org.learnstats.ingest.UnreadFile;
import org.learnstats.store.DeliveryLedger.RejectedRow;
import org.learnstats.vocabulary.Kind;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.learnstats.store.DeliveryLedger.PersonWarning;
import org.learnstats.vocabulary.RejectDetail;
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
 * merged instead. On PostgreSQL these tables are partitioned by year and a partition's key sees
 * its own year only: a chunk whose keys another year's partition holds is merged too
 * ({@link CrossYearCheck}).</li>
 * </ul>
 * A crash before the commit leaves none of the chunk's files recorded, so the next run reads
 * them again. A file that cannot be read, or changes while it is read, is no delivery: the chunk
 * goes back to its start without it, and it is reported as not read (a later night reads it).
 * When the store throws for anything else the checks did not foresee, the chunk is rolled back
 * to its start and its files are applied one by one: a file that fails alone is quarantined as
 * STORE_ERROR (the log names it), the others are applied. A store that cannot be reached still
 * fails the step.
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

	private final IngestLimits limits;

	/** The check of appended rows against other years' partitions (PostgreSQL), or null. */
	private final CrossYearCheck crossYear;

	private StoreSnapshot snapshot;

	/** The person ids of the store at the start of the step, for the UNKNOWN_PERSON warnings. */
	private Set<String> roster;

	/** Whether other processes write the same kind at the same time (see {@link #alongsideOthers}). */
	private final boolean concurrent;

	public DeliveryWriter(DataSource dataSource, DeliveryLedger ledger, ExportKind kind, InboxPlan plan,
			ProgressListener progress, IngestLimits limits) {
		this(dataSource, ledger, kind, plan, progress, limits, false);
	}

	/**
	 * A writer of one partition of a kind's files while other workers write the kind's other
	 * partitions: a key the store holds is replaced only by a later delivery, and a chunk the
	 * store's concurrency control refused (a deadlock, a key another worker inserted meanwhile)
	 * throws {@link Contention} instead of quarantining files: nothing of it is the files' fault.
	 */
	public static DeliveryWriter alongsideOthers(DataSource dataSource, DeliveryLedger ledger, ExportKind kind,
			InboxPlan plan, ProgressListener progress, IngestLimits limits) {
		return new DeliveryWriter(dataSource, ledger, kind, plan, progress, limits, true);
	}

	private DeliveryWriter(DataSource dataSource, DeliveryLedger ledger, ExportKind kind, InboxPlan plan,
			ProgressListener progress, IngestLimits limits, boolean concurrent) {
		this.concurrent = concurrent;
		this.progress = progress;
		this.limits = limits;
		this.dataSource = dataSource;
		this.dialect = StoreDialect.of(dataSource);
		this.ledger = ledger;
		this.kind = kind;
		this.plan = plan;
		this.statements = MergeStatement.of(kind, this.dialect, concurrent);
		this.crossYear = CrossYearCheck.of(dataSource, this.dialect, kind);
		this.jdbc = new JdbcTemplate(dataSource);
		this.unitAt = kind.storeColumns().indexOf("unit_code");
		this.personAt = kind.warnsUnknownPerson() ? kind.storeColumns().indexOf("person_id") : -1;
	}

	/** Each step execution starts from the store as it is now, not as an earlier run left it. */
	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.snapshot = null;
		if (this.crossYear != null) {
			this.crossYear.reset();
		}
	}

	@Override
	public void write(Chunk<? extends PlannedFile> chunk) throws Exception {
		if (this.snapshot == null) {
			// once per step; units and surveys applied since are added as their files apply
			this.snapshot = StoreSnapshot.load(this.dataSource, (this.kind.kind() == Kind.RESPONSES));
			this.roster = this.personAt >= 0 ? loadRoster() : null;
		}
		if (this.crossYear != null) {
			this.crossYear.prepare();
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
		List<PlannedFile> files = new ArrayList<>(chunk.getItems());
		while (!files.isEmpty()) {
			Savepoint savepoint = connection.setSavepoint();
			try {
				apply(files, connection);
				connection.releaseSavepoint(savepoint);
				break;
			}
			catch (NotReadException ex) {
				// no delivery yet: nothing of it stays, the chunk's other files go again without it
				connection.rollback(savepoint);
				setAside(files, ex);
			}
			catch (Exception ex) {
				if (unreadable(ex)) {
					throw ex;
				}
				if (this.concurrent && contended(ex)) {
					throw new Contention(ex);
				}
				connection.rollback(savepoint);
				logger.warn("%s: the store refused a file of %s..%s (%s); applying these %d files one by one"
					.formatted(this.kind.name(), files.get(0).file().relativePath(),
							files.get(files.size() - 1).file().relativePath(), cause(ex), files.size()));
				applyOneByOne(files, connection);
				break;
			}
		}
		if (this.statements.warnings() != null) {
			this.ledger.countWarnings(first, last);
		}
	}

	private void apply(List<? extends PlannedFile> files, Connection connection) throws Exception {
		if (!this.kind.appendsEvents() || !append(files, connection)) {
			merge(files, connection);
		}
	}

	/**
	 * After a failed chunk: each file in a savepoint of its own, the failing ones quarantined as
	 * STORE_ERROR. The snapshot of units and surveys is read again from the store each time a
	 * rollback takes back what the checks had learnt from the files rolled back.
	 */
	private void applyOneByOne(List<? extends PlannedFile> files, Connection connection) throws Exception {
		this.snapshot = StoreSnapshot.load(this.dataSource, (this.kind.kind() == Kind.RESPONSES));
		for (PlannedFile planned : files) {
			long started = System.nanoTime();
			Savepoint one = connection.setSavepoint();
			try {
				apply(List.of(planned), connection);
				connection.releaseSavepoint(one);
			}
			catch (NotReadException ex) {
				connection.rollback(one);
				setAside(new ArrayList<>(List.of(planned)), ex);
			}
			catch (Exception ex) {
				if (unreadable(ex)) {
					throw ex;
				}
				if (this.concurrent && contended(ex)) {
					throw new Contention(ex);
				}
				connection.rollback(one);
				this.snapshot = StoreSnapshot.load(this.dataSource, (this.kind.kind() == Kind.RESPONSES));
				quarantine(planned, ex, (System.nanoTime() - started) / 1_000_000);
			}
		}
	}

	/** Takes a file that could not be read out of the chunk and reports it: no delivery yet. */
	private void setAside(List<? extends PlannedFile> files, NotReadException ex) {
		// the rollback took back the units and surveys the checks had learnt from the chunk
		this.snapshot = StoreSnapshot.load(this.dataSource, (this.kind.kind() == Kind.RESPONSES));
		this.progress.readDropped();
		if (!files.remove(ex.planned)) {
			throw ex;
		}
		this.ledger.recordUnread(this.plan.runId(), ex.unread);
		logger.warn("not read: %s: %s (%s)".formatted(ex.unread.path(), ex.unread.cause(), ex.unread.detail()));
	}

	/** Records a file the store refused as quarantined: no row applied, every row read and rejected. */
	private void quarantine(PlannedFile planned, Exception failure, long millis) throws Exception {
		String path = planned.file().relativePath();
		long rows = FileIngester.countRows(planned.file(), this.limits);
		Rejection rejection = Rejection.of(RejectDetail.STORE_REFUSED, cause(failure));
		this.ledger.recordDelivery(planned.deliveryId(), this.plan.runId(), planned.file(), new FileResult(rows, 0, rows),
				rejection, millis);
		this.progress.fileDone(path, rows, 0, rows, Reason.STORE_ERROR.name());
		logger.error("%s %s: quarantined as %s, the chunk's other files are applied: %s".formatted(this.kind.name(),
				path, Reason.STORE_ERROR, rejection.english()), failure);
	}

	/** Whether a failure is a file that cannot be read, or a store that cannot be reached: not the file's fault. */
	private static boolean unreadable(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof java.io.IOException || t instanceof java.io.UncheckedIOException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The innermost message of a failure, on one line, without the failing row's values (PostgreSQL's
	 * "Detail: Failing row contains ...", which may hold a name, goes to the published rejects) and
	 * without the statement text.
	 */
	private static String cause(Throwable failure) {
		Throwable t = failure;
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
		message = message.replaceAll("\\s+", " ").strip();
		for (String tail : new String[] { " Detail:", " Where:", "; SQL statement:" }) {
			int at = message.indexOf(tail);
			if (at > 0) {
				message = message.substring(0, at);
			}
		}
		return message;
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
		if (this.crossYear != null) {
			this.crossYear.start();
		}
		try {
			List<FileLoad> loads = new ArrayList<>();
			for (PlannedFile planned : files) {
				loads.add(read(planned, loader, this.personAt >= 0, this.crossYear));
			}
			loader.close();
			oneAtATime();
			if (this.crossYear != null && this.crossYear.found()) {
				// a key of another year's partition: only the merge replaces across partitions
				return mergeInstead(files, connection, savepoint, "is stored with a date of another year");
			}
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
			return mergeInstead(files, connection, savepoint, "is in the store already");
		}
	}

	/** Takes an appended chunk back to the savepoint for the merge; returns false (not appended). */
	private boolean mergeInstead(List<? extends PlannedFile> files, Connection connection, Savepoint savepoint,
			String why) throws SQLException {
		connection.rollback(savepoint);
		this.progress.readDropped();
		logger.debug("%s: a key of files %s..%s %s, merging them instead".formatted(this.kind.name(),
				files.get(0).file().relativePath(), files.get(files.size() - 1).file().relativePath(), why));
		return false;
	}

	/**
	 * Alongside others, on PostgreSQL's yearly partitions: from here to its commit the chunk is the
	 * only one of its kind that looks into the other years' partitions (its appended rows' key
	 * prefixes, or its merge). Each partition's key sees only its own year, so two writers that
	 * appended the same key into two years, each looking before the other committed, would both keep
	 * it; taken in turn, the later one sees the earlier's rows and merges. Rows are still appended
	 * side by side; the lock is the transaction's (a rollback to the chunk's savepoint lets it go).
	 * It is keyed by the kind's table and the schema, as the run lock is: two stores in two schemas
	 * of one database do not wait for each other.
	 */
	private void oneAtATime() {
		if (this.concurrent && this.crossYear != null) {
			this.jdbc.execute("SELECT pg_advisory_xact_lock(hashtext('learnstats cross-year " + this.kind.table()
					+ "'), hashtext(current_schema()))");
		}
	}

	/** Stages the files' rows, then merges them into the store in one statement (later files win). */
	private void merge(List<? extends PlannedFile> files, Connection connection) throws Exception {
		oneAtATime();
		this.jdbc.execute(this.statements.clear());
		List<FileLoad> loads = new ArrayList<>();
		try (StageLoader loader = StageLoader.open(this.dialect, connection, MergeStatement.stageTable(this.kind),
				this.kind.storeColumns())) {
			for (PlannedFile planned : files) {
				loads.add(read(planned, loader, false, null));
			}
		}
		loads.forEach(this::record);
		this.jdbc.update(this.statements.merge());
		if (this.statements.warnings() != null) {
			this.jdbc.update(this.statements.warnings());
		}
		this.jdbc.execute(this.statements.clear());
	}

	/**
	 * Whether the failure is the store's concurrency control: a transaction rollback (SQLSTATE class
	 * 40: deadlock, serialization) or, outside the bulk append, a key inserted by another
	 * transaction meanwhile (23505).
	 */
	private static boolean contended(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			for (SQLException e = (t instanceof SQLException s) ? s : null; e != null; e = e.getNextException()) {
				String state = e.getSQLState();
				if (state != null && (state.startsWith("40") || state.equals("23505"))) {
					return true;
				}
			}
		}
		return false;
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
	private FileLoad read(PlannedFile planned, StageLoader loader, boolean warn, CrossYearCheck noted)
			throws Exception {
		long started = System.nanoTime();
		this.progress.fileStarted(planned.file().relativePath(), this.kind.name(), planned.file().text().size());
		Sink sink = new Sink(loader, planned.deliveryId(), warn ? new ArrayList<>() : null,
				RejectKey.of(planned.file()), noted);
		FileResult result;
		try {
			result = new FileIngester(this.plan.asOf(), this.limits).ingest(planned.file(), this.snapshot, sink);
		}
		catch (IOException ex) {
			throw new NotReadException(planned, UnreadFile.of(planned.file().relativePath(), ex));
		}
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

	/** A chunk refused by the store's concurrency control, on a writer alongside others: it may go again. */
	public static final class Contention extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Contention(Throwable cause) {
			super(cause.getMessage(), cause);
		}

	}

	/** A file that could not be read, or changed while it was read: not a delivery (spec section 2.2). */
	private static final class NotReadException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient PlannedFile planned;

		private final transient UnreadFile unread;

		NotReadException(PlannedFile planned, UnreadFile unread) {
			super(unread.path() + ": " + unread.detail(), null, false, false);
			this.planned = planned;
			this.unread = unread;
		}

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

		private final CrossYearCheck noted;

		private long unreportedRead;

		private long unreportedRejected;

		Sink(StageLoader loader, long deliveryId, List<PersonWarning> warnings, RejectKey rejectKey,
				CrossYearCheck noted) {
			this.noted = noted;
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
			if (this.noted != null) {
				this.noted.add(storeRow);
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
