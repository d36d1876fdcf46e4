package org.learnstats.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The units of the store as a forest, loaded in one query (a province has a few thousand
 * units). Roots and children are ordered by unit code so every reader walks them alike.
 */
public final class UnitForest {

	/** One unit of the store. */
	public record Unit(String code, String name, String parentCode, String type) {
	}

	private final Map<String, Unit> units;

	private final Map<String, List<Unit>> children;

	private final List<Unit> roots;

	UnitForest(List<Unit> all) {
		List<Unit> sorted = new ArrayList<>(all);
		sorted.sort(Comparator.comparing(Unit::code));
		this.units = new LinkedHashMap<>();
		sorted.forEach((u) -> this.units.put(u.code(), u));
		this.children = new LinkedHashMap<>();
		List<Unit> rootList = new ArrayList<>();
		for (Unit u : sorted) {
			if (u.parentCode() == null || !this.units.containsKey(u.parentCode())) {
				rootList.add(u);
			}
			else {
				this.children.computeIfAbsent(u.parentCode(), (k) -> new ArrayList<>()).add(u);
			}
		}
		this.roots = Collections.unmodifiableList(rootList);
	}

	public static UnitForest load(DataSource dataSource) {
		return new UnitForest(new JdbcTemplate(dataSource).query(
				"SELECT unit_code, unit_name, parent_code, unit_type FROM unit",
				(rs, i) -> new Unit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))));
	}

	public static UnitForest of(List<Unit> units) {
		return new UnitForest(units);
	}

	/** All units, ordered by code. */
	public List<Unit> units() {
		return List.copyOf(this.units.values());
	}

	public Unit get(String code) {
		return this.units.get(code);
	}

	public List<Unit> roots() {
		return this.roots;
	}

	public List<Unit> children(String code) {
		return this.children.getOrDefault(code, List.of());
	}

	/** The unit and all its descendants, depth first, the unit first. */
	public List<Unit> subtree(String code) {
		List<Unit> out = new ArrayList<>();
		collect(this.units.get(code), out);
		return out;
	}

	/** The chain from a root down to the unit, both included. */
	public List<Unit> path(String code) {
		List<Unit> chain = new ArrayList<>();
		for (Unit u = this.units.get(code); u != null; u = u.parentCode() == null ? null : this.units.get(u.parentCode())) {
			chain.add(0, u);
			if (chain.size() > this.units.size()) {
				break;
			}
		}
		return chain;
	}

	public int depth(String code) {
		return path(code).size() - 1;
	}

	private void collect(Unit unit, List<Unit> out) {
		if (unit == null) {
			return;
		}
		out.add(unit);
		for (Unit child : children(unit.code())) {
			collect(child, out);
		}
	}

}
