package org.learnstats.outputs.charts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.learnstats.outputs.charts.Histogram.Group;
import org.learnstats.outputs.charts.Histogram.Quantity;
import org.learnstats.readmodel.Roster;
import org.learnstats.readmodel.Roster.Member;
import org.learnstats.store.UnitForest;
import org.learnstats.vocabulary.Rank;

/**
 * The person-based distributions of every unit's subtree on one day, read from the run's roster in
 * three queries for all units at once: education of the people active that day, credits completed
 * from 1 January to that day, and distinct research days from 1 January to that day. Each unit's own
 * people are counted once and rolled up the forest, so a province of a few thousand units costs
 * what one unit costs. Like the indicators, only people of the roster count, and credits and
 * trips count whatever unit reported them.
 */
public final class PeopleDistributions {

	private static final List<String> EDUCATIONS = List.of("postgraduate", "bachelor", "college", "secondary");

	private final LocalDate through;

	private final Map<String, EducationShares> education = new HashMap<>();

	private final Map<String, Histogram> credits = new HashMap<>();

	private final Map<String, Histogram> researchDays = new HashMap<>();

	private PeopleDistributions(LocalDate through) {
		this.through = through;
	}

	/** Distributions as kept ({@link PeopleSnapshot}). */
	PeopleDistributions(LocalDate through, Map<String, EducationShares> education, Map<String, Histogram> credits,
			Map<String, Histogram> researchDays) {
		this.through = through;
		this.education.putAll(education);
		this.credits.putAll(credits);
		this.researchDays.putAll(researchDays);
	}

	/** Reads the distributions of every unit of {@code forest} on the day {@code on}. */
	public static PeopleDistributions load(Roster roster, UnitForest forest, LocalDate on, ChartTargets targets) {
		LocalDate jan1 = on.withDayOfYear(1);
		List<Member> people = roster.activeOn(on);
		Map<String, BigDecimal> creditsByPerson = roster.credits(jan1, on);
		Map<String, BitSet> daysByPerson = new HashMap<>();
		for (Roster.Trip trip : roster.trips(jan1, on)) {
			LocalDate start = max(trip.start(), jan1);
			LocalDate end = min(trip.end(), on);
			BitSet days = daysByPerson.computeIfAbsent(trip.personId(), (k) -> new BitSet(366));
			if (!end.isBefore(start)) {
				days.set(start.getDayOfYear(), end.getDayOfYear() + 1);
			}
		}

		PeopleDistributions out = new PeopleDistributions(on);
		Layout creditLayout = Layout.of(Quantity.CREDITS, targets.credits());
		Layout dayLayout = Layout.of(Quantity.RESEARCH_DAYS, targets.researchDays());
		Map<String, long[]> ownEducation = new HashMap<>();
		Map<String, long[][]> ownCredits = new HashMap<>();
		Map<String, long[][]> ownDays = new HashMap<>();
		for (Member p : people) {
			int e = EDUCATIONS.indexOf(p.education());
			if (e >= 0) {
				ownEducation.computeIfAbsent(p.unitCode(), (k) -> new long[4])[e]++;
			}
			BigDecimal c = creditsByPerson.getOrDefault(p.id(), BigDecimal.ZERO);
			creditLayout.count(ownCredits, p, c.doubleValue());
			BitSet days = daysByPerson.get(p.id());
			dayLayout.count(ownDays, p, (days == null) ? 0 : days.cardinality());
		}
		for (UnitForest.Unit root : forest.roots()) {
			out.rollUp(forest, root, ownEducation, ownCredits, ownDays, creditLayout, dayLayout);
		}
		return out;
	}

	/** The day the distributions are on: credits and research days are summed from 1 January to it. */
	public LocalDate through() {
		return this.through;
	}

	/** Education of the subtree of a unit. */
	public EducationShares education(String unitCode) {
		return this.education.getOrDefault(unitCode, new EducationShares(0, 0, 0, 0));
	}

	/** Credits per person of the subtree of a unit, per credit target. */
	public Histogram credits(String unitCode) {
		return this.credits.get(unitCode);
	}

