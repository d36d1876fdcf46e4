package org.learnstats.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.learnstats.vocabulary.Pace;

/**
 * The pace rule (spec section 4; the README's table): where a target T stands on day D of a span
 * [first, last] that has not ended. With E days elapsed (first to D, both counted), L days in the
 * span and R days left after D:
 * <ul>
 * <li>done >= T: {@link Pace#REACHED};</li>
 * <li>a target counted in days or day-long events (study days, central-group sessions of at
 * least a day, research days, a report, a month's attendance report), at most one a day: the
 * missing T - done more than R: {@link Pace#UNREACHABLE};</li>
 * <li>done >= floor(T × E / L), the whole units due by now: {@link Pace#ON_TRACK};</li>
 * <li>otherwise {@link Pace#BEHIND}.</li>
 * </ul>
 * Credits have no daily cap (one course may carry many), so they are never UNREACHABLE before the
 * year ends. A span that has ended (D on or after its last day) gets the verdict: REACHED or
 * UNREACHABLE.
 */
public final class PaceRule {

	/** How fast what is missing can still be done. */
	public enum Capacity {

		/** At most one a day: distinct days, day-long sessions, research days, a report. */
		ONE_A_DAY,

		/** No cap: any amount on any day (credits). */
		UNBOUNDED

	}

	private PaceRule() {
	}

	public static Pace of(BigDecimal target, BigDecimal done, LocalDate first, LocalDate last, LocalDate asOf,
			Capacity capacity) {
		if (done.compareTo(target) >= 0) {
			return Pace.REACHED;
		}
		if (!asOf.isBefore(last)) {
			return Pace.UNREACHABLE;
		}
		long remaining = ChronoUnit.DAYS.between(asOf, last);
		if (capacity == Capacity.ONE_A_DAY && target.subtract(done).compareTo(BigDecimal.valueOf(remaining)) > 0) {
			return Pace.UNREACHABLE;
		}
		return (done.compareTo(due(target, first, last, asOf)) >= 0) ? Pace.ON_TRACK : Pace.BEHIND;
	}

	/** floor(T × E / L): the whole units of the target due by D. */
	public static BigDecimal due(BigDecimal target, LocalDate first, LocalDate last, LocalDate asOf) {
		long elapsed = ChronoUnit.DAYS.between(first, asOf) + 1;
		long length = ChronoUnit.DAYS.between(first, last) + 1;
		return target.multiply(BigDecimal.valueOf(elapsed)).divide(BigDecimal.valueOf(length), 0, RoundingMode.FLOOR);
	}

	/**
	 * An indicator whose goal is a share or a mean of events (attendance rates, the survey
	 * response rate, satisfaction, the count of young staff without a college degree): the value
	 * so far is the best estimate of the period's, and the rest of the period can still move it
	 * either way. At or beyond the goal: ON_TRACK; short of it: BEHIND; never UNREACHABLE.
	 * {@code null} when there is no goal or no value.
	 */
	public static Pace soFar(IndicatorDefinition indicator, BigDecimal value) {
		Boolean meets = indicator.meets(value);
		if (meets == null) {
			return null;
		}
		return meets ? Pace.ON_TRACK : Pace.BEHIND;
	}

}
