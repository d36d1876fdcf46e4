package org.learnstats.outputs.pack;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.learnstats.indicators.TargetsProperties;


/**
 * The targets of spec section 3 the pack needs (research days per rank for the pro-rata shortfall,
 * and the numbers quoted in the definitions), read from configuration with the spec's defaults.
 */
record PackTargets(Map<String, BigDecimal> credits, Map<String, BigDecimal> researchDays, int centralGroupSessions,
		BigDecimal centralGroupHours, int branchStudyDays, int degreeAgeLimit) {

	static final List<String> RANKS = List.of("bureau", "division", "section", "staff");

	static PackTargets defaults() {
		return new PackTargets(perRank("18", "18", "12", "0"), perRank("90", "60", "30", "0"), 3, new BigDecimal("6"), 2,
				50);
	}

	/** The targets the whole run uses ({@code learnstats.targets.*}, bound once by the indicators). */
	static PackTargets of(TargetsProperties t) {
		Map<String, BigDecimal> credits = new LinkedHashMap<>();
		Map<String, BigDecimal> research = new LinkedHashMap<>();
		for (String rank : RANKS) {
			credits.put(rank, t.creditTarget(rank));
			research.put(rank, t.researchDaysTarget(rank));
		}
		return new PackTargets(credits, research, t.getCentralGroup().getMinSessions(),
				t.getCentralGroup().getMinHours(), t.getBranchStudy().getMinDays(), t.getDegreeAgeLimit());
	}

	private static Map<String, BigDecimal> perRank(String... values) {
		Map<String, BigDecimal> map = new LinkedHashMap<>();
		for (int i = 0; i < RANKS.size(); i++) {
			map.put(RANKS.get(i), new BigDecimal(values[i]));
		}
		return map;
	}

	String canonical() {
		StringBuilder out = new StringBuilder();
		for (String rank : RANKS) {
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
