package org.learnstats.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

/** The two databases learnstats runs on; chosen by the datasource URL alone. */
public enum StoreDialect {

	H2, POSTGRESQL;

	public static StoreDialect of(DataSource dataSource) {
		try (Connection c = dataSource.getConnection()) {
			String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
			return product.contains("postgres") ? POSTGRESQL : H2;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot reach the store: " + ex.getMessage(), ex);
		}
	}

}
