package org.learnstats.run;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.learnstats.indicators.DeliveryHistory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The half of a run's delivery history that does not read the refresh's work
 * ({@link DeliveryHistory#recordApplied}: rows applied per delivery and unit) counted on a thread of
 * its own, in a transaction of its own, while the indicators are refreshed. It reads the event
 * tables, which the refresh only reads, writes a table the refresh never touches, and depends on
 * the ingest alone, whose rows are committed. A first night's count reads the whole store: 1.5 s
 * after the refresh of the small-units year, now beside it. Should it fail or wait too long for a
 * lock, it is counted again after the refresh, in the step's transaction. A refresh that fails
 * leaves the count recorded, as a failure after it did before: counting again replaces it.
 */
final class HistoryBesideRefresh {

	private static final Log logger = LogFactory.getLog(HistoryBesideRefresh.class);

	private final DeliveryHistory history;

	private final long runId;

	private final CompletableFuture<Void> counted;

	private HistoryBesideRefresh(DeliveryHistory history, long runId, CompletableFuture<Void> counted) {
		this.history = history;
		this.runId = runId;
		this.counted = counted;
	}

	/** Starts counting the rows run {@code runId} applied. */
	static HistoryBesideRefresh start(DeliveryHistory history, long runId, PlatformTransactionManager transactions) {
		TransactionTemplate tx = new TransactionTemplate(transactions);
		return new HistoryBesideRefresh(history, runId, CompletableFuture
			.runAsync(() -> tx.executeWithoutResult((status) -> history.recordApplied(runId, true)), (task) -> {
				Thread t = new Thread(task, "rows-applied");
				t.setDaemon(true);
				t.start();
			}));
	}

	/**
	 * Runs the refresh, then waits for the count, whether the refresh failed or not (nothing writes
	 * once the step ends); counts again in the caller's transaction when the count failed.
	 */
	<T> T beside(Supplier<T> refresh) {
		T result;
		try {
			result = refresh.get();
		}
		catch (RuntimeException | Error ex) {
			try {
				this.counted.join();
			}
			catch (CompletionException failed) {
				ex.addSuppressed(failed.getCause());
			}
			throw ex;
		}
		try {
			this.counted.join();
		}
		catch (CompletionException ex) {
			logger.warn("The rows applied by run " + this.runId + " could not be counted beside the indicators ("
					+ ex.getCause() + "); counting them now");
			this.history.recordApplied(this.runId, false);
		}
		return result;
	}

}
