package org.learnstats.indicators;

import java.util.List;

import org.learnstats.indicators.PaceRule.Capacity;

/**
 * The targets that have a pace in a running period, each with the granularity of its period,
 * who it is set for (units or people), how fast what is missing can still be done, and the
 * indicators whose state it gives (a unit's state is the worst of its members'; see
 * {@link PaceStates}).
 */
public enum PaceTarget {

	/** A committee's central-group sessions of at least min_hours this quarter, against min_sessions. */
	CENTRAL_GROUP('Q', false, Capacity.ONE_A_DAY, "central_group_compliance"),

	/** A branch's distinct branch-study days this month, against min_days. */
	BRANCH_STUDY('M', false, Capacity.ONE_A_DAY, "branch_study_compliance"),

	/** A committee's or branch's attendance rows this month: at least one day with one. */
	ATTENDANCE_REPORTING('M', false, Capacity.ONE_A_DAY, "attendance_reporting_rate"),

	/** A person's credits from 1 January, against the yearly target of their rank. */
	CREDITS_YEAR('Y', true, Capacity.UNBOUNDED, "credit_completion_rate", "avg_credits"),

	/**
	 * A person's credits from 1 January to the quarter's end, against target × n / 4, paced over
	 * 1 January to the quarter's last day.
	 */
	CREDITS_QUARTER('Q', true, Capacity.UNBOUNDED, "credit_on_track_rate", "avg_credits"),

	/** A person's research days this year, against the target of their rank. */
	RESEARCH_DAYS('Y', true, Capacity.ONE_A_DAY, "research_compliance", "avg_research_days"),

	/** A person's research reports this year (trips starting in it with a report), against one. */
	RESEARCH_REPORT('Y', true, Capacity.ONE_A_DAY, "research_report_rate");

	private final char granularity;

	private final boolean people;

	private final Capacity capacity;

	private final List<String> indicators;

	PaceTarget(char granularity, boolean people, Capacity capacity, String... indicators) {
		this.granularity = granularity;
		this.people = people;
		this.capacity = capacity;
		this.indicators = List.of(indicators);
	}

	public char granularity() {
		return this.granularity;
	}

	/** Whether its members are people (else units). */
	public boolean people() {
		return this.people;
	}

	public Capacity capacity() {
		return this.capacity;
	}

	public List<String> indicators() {
		return this.indicators;
	}

	/** The target whose members give the state of an indicator of a granularity; {@code null} if none. */
	public static PaceTarget of(String indicator, char granularity) {
		for (PaceTarget t : values()) {
			if (t.granularity == granularity && t.indicators.contains(indicator)) {
				return t;
			}
		}
		return null;
	}

}
