package org.learnstats.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.learnstats.indicators.DeliveryRecord.Status;

/** Delivery deadlines by hand: due dates, on time, late, missing, pending, and who is not judged. */
class DeliveryRecordTest {

	static final LocalDate LEDGER_START = LocalDate.of(2026, 9, 20);

	/** B1 delivered from July: July and August with the first run, September on time, October late. */
	static DeliveryRecord record(LocalDate asOf, int dueDay) {
		Map<String, LocalDate> b1 = new TreeMap<>(Map.of("2026-07", LEDGER_START, "2026-08", LEDGER_START, "2026-09",
				LocalDate.of(2026, 10, 5), "2026-10", LocalDate.of(2026, 11, 6)));
		return new DeliveryRecord(asOf, dueDay, LEDGER_START, Map.of("B1", b1),
				Map.of("B1", Map.of("2026-10", new long[] { 1, 3 })));
	}

	@Test
	void aMonthIsDueOnTheDueDayOfTheNextMonthClampedToItsLength() {
		DeliveryRecord r = record(LocalDate.of(2026, 11, 20), 5);
		assertThat(r.dueDate(YearMonth.of(2026, 10))).isEqualTo(LocalDate.of(2026, 11, 5));
		assertThat(r.dueDate(YearMonth.of(2026, 12))).isEqualTo(LocalDate.of(2027, 1, 5));
		assertThat(record(LocalDate.of(2026, 11, 20), 31).dueDate(YearMonth.of(2027, 1)))
			.isEqualTo(LocalDate.of(2027, 2, 28));
	}

	@Test
	void monthsAreOnTimeLateOrOfUnknownDateBeforeTheLedger() {
		DeliveryRecord r = record(LocalDate.of(2026, 11, 20), 5);
		assertThat(r.status("B1", YearMonth.of(2026, 6))).as("before its first month").isEqualTo(Status.NOT_EXPECTED);
		assertThat(r.status("B1", YearMonth.of(2026, 7))).as("due Aug 5, came with the first run")
			.isEqualTo(Status.DELIVERED);
		assertThat(r.status("B1", YearMonth.of(2026, 9))).as("Oct 5 is the due day itself").isEqualTo(Status.ON_TIME);
		assertThat(r.status("B1", YearMonth.of(2026, 10))).as("Nov 6, a day after").isEqualTo(Status.LATE);
		assertThat(r.status("B1", YearMonth.of(2026, 11))).as("the running month").isEqualTo(Status.NOT_EXPECTED);
		assertThat(r.status("NEVER", YearMonth.of(2026, 10))).as("a unit that never delivered events")
			.isEqualTo(Status.NOT_EXPECTED);
		assertThat(r.rejectRate("B1", YearMonth.of(2026, 10))).isEqualTo(0.25);
		assertThat(r.rejectRate("B1", YearMonth.of(2026, 9))).isNull();
	}

	@Test
	void aMonthNotDeliveredIsPendingUntilItsDueDayThenMissing() {
		assertThat(record(LocalDate.of(2026, 12, 5), 5).status("B1", YearMonth.of(2026, 11))).isEqualTo(Status.PENDING);
		assertThat(record(LocalDate.of(2026, 12, 6), 5).status("B1", YearMonth.of(2026, 11))).isEqualTo(Status.MISSING);
		assertThat(record(LocalDate.of(2026, 12, 6), 10).status("B1", YearMonth.of(2026, 11)))
			.as("a later due day").isEqualTo(Status.PENDING);
		assertThat(record(LocalDate.of(2026, 12, 6), 5).notDeliveredLastMonth(List.of("NEVER", "B1")))
			.containsExactly("B1");
		assertThat(record(LocalDate.of(2026, 11, 20), 5).notDeliveredLastMonth(List.of("B1"))).isEmpty();
	}

}
