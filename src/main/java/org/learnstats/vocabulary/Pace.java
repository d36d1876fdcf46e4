package org.learnstats.vocabulary;

/**
 * Where a target stands in a period that has not ended (spec section 4: against the time
 * elapsed, never "not met"), with the words the dashboard and the restricted lists use. The rule
 * that decides the state is {@code indicators.PaceRule}; the README has its table.
 */
public enum Pace {

	/** The target is already reached this period. */
	REACHED("已达标", "reached", "met"),

	/** At or ahead of the pace the time elapsed asks for. */
	ON_TRACK("进度正常", "on_track", "good"),

	/** Behind that pace, but the remaining days can still hold what is missing. */
	BEHIND("进度落后", "behind_pace", "warn"),

	/** The remaining days of the period cannot hold what is missing. */
	UNREACHABLE("已无法达标", "cannot_reach", "bad");

	private final String chinese;

	private final String code;

	private final String style;

	Pace(String chinese, String code, String style) {
		this.chinese = chinese;
		this.code = code;
		this.style = style;
	}

	/** 已达标, 进度正常, 进度落后 or 已无法达标. */
	public String chinese() {
		return this.chinese;
	}

	/** The state as a CSV cell reads it: reached, on_track, behind_pace, cannot_reach. */
	public String code() {
		return this.code;
	}

	/** The dashboard's style class of its badge. */
	public String style() {
		return this.style;
	}

	/** Whether it needs attention: behind pace or can no longer reach. */
	public boolean atRisk() {
		return this == BEHIND || this == UNREACHABLE;
	}

	/** The worse of two states (UNREACHABLE worst); {@code null} counts as no state. */
	public static Pace worse(Pace a, Pace b) {
		if (a == null) {
			return b;
		}
		if (b == null) {
			return a;
		}
		return (a.ordinal() >= b.ordinal()) ? a : b;
	}

}
