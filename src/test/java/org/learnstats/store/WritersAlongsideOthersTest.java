package org.learnstats.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learnstats.store.IngestJobTest.ATTENDANCE_EN;
import static org.learnstats.store.IngestJobTest.UNITS_EN;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.learnstats.ingest.ExportKind;
import org.learnstats.ingest.InboxFile;
import org.learnstats.ingest.InboxPlan;
import org.learnstats.ingest.InboxPlan.PlannedFile;
import org.learnstats.ingest.InboxScanner;
import org.learnstats.ingest.IngestLimits;
import org.learnstats.ingest.Kinds;
import org.learnstats.ingest.ProgressListener;
import org.learnstats.support.Inbox;
import org.learnstats.support.TestDatabase;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Workers applying partitions of one kind at once may apply a later delivery before an earlier
 * one: a writer alongside others keeps the later delivery's row, as one process applying them in
 * order does.
 */
class WritersAlongsideOthersTest {

	@TempDir
	Path tmp;

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void theLaterDeliveryWinsWhicheverIsAppliedFirst(String vendor) throws Exception {
		TestDatabase db = TestDatabase.create(vendor);
		// the later file marks P2 present where the earlier one said absent
		Inbox inbox = new Inbox(this.tmp.resolve("inbox")).file("a/units.csv", UNITS_EN)
			.file("b/a1.csv", ATTENDANCE_EN)
			.file("c/a2.csv", "unit_code,session_id,session_date,session_type,duration_hours,person_id,status\n"
					+ "BR1,B-01,2026-03-05,branch_study,2,P2,present\n");
		List<InboxFile> files = new InboxScanner(Kinds.ALL).scan(inbox.dir()).files();
		assertThat(files).extracting(InboxFile::relativePath).containsExactly("a/units.csv", "b/a1.csv", "c/a2.csv");
		InboxPlan plan = new InboxPlan();
		plan.reset(1, LocalDate.of(2026, 4, 1));
		DataSource ds = db.dataSource();
		DeliveryLedger ledger = new DeliveryLedger(ds);
		ExportKind attendance = files.get(1).kind();
		write(ds, new DeliveryWriter(ds, ledger, files.get(0).kind(), plan, quiet(), IngestLimits.defaults()),
				new PlannedFile(files.get(0), 1));

		// alongside others: the later delivery (3) first, then the earlier (2)
		write(ds, DeliveryWriter.alongsideOthers(ds, ledger, attendance, plan, quiet(), IngestLimits.defaults()),
				new PlannedFile(files.get(2), 3));
		write(ds, DeliveryWriter.alongsideOthers(ds, ledger, attendance, plan, quiet(), IngestLimits.defaults()),
				new PlannedFile(files.get(1), 2));
		assertThat(p2(ds)).containsEntry("STATUS", "present").containsEntry("DELIVERY_ID", 3L);
		// every row of the earlier file that no later one brings is there, from it
		assertThat(new JdbcTemplate(ds).queryForObject(
				"SELECT COUNT(*) FROM attendance WHERE delivery_id = 2", Long.class)).isEqualTo(
						new JdbcTemplate(ds).queryForObject("SELECT rows_applied - 1 FROM delivery WHERE delivery_id = 2",
								Long.class));

	}

	/**
	 * The cross-year lock a writer alongside others holds until its commit is its store's: a writer
	 * of the same kind in another schema of the database goes on, one in the same schema waits.
	 */
	@org.junit.jupiter.api.Test
	void theCrossYearLockIsTheSchemasOwn() throws Exception {
		TestDatabase first = TestDatabase.postgres().eventYearsThrough(2026);
		TestDatabase second = TestDatabase.postgres().eventYearsThrough(2026);
		Inbox inbox = new Inbox(this.tmp.resolve("inbox")).file("a/units.csv", UNITS_EN).file("b/a1.csv", ATTENDANCE_EN);
		List<InboxFile> files = new InboxScanner(Kinds.ALL).scan(inbox.dir()).files();
		InboxPlan plan = new InboxPlan();
		plan.reset(1, LocalDate.of(2026, 4, 1));
		DataSource one = first.dataSource();
		DataSource two = second.dataSource();
		for (DataSource ds : List.of(one, two)) {
			write(ds, new DeliveryWriter(ds, new DeliveryLedger(ds), files.get(0).kind(), plan, quiet(),
					IngestLimits.defaults()), new PlannedFile(files.get(0), 1));
		}
		java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
		// a writer that stops inside its transaction once it holds the lock (it records its file after taking it)
		ProgressListener stopsHolding = onFileDone(() -> {
			holding.countDown();
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
		try {
			java.util.concurrent.Future<?> holder = pool.submit(() -> write(one,
					alongside(one, files.get(1), plan, stopsHolding), new PlannedFile(files.get(1), 2)));
			assertThat(holding.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
			java.util.concurrent.Future<?> otherSchema = pool.submit(() -> write(two,
					alongside(two, files.get(1), plan, quiet()), new PlannedFile(files.get(1), 2)));
			otherSchema.get(30, java.util.concurrent.TimeUnit.SECONDS);
			java.util.concurrent.Future<?> sameSchema = pool.submit(() -> write(one,
					alongside(one, files.get(1), plan, quiet()), new PlannedFile(files.get(1), 3)));
			Thread.sleep(1000);
			assertThat(sameSchema).as("a writer of the same store waits for the lock").isNotDone();
			release.countDown();
			holder.get(30, java.util.concurrent.TimeUnit.SECONDS);
			sameSchema.get(30, java.util.concurrent.TimeUnit.SECONDS);
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
		assertThat(new JdbcTemplate(two).queryForObject("SELECT COUNT(*) FROM attendance", Long.class))
			.isPositive();
		// the file the held writer brought was applied again, later, by the one that waited: its rows are delivery 3's
		assertThat(new JdbcTemplate(one).queryForList("SELECT DISTINCT delivery_id FROM attendance",
				Long.class)).containsExactly(3L);
	}

	private static DeliveryWriter alongside(DataSource ds, InboxFile file, InboxPlan plan, ProgressListener progress) {
		return DeliveryWriter.alongsideOthers(ds, new DeliveryLedger(ds), file.kind(), plan, progress,
				IngestLimits.defaults());
	}

	private static Map<String, Object> p2(DataSource ds) {
		Map<String, Object> row = new JdbcTemplate(ds).queryForMap(
				"SELECT status, delivery_id FROM attendance WHERE unit_code = 'BR1' AND session_id = 'B-01' AND person_id = 'P2'");
		Map<String, Object> upper = new java.util.TreeMap<>();
		row.forEach((k, v) -> upper.put(k.toUpperCase(java.util.Locale.ROOT), (v instanceof Number n) ? n.longValue() : v));
		return upper;
	}

	private static void write(DataSource ds, DeliveryWriter writer, PlannedFile file) {
		new TransactionTemplate(new DataSourceTransactionManager(ds)).executeWithoutResult((status) -> {
			try {
				writer.write(new Chunk<>(List.of(file)));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	private static ProgressListener quiet() {
		return onFileDone(() -> {
		});
	}

	private static ProgressListener onFileDone(Runnable action) {
		return new ProgressListener() {
			@Override
			public void fileStarted(String path, String kind, long bytes) {
			}

			@Override
			public void rows(long read, long rejected) {
			}

			@Override
			public void fileDone(String path, long read, long applied, long rejected, String reason) {
				action.run();
			}
		};
	}

}
