package org.learnstats.indicators;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.learnstats.store.UnitForest;
import org.learnstats.store.UnitForest.Unit;
import org.learnstats.vocabulary.Pace;
import org.learnstats.vocabulary.Period;

/**
 * The pace of every target of the running month, quarter and year (the ones holding D and not
 * ended by it), for every member (a committee, a branch, a person) and every unit subtree. A
 * subtree's state is the worst of its members': the goal of these indicators is every member
 * compliant, so the subtree can no longer reach it as soon as one member cannot, is behind as
 * soon as one is behind, has reached it when all have, and is on track otherwise.
 */
public final class PaceStates {

	/**
	 * One member's standing.
	 *
	 * @param person the person id, or {@code null} for a unit's own target
	 */
	public record Member(PaceTarget target, Period period, String unitCode, String person, BigDecimal goal,
			BigDecimal done, Pace pace) {
	}

	private final List<Member> members;

	private final Map<PaceTarget, Map<String, Pace>> subtrees = new EnumMap<>(PaceTarget.class);

	private PaceStates(UnitForest forest, List<Member> members) {
		this.members = List.copyOf(members);
		for (PaceTarget target : PaceTarget.values()) {
			Map<String, Pace> own = new HashMap<>();
			for (Member m : members) {
				if (m.target() == target) {
					own.merge(m.unitCode(), m.pace(), Pace::worse);
				}
			}
			if (own.isEmpty()) {
				continue;
			}
			Map<String, Pace> states = new HashMap<>();
			Set<String> seen = new HashSet<>();
			for (Unit root : forest.roots()) {
				fold(forest, root, own, states, seen);
			}
			this.subtrees.put(target, states);
		}
	}

	private static Pace fold(UnitForest forest, Unit unit, Map<String, Pace> own, Map<String, Pace> states,
			Set<String> seen) {
		if (!seen.add(unit.code())) {
			return null;
		}
		Pace state = own.get(unit.code());
		for (Unit child : forest.children(unit.code())) {
			state = Pace.worse(state, fold(forest, child, own, states, seen));
		}
		if (state != null) {
			states.put(unit.code(), state);
		}
		return state;
	}

	/** From the work tables of the last indicator refresh and the store's sessions. */
	public static PaceStates load(DataSource dataSource, TargetsProperties targets, LocalDate asOf) {
		return load(dataSource, UnitForest.load(dataSource), targets, asOf);
	}

	/** The same, over a forest already loaded (two queries). */
	public static PaceStates load(DataSource dataSource, UnitForest forest, TargetsProperties targets, LocalDate asOf) {
		return new PaceStates(forest, PaceMembers.load(dataSource, targets, asOf));
	}

	public static PaceStates of(UnitForest forest, List<Member> members) {
		return new PaceStates(forest, members);
	}

	/**
	 * The state of an indicator of a granularity for a unit's subtree in the running period;
	 * {@code null} when the indicator has no member-based pace, the period has ended, or the
	 * subtree has no member.
	 */
	public Pace of(String unitCode, String indicator, char granularity) {
		PaceTarget target = PaceTarget.of(indicator, granularity);
		return (target == null) ? null : this.subtrees.getOrDefault(target, Map.of()).get(unitCode);
	}

	/** Every member of one state, people and units alike, in load order. */
	public List<Member> members(Pace pace) {
		List<Member> out = new ArrayList<>();
		for (Member m : this.members) {
			if (m.pace() == pace) {
				out.add(m);
			}
		}
		return out;
	}

	public List<Member> members() {
		return this.members;
	}

}
