package org.learnstats.outputs.charts;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.learnstats.indicators.TargetsProperties;
import org.learnstats.vocabulary.Rank;


/**
 * The yearly per-person targets by rank that the distribution charts draw (spec section 3
 * defaults from the vocabulary's {@link Rank}, overridable as {@code learnstats.targets.credits.<rank>} and
 * {@code learnstats.targets.research-days.<rank>}).
 *
 * @param credits credit target per rank (bureau, division, section, staff)
 * @param researchDays research-day target per rank
 */
public record ChartTargets(Map<String, BigDecimal> credits, Map<String, BigDecimal> researchDays) {

	public static final ChartTargets DEFAULTS = new ChartTargets(defaults(Rank::defaultCredits),
			defaults(Rank::defaultResearchDays));

	public ChartTargets {
		credits = Map.copyOf(credits);
		researchDays = Map.copyOf(researchDays);
	}

	/** The targets the whole run uses ({@code learnstats.targets.*}, bound once by the indicators). */
	public static ChartTargets of(TargetsProperties targets) {
		return new ChartTargets(targets.getCredits(), targets.getResearchDays());
	}

	private static Map<String, BigDecimal> defaults(Function<Rank, BigDecimal> target) {
		return Arrays.stream(Rank.values()).collect(Collectors.toMap(Rank::code, target));
	}

}
