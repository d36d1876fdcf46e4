package org.learnstats.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

class TestDatabaseTest {

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void migratesTheWholeSchemaOnBothDatabases(String vendor) {
		TestDatabase db = TestDatabase.create(vendor);
		JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM attendance", Integer.class)).isZero();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE", Integer.class)).isZero();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stage_response", Integer.class)).isZero();
	}

}
