package org.learnstats.outputs.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.learnstats.indicators.DeliveryRecord;
import org.learnstats.store.UnitForest;
import org.learnstats.store.UnitForest.Unit;

/**
 * The overview's line naming the units that have not delivered last month's data
 * ({@code deliveryNotice.jte}).
 *
 * @param missing how many units have not delivered
 * @param named the first {@link #NAMED} of them
 */
record DeliveryNotice(YearMonth lastMonth, LocalDate due, boolean overdue, int missing, List<UnitLink> named) {

	/** Units named on the overview; the rest are counted and on the data-quality page. */
	static final int NAMED = 30;

	static DeliveryNotice of(DeliveryRecord record, UnitForest forest) {
		List<String> missing = record.notDeliveredLastMonth(forest.units().stream().map(Unit::code).toList());
		LocalDate due = record.dueDate(record.lastMonth());
		List<UnitLink> named = missing.stream().limit(NAMED).map((code) -> UnitLink.of(forest.get(code))).toList();
		return new DeliveryNotice(record.lastMonth(), due, record.asOf().isAfter(due), missing.size(), named);
	}

	/** More units have not delivered than are named. */
	boolean more() {
		return this.missing > this.named.size();
	}

}
