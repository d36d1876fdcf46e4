package org.learnstats.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Loads checked rows into a staging table, or straight into a store table, inside the current
 * transaction, in bulk: COPY on PostgreSQL, JDBC batches elsewhere. Never one round trip per row.
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

	/** Drops what was sent but not yet ended (after a failure; the caller rolls back). */
	default void abandon() {
	}

	/** A loader into a staging table: the store columns plus delivery_id and line_no. */
	static StageLoader open(StoreDialect dialect, Connection connection, String table, List<String> columns)
			throws SQLException {
		return open(dialect, connection, table, columns, true);
	}

	/**
	 * A loader into {@code table}: the store columns, delivery_id and, for a staging table,
	 * line_no (a store table has none).
	 */
	static StageLoader open(StoreDialect dialect, Connection connection, String table, List<String> columns,
			boolean lineNo) throws SQLException {
		return dialect == StoreDialect.POSTGRESQL ? new CopyStageLoader(connection, table, columns, lineNo)
				: new BatchStageLoader(connection, table, columns, lineNo);
	}

}
