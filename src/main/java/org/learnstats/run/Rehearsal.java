package org.learnstats.run;

import java.util.List;
import java.util.concurrent.ForkJoinPool;

import org.learnstats.outputs.OutputPart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * While the database computes the indicators of a night that will draw every chart and pack (no
 * outputs published yet: a first night), one thread has the output parts draw made-up data
 * ({@link OutputPart#rehearse}) on the one core the database leaves idle, from
 * {@link #DELAY_MILLIS} on, until the refresh ends or {@link #BUDGET_MILLIS} pass. The compiler
 * then has the drawing code compiled when the parts start: on two cores it otherwise compiled
 * beside them for most of their first half minute.
 * Nothing of it is kept; a rehearsal that fails is logged and ends.
 */
final class Rehearsal implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(Rehearsal.class);

	/** The longest a rehearsal goes on: past it the drawing code is as compiled as it gets. */
	static final long BUDGET_MILLIS = 10_000;

	/**
	 * How long a rehearsal waits before it starts. A full refresh's first seconds keep both cores
	 * busy in the database: the refresh itself, and beside it the rows-applied count and the event
	 * tables' statistics. Rehearsing then slowed the refresh, which is the night's critical path:
	 * the small-units first night, alternated, refreshed in 17.1 / 17.0 s rehearsing at once and in
	 * 14.9 / 15.3 s rehearsing after 5 s (nights 69.8 / 69.4 against 66.3 / 66.6 s), and the charts
	 * and packs that followed were no slower.
	 */
	static final long DELAY_MILLIS = 5_000;

	private final Thread thread;

	private volatile boolean stopped;

	private volatile int rounds;

	private Rehearsal(List<OutputPart> parts, long delayMillis) {
		// in a pool of one: what a part draws in parallel (a pack's charts) stays on this thread
		this.thread = new Thread(() -> {
			ForkJoinPool one = new ForkJoinPool(1);
			try {
				one.submit(() -> rehearse(parts, delayMillis)).join();
			}
			finally {
				one.shutdown();
			}
		}, "rehearsal");
		this.thread.setDaemon(true);
		this.thread.setPriority(Thread.MIN_PRIORITY);
	}

	/** Starts rehearsing the parts after {@link #DELAY_MILLIS}; {@link #close} ends it. */
	static Rehearsal start(List<OutputPart> parts) {
		return start(parts, DELAY_MILLIS);
	}

	/** Starts rehearsing the parts after {@code delayMillis}; {@link #close} ends it, waiting or not. */
	static Rehearsal start(List<OutputPart> parts, long delayMillis) {
		Rehearsal r = new Rehearsal(parts, delayMillis);
		r.thread.start();
		return r;
	}

	/** No rehearsal: a night that draws only what changed. */
	static Rehearsal none() {
		Rehearsal r = new Rehearsal(List.of(), 0);
		r.stopped = true;
		return r;
	}

	private void rehearse(List<OutputPart> parts, long delayMillis) {
		long begin = System.nanoTime() + delayMillis * 1_000_000;
		while (!this.stopped && System.nanoTime() < begin) {
			try {
				Thread.sleep(Math.min(50, Math.max(1, (begin - System.nanoTime()) / 1_000_000)));
			}
			catch (InterruptedException ex) {
				return;
			}
		}
		long deadline = System.nanoTime() + BUDGET_MILLIS * 1_000_000;
		try {
			while (!this.stopped && System.nanoTime() < deadline) {
				for (OutputPart part : parts) {
					if (this.stopped) {
						return;
					}
					part.rehearse();
				}
				this.rounds++;
			}
		}
		catch (RuntimeException | LinkageError ex) {
			logger.warn("The outputs' rehearsal ended: {}", ex.toString());
		}
	}

	/** Ends the rehearsal after the drawing in hand (not waited for). */
	@Override
	public void close() {
		this.stopped = true;
		if (this.thread.isAlive() || this.rounds > 0) {
			logger.info("Outputs rehearsed {} times while the indicators were computed", this.rounds);
		}
	}

}
