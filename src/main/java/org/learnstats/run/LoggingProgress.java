package org.learnstats.run;

import org.learnstats.ingest.ProgressListener;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ProgressListener} of a run: a plain log line at a steady rhythm (every
 * {@code learnstats.progress.interval}, 10 s by default: the file being read, rows done, rows per
 * second, rows rejected) for cron mail and journalctl, a warning per quarantined file, and, only
 * when attached to a terminal, a live progress bar on stderr that the log never sees.
 * <p>
 * The job tells it each step as it starts; the scan and the ingest tell it each file and every
 * few thousand rows.
 */
class LoggingProgress implements ProgressListener {

	private static final Logger log = LoggerFactory.getLogger(LoggingProgress.class);

	private final long intervalNanos;

	private final LongSupplier nanoTime;

	private final PrintStream bar;

	private ScheduledExecutorService ticker;

	private int filesTotal;

	private int filesDone;

	private String step;

	private String file;

	private String kind;

	private long fileRows;

	/** Rows and rejects of files done (recorded in the ledger, so counted as the summary counts). */
	private long rowsDone;

	private long rejectedDone;

	/** Rows and rejects read but not recorded yet (the current chunk): dropped when it rolls back. */
	private long rowsReading;

	private long rejectedReading;

	private long lastLogNanos;

	private long lastLogRows;

	private int barWidth;

	private String lastFile;

	/**
	 * @param intervalMillis the rhythm of the progress log lines
	 * @param nanoTime the clock
	 * @param bar where the live bar goes (stderr of a terminal), or {@code null} for none
	 */
	LoggingProgress(long intervalMillis, LongSupplier nanoTime, PrintStream bar) {
		this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
		this.nanoTime = nanoTime;
		this.bar = bar;
	}

	/** Starts the rhythm for a run. */
	synchronized void start() {
		this.lastFile = null;
		this.filesTotal = 0;
		this.filesDone = 0;
		this.step = null;
		this.file = null;
		this.rowsDone = 0;
		this.rejectedDone = 0;
		this.rowsReading = 0;
		this.rejectedReading = 0;
		this.lastLogNanos = this.nanoTime.getAsLong();
		this.lastLogRows = 0;
		if (this.ticker == null) {
			this.ticker = Executors.newSingleThreadScheduledExecutor((r) -> {
				Thread t = new Thread(r, "learnstats-progress");
				t.setDaemon(true);
				return t;
			});
			long period = (this.bar != null) ? 250 : Math.max(100, TimeUnit.NANOSECONDS.toMillis(this.intervalNanos) / 10);
			this.ticker.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
		}
	}

	/** Ends the rhythm; clears the bar. */
	synchronized void stop() {
		if (this.ticker != null) {
			this.ticker.shutdownNow();
			this.ticker = null;
		}
		clearBar();
	}

	private void tick() {
		String line = heartbeat(this.nanoTime.getAsLong());
		if (line != null) {
			clearBar();
			log.info(line);
		}
		drawBar();
	}

	/** The progress line due at {@code now}, or {@code null} when none is due. */
	synchronized String heartbeat(long now) {
		long elapsed = now - this.lastLogNanos;
		if (elapsed < this.intervalNanos) {
			return null;
		}
		long rows = this.rowsDone + this.rowsReading;
		if (this.file == null && rows == this.lastLogRows && this.step == null) {
			return null;
		}
		double perSecond = Math.max(0, rows - this.lastLogRows) / (elapsed / 1e9);
		this.lastLogNanos = now;
		this.lastLogRows = rows;
		StringBuilder line = new StringBuilder();
		if (this.step != null) {
			line.append(this.step).append(": ");
		}
		line.append(String.format(Locale.ROOT, "%,d rows done (%,d rejected), %,.0f rows/s", rows,
				this.rejectedDone + this.rejectedReading, perSecond));
		if (this.filesTotal > 0) {
			line.append(String.format(Locale.ROOT, ", %d of %d files", this.filesDone, this.filesTotal));
		}
		else if (this.filesDone > 0) {
			line.append(String.format(Locale.ROOT, ", %,d files", this.filesDone));
		}
		if (this.file != null) {
			line.append(", reading ").append(this.file);
			if (this.kind != null) {
				line.append(" (").append(this.kind).append(')');
			}
			line.append(String.format(Locale.ROOT, " at row %,d", this.fileRows));
		}
		else if (this.lastFile != null) {
			line.append(", last ").append(this.lastFile);
		}
		return line.toString();
	}

