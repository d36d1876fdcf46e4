package org.learnstats.indicators;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Each unit's delivery record by month: when the month's events first arrived against its due
 * date, and the share of rows rejected.
 * <p>
 * A month's exports are due on the due day of the following month (the last day of that month
 * when it is shorter). A month arrived when the first run whose store held any event of the unit
 * dated in that month ran (its as-of date). A unit is expected to deliver every month from the
 * first month it ever delivered events for: units that never delivered events (offices that keep
 * only registers) are not judged. Months that arrived with the first run that kept this ledger
 * and were due before it arrived on an unknown date and count as delivered, not late.
 *
 * @param asOf the run's as-of date
 * @param dueDay the day of the month exports of the previous month are due
 * @param ledgerStart the as-of date of the first run that recorded arrivals, null before any
 * @param arrived per unit, per month (yyyy-MM), the as-of date its events first arrived
 * @param rows per unit, per month of delivery (the run's as-of month), rows rejected and applied
 */
public record DeliveryRecord(LocalDate asOf, int dueDay, LocalDate ledgerStart,
		Map<String, Map<String, LocalDate>> arrived, Map<String, Map<String, long[]>> rows) {

	/** How many months of history the pages show. */
	public static final int HISTORY_MONTHS = 6;

	/** How a month's delivery stands. */
	public enum Status {

		/** arrived by the due date */
		ON_TIME,
		/** arrived after the due date */
		LATE,
		/** arrived, at an unknown date (before the ledger) */
		DELIVERED,
		/** nothing arrived and the due date has passed */
		MISSING,
		/** nothing arrived yet, the due date has not passed */
		PENDING,
		/** the unit was not expected to deliver that month */
		NOT_EXPECTED

	}

	/** The date a month's exports are due. */
	public LocalDate dueDate(YearMonth month) {
		YearMonth next = month.plusMonths(1);
		return next.atDay(Math.min(this.dueDay, next.lengthOfMonth()));
	}

	/** The month before the as-of date's month, the one the overview asks about. */
	public YearMonth lastMonth() {
		return YearMonth.from(this.asOf).minusMonths(1);
	}

	public Status status(String unitCode, YearMonth month) {
		Map<String, LocalDate> months = this.arrived.get(unitCode);
		if (months == null || months.isEmpty() || month.toString().compareTo(months.keySet().iterator().next()) < 0
				|| !month.isBefore(YearMonth.from(this.asOf))) {
			return Status.NOT_EXPECTED;
		}
		LocalDate due = dueDate(month);
		LocalDate on = months.get(month.toString());
		if (on == null) {
			return this.asOf.isAfter(due) ? Status.MISSING : Status.PENDING;
		}
		if (!on.isAfter(due)) {
			return Status.ON_TIME;
		}
		return on.equals(this.ledgerStart) ? Status.DELIVERED : Status.LATE;
	}

	/** Units (of those given, in their order) that have not delivered last month's events. */
	public List<String> notDeliveredLastMonth(List<String> unitCodes) {
		List<String> missing = new ArrayList<>();
		for (String code : unitCodes) {
			Status s = status(code, lastMonth());
			if (s == Status.MISSING || s == Status.PENDING) {
				missing.add(code);
			}
		}
		return missing;
	}

	/** Rejected rows / rows read (rejected + applied) of a unit's deliveries in a month, or null. */
	public Double rejectRate(String unitCode, YearMonth month) {
		Map<String, long[]> months = this.rows.get(unitCode);
		long[] n = (months != null) ? months.get(month.toString()) : null;
		if (n == null || n[0] + n[1] == 0) {
			return null;
		}
		return (double) n[0] / (n[0] + n[1]);
	}

}
