package org.learnstats.run;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoggingProgressTest {

	private final AtomicLong now = new AtomicLong();

	private final LoggingProgress progress = new LoggingProgress(10_000, this.now::get, null);

	private long at(long seconds) {
		this.now.set(TimeUnit.SECONDS.toNanos(seconds));
		return this.now.get();
	}

	@Test
	void aLineEveryIntervalWithFileRowsRateAndRejects() {
		at(0);
		this.progress.inboxScanned(4, 1000);
		this.progress.stepStarted("ingestAttendance");
		this.progress.fileStarted("att/unit-1.csv", "attendance", 500);
		this.progress.rows(20_000, 3);
		assertThat(this.progress.heartbeat(at(5))).isNull();
		this.progress.rows(30_000, 2);
		assertThat(this.progress.heartbeat(at(10))).isEqualTo(
				"ingestAttendance: 50,000 rows done (5 rejected), 5,000 rows/s, 0 of 4 files, reading att/unit-1.csv (attendance) at row 50,000");
		this.progress.fileDone("att/unit-1.csv", 50_000, 49_995, 5, null);
		this.progress.fileStarted("att/unit-2.csv", "attendance", 500);
		this.progress.rows(10_000, 0);
		assertThat(this.progress.heartbeat(at(12))).isNull();
		assertThat(this.progress.heartbeat(at(20))).isEqualTo(
				"ingestAttendance: 60,000 rows done (5 rejected), 1,000 rows/s, 1 of 4 files, reading att/unit-2.csv (attendance) at row 10,000");
	}

	@Test
	void nothingToSayWhenIdle() {
		at(0);
		this.progress.start();
		this.progress.stop();
		assertThat(this.progress.heartbeat(at(30))).isNull();
	}

	@Test
	void theBarShowsFilesDoneOfAllAndRows() {
		this.progress.inboxScanned(4, 1000);
		this.progress.fileStarted("a.csv", "units", 10);
		this.progress.rows(1234, 1);
		this.progress.fileDone("a.csv", 1234, 1233, 1, null);
		this.progress.fileSkipped("b.csv");
		assertThat(this.progress.barText())
			.isEqualTo("[###############...............]  50%  2/4 files  1,234 rows (1 rejected)");
	}

	/**
	 * The rows and rejects of the progress line are those the summary counts: a chunk read twice
	 * (merged after a clashing append) or without a file that could not be read counts once; a
	 * file quarantined by the scan counts its rows; a resumed run counts what its earlier attempt
	 * read.
	 */
	@Test
	void rowsAndRejectsAgreeWithTheLedger() {
		at(0);
		this.progress.inboxScanned(5, 1000);
		this.progress.fileReadEarlier("a0.csv", 700, 7);
		this.progress.fileDone("junk.txt", 2, 0, 2, "UNKNOWN_KIND");
		this.progress.stepStarted("ingestAttendance");
		this.progress.fileStarted("a1.csv", "attendance", 10);
		this.progress.rows(100, 1);
		this.progress.fileStarted("a2.csv", "attendance", 10);
		this.progress.rows(50, 0);
		this.progress.readDropped();
		this.progress.fileStarted("a1.csv", "attendance", 10);
		this.progress.rows(100, 1);
		this.progress.fileStarted("a2.csv", "attendance", 10);
		this.progress.rows(50, 0);
		this.progress.fileDone("a1.csv", 100, 99, 1, null);
		this.progress.fileDone("a2.csv", 50, 50, 0, null);
		assertThat(this.progress.heartbeat(at(10))).isEqualTo(
				"ingestAttendance: 852 rows done (10 rejected), 85 rows/s, 4 of 5 files, last a2.csv");
	}

}