	@Override
	public synchronized void inboxScanned(int files, long bytes) {
		this.filesTotal = files;
		log.info(String.format(Locale.ROOT, "Inbox holds %d export files (%,d bytes)", files, bytes));
	}

	@Override
	public synchronized void stepStarted(String step) {
		this.step = step;
		this.rowsReading = 0;
		this.rejectedReading = 0;
		log.info("Step " + step);
	}

	@Override
	public synchronized void fileStarted(String path, String kind, long bytes) {
		this.file = path;
		this.kind = kind;
		this.fileRows = 0;
		log.debug("Reading {} ({}, {} bytes)", path, kind, bytes);
	}

	@Override
	public synchronized void rows(long read, long rejected) {
		this.fileRows += read;
		this.rowsReading += read;
		this.rejectedReading += rejected;
	}

	@Override
	public synchronized void fileDone(String path, long read, long applied, long rejected, String reason) {
		this.filesDone++;
		this.file = null;
		this.lastFile = path;
		this.rowsReading = Math.max(0, this.rowsReading - read);
		this.rejectedReading = Math.max(0, this.rejectedReading - rejected);
		this.rowsDone += read;
		this.rejectedDone += rejected;
		if (reason != null) {
			log.debug("Quarantined {}: {} ({} rows)", path, reason, read);
		}
		else if (rejected > 0) {
			log.info(String.format(Locale.ROOT, "Read %s: %,d rows, %,d applied, %,d rejected", path, read, applied,
					rejected));
		}
		else {
			log.debug("Read {}: {} rows", path, read);
		}
	}

	@Override
	public synchronized void readDropped() {
		this.rowsReading = 0;
		this.rejectedReading = 0;
	}

	@Override
	public synchronized void fileReadEarlier(String path, long read, long rejected) {
		this.filesDone++;
		this.rowsDone += read;
		this.rejectedDone += rejected;
	}

	@Override
	public synchronized void fileSkipped(String path) {
		this.filesDone++;
		log.debug("Skipped {}: already read", path);
	}

	/** The bar's text for the current state, e.g. {@code [#####.....]  50%  3/6 files  12,000 rows}. */
	synchronized String barText() {
		int width = 30;
		StringBuilder text = new StringBuilder("[");
		if (this.filesTotal > 0) {
			int filled = (int) Math.min(width, (long) width * this.filesDone / this.filesTotal);
			text.append("#".repeat(filled)).append(".".repeat(width - filled)).append(']');
			text.append(String.format(Locale.ROOT, " %3d%%  %d/%d files", 100L * this.filesDone / this.filesTotal,
					this.filesDone, this.filesTotal));
		}
		else {
			text.append(" ".repeat(width)).append(']');
		}
		text.append(String.format(Locale.ROOT, "  %,d rows", this.rowsDone + this.rowsReading));
		if (this.rejectedDone + this.rejectedReading > 0) {
			text.append(String.format(Locale.ROOT, " (%,d rejected)", this.rejectedDone + this.rejectedReading));
		}
		if (this.step != null) {
			text.append("  ").append(this.step);
		}
		return text.toString();
	}

	private synchronized void drawBar() {
		if (this.bar == null) {
			return;
		}
		String text = barText();
		if (text.length() > 100) {
			text = text.substring(0, 100);
		}
		this.bar.print("\r" + text + " ".repeat(Math.max(0, this.barWidth - text.length())));
		this.bar.flush();
		this.barWidth = text.length();
	}

	private synchronized void clearBar() {
		if (this.bar != null && this.barWidth > 0) {
			this.bar.print("\r" + " ".repeat(this.barWidth) + "\r");
			this.bar.flush();
			this.barWidth = 0;
		}
	}

}
