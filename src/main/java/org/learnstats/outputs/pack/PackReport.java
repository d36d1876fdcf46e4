package org.learnstats.outputs.pack;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.learnstats.indicators.IndicatorCatalog;
import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.store.UnitForest.Unit;

/**
 * What the pack says, derived from {@link PackData}: the summary rows, the ranking of the top
 * units, and the exceptions in numbers. The PDF and the ZIP's tables both read from here.
 */
final class PackReport {

	/** Indicators charted over quarters and used to rank the top units, in this order. */
	static final List<String> KEY = List.of("attendance_rate", "central_group_compliance", "credit_on_track_rate",
			"avg_credits", "survey_response_rate", "satisfaction_mean");

	/** One indicator of one root for the summary: now, the period before, and a year before. */
	record SummaryRow(IndicatorDefinition def, Unit root, String period, BigDecimal now, String previousPeriod,
			BigDecimal previous, String lastYearPeriod, BigDecimal lastYear) {
	}

	/** A top unit's value and rank (1 = best; ties share a rank; 0 when it has no value). */
	record Ranked(Unit unit, BigDecimal value, int rank) {
	}

	/**
	 * Exceptions in numbers for a scope (a root or a top unit); null where the store holds no value.
	 */
	record Exceptions(Unit unit, BigDecimal creditsBehind, Integer researchBehind, BigDecimal underAgeWithoutCollege,
			BigDecimal creditsMissedYear, BigDecimal researchMissedYear, BigDecimal reportMissingYear,
			BigDecimal remedial) {
	}

	private final PackData data;

	PackReport(PackData data) {
		this.data = data;
	}

	PackData data() {
		return this.data;
	}

	Quarter quarter() {
		return this.data.quarter();
	}

	int closedYear() {
		return this.data.quarter().lastClosedYear();
	}

	static IndicatorDefinition def(String id) {
		return IndicatorCatalog.find(id).orElseThrow();
	}

	/** Indicators whose quarterly value accumulates from 1 January: a first quarter does not compare with the fourth. */
	static final List<String> YEAR_TO_DATE = List.of("avg_credits");

	/**
	 * Indicators read from the people register on the period's last day: they do not depend on how
	 * much of the period the dated rows cover, so they are never partial.
	 */
	static final List<String> AT_PERIOD_END = List.of("bachelor_rate", "college_rate",
			"under_age_limit_without_college", "degree_program_count");

	static boolean comparableWithPreviousQuarter(IndicatorDefinition def, Quarter quarter) {
		return quarter.number() > 1 || !YEAR_TO_DATE.contains(def.id());
	}

	/** Whether the value of an indicator for a period covers only part of it ({@link PackData#partial}). */
	boolean partial(String period, IndicatorDefinition def) {
		return this.data.partial(period, def.id());
	}

	/** Whether a summary row's change from {@code before} to now compares with a partial period. */
	boolean partialComparison(SummaryRow s, String before) {
		return partial(s.period(), s.def()) || partial(before, s.def());
	}

	/** Indicators with quarterly values, in catalogue order. */
	static List<IndicatorDefinition> quarterly() {
		return IndicatorCatalog.ALL.stream().filter((d) -> d.computedFor('Q')).toList();
	}

	/** Indicators with yearly values only, in catalogue order. */
	static List<IndicatorDefinition> yearlyOnly() {
		return IndicatorCatalog.ALL.stream().filter((d) -> d.computedFor('Y') && !d.computedFor('Q')).toList();
	}

	List<SummaryRow> quarterSummary(Unit root) {
		Quarter q = quarter();
		List<SummaryRow> rows = new ArrayList<>();
		for (IndicatorDefinition def : quarterly()) {
			rows.add(new SummaryRow(def, root, q.id(), this.data.val(q.id(), root.code(), def.id()),
					q.previous().id(), this.data.val(q.previous().id(), root.code(), def.id()),
					q.sameQuarterLastYear().id(), this.data.val(q.sameQuarterLastYear().id(), root.code(), def.id())));
		}
		return rows;
	}

