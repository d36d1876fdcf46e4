package org.learnstats.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Loads checked rows into a staging table inside the current transaction, in bulk: COPY on
 * PostgreSQL, JDBC batches elsewhere. Never one round trip per row.
 */
interface StageLoader extends AutoCloseable {

	void add(Object[] row, long deliveryId, long line) throws SQLException;

	/**
	 * Sends everything added so far; the rows are then visible to the transaction, and the
	 * connection is free for other statements (on PostgreSQL an open COPY holds it exclusively).
	 */
	void flush() throws SQLException;

	@Override
	default void close() throws SQLException {
		flush();
	}

	static StageLoader open(StoreDialect dialect, Connection connection, String table, List<String> columns)
			throws SQLException {
		return dialect == StoreDialect.POSTGRESQL ? new CopyStageLoader(connection, table, columns)
				: new BatchStageLoader(connection, table, columns);
	}

}
