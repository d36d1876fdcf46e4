package org.learnstats.indicators;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.learnstats.vocabulary.Rank;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The programme's targets (spec section 3), under {@code learnstats.targets}. Every key has the
 * spec's default; an operator overrides single keys (see {@code jobs/targets.example.yml}), the
 * other keys keep their defaults.
 */
@ConfigurationProperties("learnstats.targets")
public class TargetsProperties implements InitializingBean {

	/** Training credits a year, per rank. */
	private Map<String, BigDecimal> credits = defaults(Rank::defaultCredits);

	/** Days of field research a year, per rank. */
	private Map<String, BigDecimal> researchDays = defaults(Rank::defaultResearchDays);

	private final CentralGroup centralGroup = new CentralGroup();

	private final BranchStudy branchStudy = new BranchStudy();

	/** People younger than this (whole years at the period's end) should hold a college degree. */
	private int degreeAgeLimit = 50;

	public Map<String, BigDecimal> getCredits() {
		return this.credits;
	}

	public void setCredits(Map<String, BigDecimal> credits) {
		this.credits = credits;
	}

	public Map<String, BigDecimal> getResearchDays() {
		return this.researchDays;
	}

	public void setResearchDays(Map<String, BigDecimal> researchDays) {
		this.researchDays = researchDays;
	}

	public CentralGroup getCentralGroup() {
		return this.centralGroup;
	}

	public BranchStudy getBranchStudy() {
		return this.branchStudy;
	}

	public int getDegreeAgeLimit() {
		return this.degreeAgeLimit;
	}

	public void setDegreeAgeLimit(int degreeAgeLimit) {
		this.degreeAgeLimit = degreeAgeLimit;
	}

	/** The credit target of a rank; 0 for a rank without one. */
	public BigDecimal creditTarget(String rank) {
		return this.credits.getOrDefault(rank, BigDecimal.ZERO);
	}

	/** The research-days target of a rank; 0 for a rank without one. */
	public BigDecimal researchDaysTarget(String rank) {
		return this.researchDays.getOrDefault(rank, BigDecimal.ZERO);
	}

	/** Checks the bound targets at startup, so a typo stops the job before it reads anything. */
	@Override
	public void afterPropertiesSet() {
		validate();
	}

	/** Fails with a message an operator understands when a target makes no sense. */
	public void validate() {
		checkRanks("credits", this.credits);
		checkRanks("research_days", this.researchDays);
		if (this.centralGroup.minSessions < 0 || this.centralGroup.minHours == null
				|| this.centralGroup.minHours.signum() < 0) {
			throw new IllegalStateException("learnstats.targets.central_group: min_sessions and min_hours must be >= 0");
		}
		if (this.branchStudy.minDays < 0) {
			throw new IllegalStateException("learnstats.targets.branch_study.min_days must be >= 0");
		}
		if (this.degreeAgeLimit < 0 || this.degreeAgeLimit > 200) {
			throw new IllegalStateException("learnstats.targets.degree_age_limit must be between 0 and 200");
		}
	}

	private static void checkRanks(String name, Map<String, BigDecimal> targets) {
		targets.forEach((rank, value) -> {
			if (Rank.of(rank) == null) {
				throw new IllegalStateException(
						"learnstats.targets." + name + ": unknown rank '" + rank + "' (ranks: " + Rank.codes() + ")");
			}
			if (value == null || value.signum() < 0) {
				throw new IllegalStateException("learnstats.targets." + name + "." + rank + " must be >= 0");
			}
		});
	}

	private static Map<String, BigDecimal> defaults(Function<Rank, BigDecimal> target) {
		Map<String, BigDecimal> map = new LinkedHashMap<>();
		for (Rank rank : Rank.values()) {
			map.put(rank.code(), target.apply(rank));
		}
		return map;
	}

	/** A committee's central study group: sessions a quarter, each of at least min_hours. */
	public static class CentralGroup {

		private int minSessions = 3;

		private BigDecimal minHours = new BigDecimal("6");

		public int getMinSessions() {
			return this.minSessions;
		}

		public void setMinSessions(int minSessions) {
			this.minSessions = minSessions;
		}

		public BigDecimal getMinHours() {
			return this.minHours;
		}

		public void setMinHours(BigDecimal minHours) {
			this.minHours = minHours;
		}

	}

	/** A branch's collective study: distinct days a month. */
	public static class BranchStudy {

		private int minDays = 2;

		public int getMinDays() {
			return this.minDays;
		}

		public void setMinDays(int minDays) {
			this.minDays = minDays;
		}

	}

}
