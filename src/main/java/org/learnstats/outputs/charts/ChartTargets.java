package org.learnstats.outputs.charts;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The yearly per-person targets by rank that the distribution charts draw (spec section 3
 * defaults, overridable as {@code learnstats.targets.credits.<rank>} and
 * {@code learnstats.targets.research-days.<rank>}).
 *
 * @param credits credit target per rank (bureau, division, section, staff)
 * @param researchDays research-day target per rank
 */
public record ChartTargets(Map<String, BigDecimal> credits, Map<String, BigDecimal> researchDays) {

	/** Ranks, highest first. */
	public static final List<String> RANKS = List.of("bureau", "division", "section", "staff");

	/** Chinese rank words, in the order of {@link #RANKS}. */
	public static final List<String> RANK_LABELS = List.of("厅级", "处级", "科级", "科员");

	public static final ChartTargets DEFAULTS = new ChartTargets(
			ranks("18", "18", "12", "0"), ranks("90", "60", "30", "0"));

	public ChartTargets {
		credits = Map.copyOf(credits);
		researchDays = Map.copyOf(researchDays);
	}

	/** The defaults, overridden by whatever the environment configures. */
	public static ChartTargets from(Environment environment) {
		Binder binder = Binder.get(environment);
		Bindable<Map<String, BigDecimal>> map = Bindable.mapOf(String.class, BigDecimal.class);
		Map<String, BigDecimal> credits = new LinkedHashMap<>(DEFAULTS.credits);
		binder.bind("learnstats.targets.credits", map).ifBound(credits::putAll);
		Map<String, BigDecimal> days = new LinkedHashMap<>(DEFAULTS.researchDays);
		binder.bind("learnstats.targets.research-days", map).ifBound(days::putAll);
		return new ChartTargets(credits, days);
	}

	static String rankLabel(String rank) {
		int i = RANKS.indexOf(rank);
		return (i < 0) ? rank : RANK_LABELS.get(i);
	}

	private static Map<String, BigDecimal> ranks(String bureau, String division, String section, String staff) {
		return Map.of("bureau", new BigDecimal(bureau), "division", new BigDecimal(division), "section",
				new BigDecimal(section), "staff", new BigDecimal(staff));
	}

}