	List<SummaryRow> yearSummary(Unit root) {
		String y = Integer.toString(closedYear());
		String y1 = Integer.toString(closedYear() - 1);
		List<SummaryRow> rows = new ArrayList<>();
		for (IndicatorDefinition def : yearlyOnly()) {
			BigDecimal before = this.data.val(y1, root.code(), def.id());
			rows.add(new SummaryRow(def, root, y, this.data.val(y, root.code(), def.id()), y1, before, y1, before));
		}
		return rows;
	}

	/** A quarterly indicator of a unit over the trend quarters. */
	List<BigDecimal> trend(String unitCode, String indicator) {
		return this.data.trend().stream().map((q) -> this.data.val(q.id(), unitCode, indicator)).toList();
	}

	/** The top units with their value and rank on a quarterly indicator, in unit order. */
	List<Ranked> ranking(String indicator) {
		return ranking(indicator, this.data.topUnits());
	}

	/** The peers (the scope and its siblings) with their value and rank, in unit order. */
	List<Ranked> peerRanking(String indicator) {
		return ranking(indicator, this.data.peers());
	}

	private List<Ranked> ranking(String indicator, List<Unit> units) {
		IndicatorDefinition def = def(indicator);
		String period = quarter().id();
		// each value looked up once: a committee's peers are a hundred units, compared pairwise
		List<BigDecimal> values = new ArrayList<>(units.size());
		units.forEach((u) -> values.add(this.data.val(period, u.code(), indicator)));
		List<Ranked> out = new ArrayList<>();
		for (int i = 0; i < units.size(); i++) {
			BigDecimal v = values.get(i);
			int rank = 0;
			if (v != null) {
				rank = 1;
				for (BigDecimal o : values) {
					if (o != null && (def.higherIsBetter() ? o.compareTo(v) > 0 : o.compareTo(v) < 0)) {
						rank++;
					}
				}
			}
			out.add(new Ranked(units.get(i), v, rank));
		}
		return out;
	}

	/** The same, best first (units without a value last, in unit order). */
	List<Ranked> ranked(String indicator) {
		List<Ranked> out = new ArrayList<>(ranking(indicator));
		out.sort((a, b) -> Integer.compare(a.rank() == 0 ? Integer.MAX_VALUE : a.rank(),
				b.rank() == 0 ? Integer.MAX_VALUE : b.rank()));
		return out;
	}

	/** Exceptions for each root, then each top unit. */
	List<Exceptions> exceptions() {
		List<Exceptions> out = new ArrayList<>();
		this.data.roots().forEach((u) -> out.add(exceptions(u)));
		this.data.topUnits().forEach((u) -> out.add(exceptions(u)));
		return out;
	}

	private Exceptions exceptions(Unit u) {
		String q = quarter().id();
		String y = Integer.toString(closedYear());
		return new Exceptions(u, missing(q, u, "credit_on_track_rate"), this.data.researchBehind().get(u.code()),
				this.data.val(q, u.code(), "under_age_limit_without_college"), missing(y, u, "credit_completion_rate"),
				missing(y, u, "research_compliance"), missing(y, u, "research_report_rate"),
				this.data.val(y, u.code(), "remedial_count"));
	}

	/** Denominator minus numerator of a rate: the people who did not meet it. */
	private BigDecimal missing(String period, Unit u, String indicator) {
		PackData.Value v = this.data.value(period, u.code(), indicator);
		if (v == null || v.denominator() == null) {
			return null;
		}
		return v.denominator().subtract(v.numerator());
	}

	/** The organization's name for the cover: the root units' names. */
	String organization() {
		List<String> names = this.data.roots().stream().map(Unit::name).toList();
		return names.isEmpty() ? "（无单位）" : String.join("、", names);
	}

}
