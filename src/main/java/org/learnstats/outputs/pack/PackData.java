package org.learnstats.outputs.pack;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

import org.learnstats.store.UnitForest.Unit;
import org.learnstats.vocabulary.Kind;
import org.learnstats.vocabulary.Period;

/**
 * Everything one quarter's pack shows, read from the store. The pack's PDF and ZIP are drawn from
 * this alone, and its {@link #canonical() canonical text} is what the fingerprint hashes, so a pack
 * is rebuilt exactly when something it shows would change.
 *
 * @param quarter the quarter reported on
 * @param scope the unit whose subtree the pack covers, or {@code null} for the organization's pack
 * @param roots the units reported on: the roots of the store (the organization), or the scope alone
 * @param topUnits the children of the roots, ranked in the pack
 * @param peers the scope and its siblings (the units under the same parent), compared in a unit's
 *        pack; empty in the organization's
 * @param trend the quarters the trend charts show, oldest first, ending with {@code quarter}
 * @param values indicator values of the roots and top units, by {@link #key(String, String, String)}
 * @param completeness units reporting each kind in the quarter, for all units and per top unit
 * @param delivered files and rows received in the quarter, per kind
 * @param reasons rejections of files received in the quarter, per reason
 * @param researchBehind people behind their pro-rata research days at the quarter's end, per root and top unit
 * @param targets the targets in force
 * @param coveredFrom the first day of the first month with dated rows of any kind in the store (the
 *        start of the data's coverage), or {@code null} when it holds none: see {@link #partial}
 */
record PackData(Quarter quarter, Unit scope, List<Unit> roots, List<Unit> topUnits, List<Unit> peers, List<Quarter> trend,
		SortedMap<String, Value> values, List<Completeness> completeness, List<Delivered> delivered,
		List<ReasonCount> reasons, SortedMap<String, Integer> researchBehind, PackTargets targets,
		LocalDate coveredFrom) {

	/** The export kinds whose rows are dated, in the order of spec section 1's event dates. */
	static final List<String> DATED_KINDS = Kind.events().stream().map(Kind::code).toList();

	/** One indicator value as in indicator_value; denominator null for counts. */
	record Value(BigDecimal numerator, BigDecimal denominator, BigDecimal val) {
	}

	/**
	 * Units that reported each dated kind in the quarter, of the units expected to (committees and
	 * branches for attendance, every unit otherwise), in the order of {@link #DATED_KINDS}.
	 *
	 * @param unitCode the scope's unit, or {@code null} for all units of the store
	 */
	record Completeness(String unitCode, String name, int units, List<Integer> expected, List<Integer> reported) {
	}

	/**
	 * Deliveries received (by their run's as-of date) in the quarter, for one kind (null: unrecognized);
	 * the organization's pack only, as a delivery is not one unit's.
	 */
	record Delivered(String kind, long files, long quarantined, long rowsRead, long rowsRejected) {
	}

	record ReasonCount(String reason, long entries) {
	}

	static String key(String period, String unitCode, String indicator) {
		return period + '\t' + unitCode + '\t' + indicator;
	}

	Value value(String period, String unitCode, String indicator) {
		return this.values.get(key(period, unitCode, indicator));
	}

	BigDecimal val(String period, String unitCode, String indicator) {
		Value v = value(period, unitCode, indicator);
		return v == null ? null : v.val();
	}

	/**
	 * Whether a value of {@code indicator} for {@code period} (a quarter {@code 2025-Q3} or a year
	 * {@code 2025}) covers only part of its period: the store's data starts inside it, after its
	 * first day (e.g. the first year of an installation whose data starts in September). Counts of
	 * the people register at the period's end are never partial. A year-to-date
	 * quarterly value accumulates from 1 January, so it is partial in every quarter of that year. A
	 * comparison with a partial value is marked in the pack: the value is low because months are
	 * missing, not because the units did worse.
	 */
	boolean partial(String period, String indicator) {
		Period p = Period.parse(period);
		if (this.coveredFrom == null || p == null || PackReport.AT_PERIOD_END.contains(indicator)) {
			return false;
		}
		LocalDate first = p.granularity() == 'Q' && PackReport.YEAR_TO_DATE.contains(indicator)
				? LocalDate.of(p.year(), 1, 1) : p.first();
		return first.isBefore(this.coveredFrom) && !p.last().isBefore(this.coveredFrom);
	}

	/** A line-per-fact text of everything above, independent of map order and number scale. */
	String canonical() {
		StringBuilder out = new StringBuilder();
		out.append("quarter\t").append(this.quarter.id()).append('\n');
		if (this.scope != null) {
			out.append("scope\t").append(unit(this.scope)).append('\n');
		}
		for (Unit u : this.roots) {
			out.append("root\t").append(unit(u)).append('\n');
		}
		for (Unit u : this.topUnits) {
			out.append("top\t").append(unit(u)).append('\n');
		}
		for (Unit u : this.peers) {
			out.append("peer\t").append(unit(u)).append('\n');
		}
		for (Quarter q : this.trend) {
			out.append("trend\t").append(q.id()).append('\n');
		}
		this.values.forEach((k, v) -> out.append("value\t")
			.append(k)
			.append('\t')
			.append(plain(v.numerator()))
			.append('\t')
			.append(plain(v.denominator()))
			.append('\t')
			.append(plain(v.val()))
			.append('\n'));
		for (Completeness c : this.completeness) {
			out.append("complete\t").append(c.unitCode()).append('\t').append(c.name()).append('\t').append(c.units());
			c.expected().forEach((n) -> out.append('\t').append(n));
			c.reported().forEach((n) -> out.append('\t').append(n));
			out.append('\n');
		}
		for (Delivered d : this.delivered) {
			out.append("delivered\t")
				.append(d.kind())
				.append('\t')
				.append(d.files())
				.append('\t')
				.append(d.quarantined())
				.append('\t')
				.append(d.rowsRead())
				.append('\t')
				.append(d.rowsRejected())
				.append('\n');
		}
		for (ReasonCount r : this.reasons) {
			out.append("reason\t").append(r.reason()).append('\t').append(r.entries()).append('\n');
		}
		this.researchBehind.forEach((k, v) -> out.append("research_behind\t").append(k).append('\t').append(v).append('\n'));
		out.append("targets\t").append(this.targets.canonical()).append('\n');
		out.append("covered_from\t").append(this.coveredFrom).append('\n');
		return out.toString();
	}

	private static String unit(Unit u) {
		return u.code() + '\t' + u.name() + '\t' + u.parentCode() + '\t' + u.type();
	}

	static String plain(BigDecimal value) {
		return org.learnstats.indicators.IndicatorNumbers.plain(value);
	}

}
