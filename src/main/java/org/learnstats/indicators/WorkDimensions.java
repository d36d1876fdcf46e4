package org.learnstats.indicators;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.learnstats.store.UnitForest;
import org.learnstats.vocabulary.Rank;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The two small dimensions a full refresh writes before the facts: the targets by rank
 * ({@code ind_rank_target}) and the subtree closure of the unit forest ({@code ind_unit_closure}:
 * one row per ancestor and descendant, the unit itself included), over which every sum is rolled up.
 */
final class WorkDimensions {

	private static final int BATCH = 1000;

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final TargetsProperties targets;

	WorkDimensions(DataSource dataSource, JdbcTemplate jdbc, TargetsProperties targets) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.targets = targets;
	}

	void insert() {
		insertTargets();
		insertClosure();
	}

	private void insertTargets() {
		List<Object[]> rows = new ArrayList<>();
		for (String rank : Rank.codes()) {
			rows.add(new Object[] { rank, this.targets.creditTarget(rank), this.targets.researchDaysTarget(rank) });
		}
		this.jdbc.batchUpdate("INSERT INTO ind_rank_target (person_rank, credits, research_days) VALUES (?, ?, ?)",
				rows);
	}

	private void insertClosure() {
		UnitForest forest = UnitForest.load(this.dataSource);
		List<Object[]> rows = new ArrayList<>();
		for (UnitForest.Unit unit : forest.units()) {
			for (UnitForest.Unit ancestor : forest.path(unit.code())) {
				rows.add(new Object[] { ancestor.code(), unit.code() });
			}
			if (rows.size() >= BATCH) {
				insertPairs(rows);
			}
		}
		insertPairs(rows);
	}

	private void insertPairs(List<Object[]> rows) {
		this.jdbc.batchUpdate("INSERT INTO ind_unit_closure (ancestor, descendant) VALUES (?, ?)", rows);
		rows.clear();
	}

}