	/** Research days per person of the subtree of a unit, per research target. */
	public Histogram researchDays(String unitCode) {
		return this.researchDays.get(unitCode);
	}

	private Totals rollUp(UnitForest forest, UnitForest.Unit unit, Map<String, long[]> ownEducation,
			Map<String, long[][]> ownCredits, Map<String, long[][]> ownDays, Layout creditLayout, Layout dayLayout) {
		long[] edu = ownEducation.getOrDefault(unit.code(), new long[4]).clone();
		long[][] cr = creditLayout.copy(ownCredits.get(unit.code()));
		long[][] dy = dayLayout.copy(ownDays.get(unit.code()));
		for (UnitForest.Unit child : forest.children(unit.code())) {
			Totals t = rollUp(forest, child, ownEducation, ownCredits, ownDays, creditLayout, dayLayout);
			for (int i = 0; i < edu.length; i++) {
				edu[i] += t.education[i];
			}
			Layout.add(cr, t.credits);
			Layout.add(dy, t.days);
		}
		this.education.put(unit.code(), new EducationShares(edu[0], edu[1], edu[2], edu[3]));
		this.credits.put(unit.code(), creditLayout.histogram(this.through, cr));
		this.researchDays.put(unit.code(), dayLayout.histogram(this.through, dy));
		return new Totals(edu, cr, dy);
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	private record Totals(long[] education, long[][] credits, long[][] days) {
	}

	/**
	 * The buckets and groups of one quantity: one group per rank with a positive target, highest
	 * rank first, about 15 buckets up to one and a half times the highest target.
	 */
	record Layout(Quantity quantity, double binWidth, int buckets, List<Rank> ranks, List<BigDecimal> targets,
			Map<String, Integer> groupOfRank) {

		static Layout of(Quantity quantity, Map<String, BigDecimal> targetByRank) {
			List<Rank> ranks = new ArrayList<>();
			List<BigDecimal> targets = new ArrayList<>();
			Map<String, Integer> groupOfRank = new HashMap<>();
			BigDecimal highest = BigDecimal.ZERO;
			for (Rank rank : Rank.values()) {
				BigDecimal t = targetByRank.get(rank.code());
				if (t != null && t.signum() > 0) {
					groupOfRank.put(rank.code(), ranks.size());
					ranks.add(rank);
					targets.add(t);
					highest = highest.max(t);
				}
			}
			double top = targets.isEmpty() ? 1 : highest.doubleValue() * 1.5;
			double width = niceWidth(top / 18);
			int buckets = (int) Math.ceil(top / width) + 1;
			return new Layout(quantity, width, buckets, ranks, targets, groupOfRank);
		}

		void count(Map<String, long[][]> own, Member p, double value) {
			Integer g = this.groupOfRank.get(p.rank());
			if (g == null) {
				return;
			}
			long[][] counts = own.computeIfAbsent(p.unitCode(), (k) -> new long[this.targets.size()][this.buckets]);
			int bucket = (int) Math.floor(value / this.binWidth);
			counts[g][Math.max(0, Math.min(bucket, this.buckets - 1))]++;
		}

		long[][] copy(long[][] counts) {
			long[][] out = new long[this.targets.size()][this.buckets];
			if (counts != null) {
				add(out, counts);
			}
			return out;
		}

		static void add(long[][] into, long[][] counts) {
			for (int g = 0; g < into.length; g++) {
				for (int b = 0; b < into[g].length; b++) {
					into[g][b] += counts[g][b];
				}
			}
		}

		Histogram histogram(LocalDate through, long[][] counts) {
			List<Group> groups = new ArrayList<>();
			for (int g = 0; g < this.targets.size(); g++) {
				groups.add(new Group(this.ranks.get(g), this.targets.get(g), counts[g]));
			}
			return new Histogram(this.quantity, through, this.binWidth, groups);
		}

		/** 1, 2, 5, 10, 20, 50, ... at or above {@code raw}. */
		static double niceWidth(double raw) {
			double step = 1;
			while (true) {
				for (double m : new double[] { 1, 2, 5 }) {
					if (step * m >= raw) {
						return step * m;
					}
				}
				step *= 10;
			}
		}

	}

}
