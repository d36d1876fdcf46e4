package org.learnstats.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.learnstats.support.TestDatabase;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The planner tuning of the refresh on PostgreSQL, where it does something. */
class PlannerTuningTest {

	private static final List<String> TABLES = List.of("ind_training_fact", "ind_credit_period");

	private static final String INDEXES = """
			SELECT i.relname || ' ' || pg_get_indexdef(i.oid) || ' ' || COALESCE(CAST(c.contype AS TEXT), '-')
			FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
			LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid
			WHERE t.relname IN ('ind_training_fact', 'ind_credit_period') AND t.relnamespace = CAST(current_schema() AS regnamespace)
			ORDER BY 1""";

	@Test
	void tablesFilledWithTheirIndexesBuiltAfterKeepEveryKeyAndIndex() {
		DataSource ds = TestDatabase.postgres().dataSource();
		JdbcTemplate jdbc = new JdbcTemplate(ds);
		TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
		List<String> before = jdbc.queryForList(INDEXES, String.class);
		assertThat(before).hasSize(3).anyMatch((d) -> d.startsWith("ind_training_fact_pkey ") && d.endsWith(" p"));
		tx.executeWithoutResult((s) -> new RefreshSql(jdbc).tuning().withIndexesBuiltAfter(TABLES, () -> {
			// while the rows go in, neither table has an index left
			assertThat(jdbc.queryForList(INDEXES, String.class)).isEmpty();
			jdbc.update("INSERT INTO ind_training_fact (unit_code, record_id, person_id, completed_on, credits) "
					+ "VALUES ('U1', 'R1', 'P1', DATE '2026-03-02', 1.5), ('U1', 'R2', 'P1', DATE '2026-03-03', 2)");
		}));
		assertThat(jdbc.queryForList(INDEXES, String.class)).isEqualTo(before);
		// the key holds again
		assertThatThrownBy(() -> jdbc.update("INSERT INTO ind_training_fact (unit_code, record_id, person_id, "
				+ "completed_on, credits) VALUES ('U1', 'R1', 'P2', DATE '2026-03-04', 1)"))
			.isInstanceOf(DuplicateKeyException.class);
		// rows that break a key fail the refresh when the key is built, and the rollback keeps the indexes
		assertThatThrownBy(() -> tx.executeWithoutResult((s) -> new RefreshSql(jdbc).tuning().withIndexesBuiltAfter(TABLES,
				() -> jdbc.update("INSERT INTO ind_training_fact (unit_code, record_id, person_id, completed_on, "
						+ "credits) VALUES ('U2', 'R9', 'P1', DATE '2026-03-02', 1), ('U2', 'R9', 'P1', DATE '2026-03-02', 1)"))))
			.isInstanceOf(RuntimeException.class);
		assertThat(jdbc.queryForList(INDEXES, String.class)).isEqualTo(before);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ind_training_fact", Long.class)).isEqualTo(2);
		assertThat(jdbc.queryForList("SELECT record_id FROM ind_training_fact ORDER BY 1", String.class))
			.isEqualTo(List.of("R1", "R2"));
	}


	@Test
	void eventTablesAreAnalyzedBesideATransactionThatHoldsTheWorkTablesAndRollsBack() {
		DataSource ds = TestDatabase.postgres().dataSource();
		JdbcTemplate jdbc = new JdbcTemplate(ds);
		TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
		Timestamp before = jdbc.queryForObject("SELECT clock_timestamp()", Timestamp.class);
		tx.executeWithoutResult((s) -> {
			// the refresh holds its work tables; the statistics never wait on it
			jdbc.execute("LOCK TABLE ind_own, ind_att_session, ind_training_fact IN ACCESS EXCLUSIVE MODE");
			new RefreshSql(jdbc).tuning().tendEventTablesBeside().run();
			s.setRollbackOnly();
		});
		for (String table : List.of("attendance", "training", "research", "response")) {
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pg_stat_user_tables WHERE relname = ? "
					+ "AND schemaname = current_schema() AND last_analyze >= ?", Integer.class,
					table, before))
				.as(table)
				.isEqualTo(1);
		}
	}

	@Test
	void aTableInsertedIntoIsAnalyzedOnlyWhenALaterStatementReadsIt() {
		List<String> refresh = SqlScript.load("refresh.sql");
		int firstOwn = indexOf(refresh, "INSERT INTO ind_own");
		int firstCount = indexOf(refresh, "INSERT INTO ind_unit_count");
		int creditMonth = indexOf(refresh, "INSERT INTO ind_credit_month");
		// ind_own is read by the roll-up only, the others by the statements after them
		assertThat(RefreshSql.readLater("ind_own", refresh.subList(firstOwn + 1, refresh.size()))).isFalse();
		assertThat(RefreshSql.readLater("ind_unit_count", refresh.subList(firstCount + 1, refresh.size()))).isTrue();
		assertThat(RefreshSql.readLater("ind_credit_month", refresh.subList(creditMonth + 1, refresh.size()))).isTrue();
		assertThat(RefreshSql.readLater("ind_own", SqlScript.load("rollup.sql"))).isTrue();
		// a name is a whole word: ind_att_month is not ind_att_month_prev, nor a column
		assertThat(RefreshSql.readLater("ind_att", List.of("SELECT * FROM ind_att_month"))).isFalse();
		assertThat(RefreshSql.readLater("ind_att", List.of("SELECT ind_att FROM t"))).isFalse();
		assertThat(RefreshSql.readLater("ind_att", List.of("SELECT x FROM t\n  join  ind_att a ON a.k = t.k"))).isTrue();
	}

	private static int indexOf(List<String> statements, String prefix) {
		for (int i = 0; i < statements.size(); i++) {
			if (statements.get(i).startsWith(prefix)) {
				return i;
			}
		}
		throw new AssertionError(prefix);
	}

}
