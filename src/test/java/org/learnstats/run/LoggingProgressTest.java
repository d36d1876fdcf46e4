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

}
