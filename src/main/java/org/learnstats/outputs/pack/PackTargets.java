package org.learnstats.outputs.pack;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.learnstats.indicators.TargetsProperties;
import org.learnstats.vocabulary.Rank;


/**
 * The targets of spec section 3 the pack needs (research days per rank for the pro-rata shortfall,
 * and the numbers quoted in the definitions), read from configuration with the spec's defaults.
 */
record PackTargets(Map<String, BigDecimal> credits, Map<String, BigDecimal> researchDays, int centralGroupSessions,
		BigDecimal centralGroupHours, int branchStudyDays, int degreeAgeLimit) {

	static PackTargets defaults() {
		return new PackTargets(perRank(Rank::defaultCredits), perRank(Rank::defaultResearchDays), 3, new BigDecimal("6"),
				2, 50);
	}

	/** The targets the whole run uses ({@code learnstats.targets.*}, bound once by the indicators). */
	static PackTargets of(TargetsProperties t) {
		Map<String, BigDecimal> credits = new LinkedHashMap<>();
		Map<String, BigDecimal> research = new LinkedHashMap<>();
		for (String rank : Rank.codes()) {
			credits.put(rank, t.creditTarget(rank));
			research.put(rank, t.researchDaysTarget(rank));
		}
		return new PackTargets(credits, research, t.getCentralGroup().getMinSessions(),
				t.getCentralGroup().getMinHours(), t.getBranchStudy().getMinDays(), t.getDegreeAgeLimit());
	}

	private static Map<String, BigDecimal> perRank(Function<Rank, BigDecimal> target) {
		Map<String, BigDecimal> map = new LinkedHashMap<>();
		for (Rank rank : Rank.values()) {
			map.put(rank.code(), target.apply(rank));
		}
		return map;
	}

	String canonical() {
		StringBuilder out = new StringBuilder();
		for (String rank : Rank.codes()) {
			out.append(rank)
				.append(':')
				.append(PackData.plain(this.credits.get(rank)))
				.append('/')
				.append(PackData.plain(this.researchDays.get(rank)))
				.append(' ');
		}
		return out.append(this.centralGroupSessions)
			.append(' ')
			.append(PackData.plain(this.centralGroupHours))
			.append(' ')
			.append(this.branchStudyDays)
			.append(' ')
			.append(this.degreeAgeLimit)
			.toString();
	}

}
