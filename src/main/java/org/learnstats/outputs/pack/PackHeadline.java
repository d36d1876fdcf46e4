package org.learnstats.outputs.pack;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.store.UnitForest.Unit;

/**
 * The quarter in three lines, for page 1: how many targets the scope met and missed, the
 * indicators that moved most since the previous quarter (up and down), and the units below it
 * that need attention (most key indicators below target).
 */
record PackHeadline(int met, int missed, List<String> missedNames, List<Mover> up, List<Mover> down,
		List<Attention> attention) {

	/** How many movers and units needing attention page 1 names at most. */
	static final int SHOWN = 3;

	record Mover(IndicatorDefinition def, String change) {
	}

	record Attention(Unit unit, List<String> missed) {
	}

	static PackHeadline of(PackReport report) {
		int met = 0;
		int missed = 0;
		List<String> missedNames = new ArrayList<>();
		List<Object[]> moves = new ArrayList<>();
		Quarter q = report.quarter();
		for (Unit root : report.data().roots()) {
			for (PackReport.SummaryRow s : report.quarterSummary(root)) {
				Boolean ok = s.def().meets(s.now());
				if (ok != null) {
					met += ok ? 1 : 0;
					missed += ok ? 0 : 1;
					if (!ok) {
						missedNames.add(s.def().label());
					}
				}
				if (PackReport.comparableWithPreviousQuarter(s.def(), q)) {
					int dir = PackText.direction(s.def(), s.now(), s.previous());
					if (dir != 0) {
						moves.add(new Object[] { s.def(), dir * relative(s.now(), s.previous()),
								PackText.marked(PackText.change(s.def(), s.now(), s.previous()),
										report.partialComparison(s, s.previousPeriod())) });
					}
				}
			}
		}
		moves.sort(Comparator.comparingDouble((Object[] m) -> -(double) m[1]));
		List<Mover> up = moves.stream()
			.filter((m) -> (double) m[1] > 0)
			.limit(SHOWN)
			.map((m) -> new Mover((IndicatorDefinition) m[0], (String) m[2]))
			.toList();
		List<Object[]> worst = new ArrayList<>(moves);
		Collections.reverse(worst);
		List<Mover> down = worst.stream()
			.filter((m) -> (double) m[1] < 0)
			.limit(SHOWN)
			.map((m) -> new Mover((IndicatorDefinition) m[0], (String) m[2]))
			.toList();
		return new PackHeadline(met, missed, List.copyOf(missedNames), up, down, attention(report));
	}

	/** The change relative to the value before, so rates and means compare. */
	private static double relative(BigDecimal now, BigDecimal before) {
		BigDecimal base = before.abs().max(new BigDecimal("0.01"));
		return now.subtract(before).abs().divide(base, MathContext.DECIMAL64).doubleValue();
	}

	/** Units below the scope with key indicators below target, most first (ties in unit order). */
	private static List<Attention> attention(PackReport report) {
		String period = report.quarter().id();
		List<Attention> out = new ArrayList<>();
		for (Unit u : report.data().topUnits()) {
			List<String> missed = new ArrayList<>();
			for (String id : PackReport.KEY) {
				IndicatorDefinition d = PackReport.def(id);
				if (Boolean.FALSE.equals(d.meets(report.data().val(period, u.code(), id)))) {
					missed.add(d.label());
				}
			}
			if (!missed.isEmpty()) {
				out.add(new Attention(u, List.copyOf(missed)));
			}
		}
		out.sort(Comparator.comparingInt((Attention a) -> -a.missed().size()));
		return out.stream().limit(SHOWN).toList();
	}

}
