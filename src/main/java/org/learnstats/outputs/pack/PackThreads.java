package org.learnstats.outputs.pack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one task per item on a few threads and gives the results in the items' order. When a task
 * fails, the tasks not started yet are skipped, those running are waited for (nothing is still
 * writing once this returns, unless the caller is interrupted), and the first failure is thrown as it
 * was raised.
 */
final class PackThreads {

	/** A task that may fail with an {@link IOException}. */
	@FunctionalInterface
	interface Task<T> {

		int run(T item) throws IOException;

	}

	private PackThreads() {
	}

	static <T> List<Integer> map(List<T> items, int threads, Task<T> task) throws IOException {
		if (threads <= 1 || items.size() <= 1) {
			List<Integer> out = new ArrayList<>();
			for (T item : items) {
				out.add(task.run(item));
			}
			return out;
		}
		AtomicBoolean failed = new AtomicBoolean();
		ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size()), (r) -> {
			Thread t = new Thread(r, "packs");
			t.setDaemon(true);
			return t;
		});
		try {
			List<Future<Integer>> futures = new ArrayList<>();
			for (T item : items) {
				futures.add(pool.submit(() -> {
					if (failed.get()) {
						return -1;
					}
					try {
						return task.run(item);
					}
					catch (IOException | RuntimeException | Error ex) {
						failed.set(true);
						throw ex;
					}
				}));
			}
			List<Integer> out = new ArrayList<>();
			Throwable first = null;
			for (Future<Integer> f : futures) {
				try {
					out.add(f.get());
				}
				catch (ExecutionException ex) {
					first = (first == null) ? ex.getCause() : first;
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					failed.set(true);
					throw new java.io.InterruptedIOException("packs interrupted");
				}
			}
			if (first != null) {
				throw rethrow(first);
			}
			return out;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static IOException rethrow(Throwable t) {
		if (t instanceof IOException io) {
			return io;
		}
		if (t instanceof RuntimeException r) {
			throw r;
		}
		if (t instanceof Error e) {
			throw e;
		}
		throw new UncheckedIOException(new IOException(t));
	}

}
