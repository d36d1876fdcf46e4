package org.learnstats.outputs.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.learnstats.indicators.DeliveryRecord;
import org.learnstats.indicators.DeliveryRecord.Status;
import org.learnstats.store.UnitForest.Unit;
import org.learnstats.vocabulary.Kind;
import org.learnstats.vocabulary.Period;

/**
 * The data-quality page's delivery grid ({@code coverage.jte}): from the whole store, which units
 * delivered which kind of events in each of the last {@link #MONTHS} months, and with the delivery
 * record, which months came late or are missing.
 */
final class Coverage {

	static final int MONTHS = 12;

	private final DataQuality data;

	private final DeliveryRecord record;

	private final List<Unit> treeOrder;

	private final List<Integer> depths;

	private final LocalDate asOf;

	/** @param record the delivery record; null when not loaded (no late or missing marks) */
	Coverage(DataQuality data, DeliveryRecord record, List<Unit> treeOrder, List<Integer> depths, LocalDate asOf) {
		this.data = data;
		this.record = record;
		this.treeOrder = treeOrder;
		this.depths = depths;
		this.asOf = asOf;
	}

	/**
	 * The grid: the units delivering each kind per month, then each unit's months.
	 * @param dueDay the day of the next month data is due (null without a delivery record)
	 */
	record View(List<String> months, int units, List<KindLine> kinds, Integer dueDay, List<UnitLine> rows) {
	}

	/** A kind of events and the number of units delivering it, per month. */
	record KindLine(String kind, List<Integer> counts) {
	}

	/** A unit's months, indented by its depth in the tree; {@code search}: what the filter matches. */
	record UnitLine(String search, int indent, UnitLink link, List<Month> months) {
	}

	/**
	 * A unit's month: the marks of the kinds it delivered; when late or missing, the due date and
	 * (late) the day it arrived.
	 */
	record Month(String marks, Status status, LocalDate due, String arrived) {
	}

	/** The months shown: the last {@link #MONTHS} up to the as-of month, none before the earliest event. */
	List<String> months() {
		List<String> months = new ArrayList<>();
		Period p = Period.of(this.asOf, 'M');
		for (int i = 0; i < MONTHS; i++) {
			if (this.data.earliestMonth() == null || p.toString().compareTo(this.data.earliestMonth()) < 0) {
				break;
			}
			months.add(0, p.toString());
			p = p.previous();
		}
		return months;
	}

	/** The grid, or null when the store has no business data or no units. */
	View view() {
		List<String> months = months();
		if (months.isEmpty() || this.treeOrder.isEmpty()) {
			return null;
		}
		List<KindLine> kinds = new ArrayList<>();
		for (Kind kind : Kind.events()) {
			List<Integer> counts = new ArrayList<>();
			for (String m : months) {
				counts.add((int) this.treeOrder.stream()
					.filter((u) -> this.data.delivered(kind.code(), u.code(), m)).count());
			}
			kinds.add(new KindLine(kind.chinese(), counts));
		}
		List<UnitLine> rows = new ArrayList<>();
		for (int i = 0; i < this.treeOrder.size(); i++) {
			Unit u = this.treeOrder.get(i);
			List<Month> cells = new ArrayList<>();
			for (String m : months) {
				cells.add(month(u, m));
			}
			rows.add(new UnitLine(u.name() + " " + u.code(), 6 + 14 * Math.min(this.depths.get(i), 12), UnitLink.of(u),
					cells));
		}
		return new View(months, this.treeOrder.size(), kinds, (this.record != null) ? this.record.dueDay() : null,
				rows);
	}

	private Month month(Unit u, String m) {
		StringBuilder marks = new StringBuilder();
		for (Kind kind : Kind.events()) {
			if (this.data.delivered(kind.code(), u.code(), m)) {
				marks.append(kind.mark());
			}
		}
		if (this.record == null) {
			return new Month(marks.toString(), Status.NOT_EXPECTED, null, null);
		}
		YearMonth month = YearMonth.parse(m);
		Status status = this.record.status(u.code(), month);
		String arrived = (status == Status.LATE) ? String.valueOf(this.record.arrived().get(u.code()).get(m)) : null;
		return new Month(marks.toString(), status, this.record.dueDate(month), arrived);
	}

}
