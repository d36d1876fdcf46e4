package org.learnstats.outputs.pack;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.env.Environment;

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

	/** Reads {@code learnstats.targets.*} (kebab or snake case), falling back to the defaults. */
	static PackTargets from(Environment env) {
		PackTargets d = defaults();
		if (env == null) {
			return d;
		}
		Map<String, BigDecimal> credits = new LinkedHashMap<>();
		Map<String, BigDecimal> research = new LinkedHashMap<>();
		for (String rank : RANKS) {
			credits.put(rank, decimal(env, d.credits().get(rank), "credits." + rank));
			research.put(rank, decimal(env, d.researchDays().get(rank), "research-days." + rank, "research_days." + rank));
		}
		return new PackTargets(credits, research,
				decimal(env, BigDecimal.valueOf(d.centralGroupSessions()), "central-group.min-sessions",
						"central_group.min_sessions")
					.intValue(),
				decimal(env, d.centralGroupHours(), "central-group.min-hours", "central_group.min_hours"),
				decimal(env, BigDecimal.valueOf(d.branchStudyDays()), "branch-study.min-days", "branch_study.min_days")
					.intValue(),
				decimal(env, BigDecimal.valueOf(d.degreeAgeLimit()), "degree-age-limit", "degree_age_limit").intValue());
	}

	private static Map<String, BigDecimal> perRank(String... values) {
		Map<String, BigDecimal> map = new LinkedHashMap<>();
		for (int i = 0; i < RANKS.size(); i++) {
			map.put(RANKS.get(i), new BigDecimal(values[i]));
		}
		return map;
	}

	private static BigDecimal decimal(Environment env, BigDecimal fallback, String... keys) {
		for (String key : keys) {
			String v = env.getProperty("learnstats.targets." + key);
			if (v != null && !v.isBlank()) {
				return new BigDecimal(v.trim());
			}
		}
		return fallback;
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
