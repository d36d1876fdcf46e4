package org.learnstats.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.learnstats.outputs.OutputContext;
import org.learnstats.outputs.OutputPart;

/**
 * Writes the output parts stage by stage ({@link OutputParts#stages()}): a stage's parts side by
 * side on up to {@code threads} threads, and a stage only once the one before it is done. A part
 * of one stage never waits for another of the same stage, and one that fails does not stop the
 * others ({@link WriteOutputsTasklet#write}); a full disk stops the outputs once the stage's
 * running parts are done.
 */
final class OutputStages {

	private static final AtomicInteger THREADS = new AtomicInteger();

	private final int threads;

	/** @param threads how many parts of a stage are written at once, at least one */
	OutputStages(int threads) {
		this.threads = Math.max(1, threads);
	}

	/**
	 * Writes every stage in order.
	 * @return the parts that failed (their previous files are kept)
	 * @throws IOException when the disk is full
	 */
	List<OutputPart> write(List<List<OutputPart>> stages, OutputContext context) throws IOException {
		List<OutputPart> failed = new ArrayList<>();
		for (List<OutputPart> stage : stages) {
			failed.addAll(writeStage(stage, context));
		}
		return failed;
	}

	private List<OutputPart> writeStage(List<OutputPart> stage, OutputContext context) throws IOException {
		if (stage.size() == 1 || this.threads == 1) {
			List<OutputPart> failed = new ArrayList<>();
			for (OutputPart part : stage) {
				if (!WriteOutputsTasklet.write(part, context)) {
					failed.add(part);
				}
			}
			return failed;
		}
		ExecutorService pool = Executors.newFixedThreadPool(Math.min(this.threads, stage.size()), (r) -> {
			Thread t = new Thread(r, "outputs-" + THREADS.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
		try {
			List<Future<Boolean>> written = new ArrayList<>();
			for (OutputPart part : stage) {
				written.add(pool.submit(() -> WriteOutputsTasklet.write(part, context)));
			}
			List<OutputPart> failed = new ArrayList<>();
			IOException stop = null;
			for (int i = 0; i < stage.size(); i++) {
				try {
					if (!written.get(i).get()) {
						failed.add(stage.get(i));
					}
				}
				catch (ExecutionException ex) {
					if (ex.getCause() instanceof Error error) {
						throw error;
					}
					if (!(ex.getCause() instanceof IOException io)) {
						throw new IllegalStateException(ex.getCause());
					}
					stop = (stop == null) ? io : stop;
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IOException("interrupted while the outputs were written", ex);
				}
			}
			if (stop != null) {
				throw stop;
			}
			return failed;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
