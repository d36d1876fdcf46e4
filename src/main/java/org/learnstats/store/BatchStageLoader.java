package org.learnstats.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

/** Inserts rows into a staging table in JDBC batches (H2). */
final class BatchStageLoader implements StageLoader {

	private static final int BATCH = 2000;

	private final PreparedStatement insert;

	private final boolean withLineNo;

	private int pending;

	BatchStageLoader(Connection connection, String table, List<String> columns, boolean lineNo) throws SQLException {
		this.withLineNo = lineNo;
		String marks = String.join(", ", Collections.nCopies(columns.size() + (lineNo ? 2 : 1), "?"));
		this.insert = connection.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns)
				+ ", delivery_id" + (lineNo ? ", line_no" : "") + ") VALUES (" + marks + ")");
	}

	@Override
	public void add(Object[] row, long deliveryId, long line) throws SQLException {
		for (int i = 0; i < row.length; i++) {
			Object v = row[i];
			this.insert.setObject(i + 1, v instanceof LocalDate d ? Date.valueOf(d) : v);
		}
		this.insert.setLong(row.length + 1, deliveryId);
		if (this.withLineNo) {
			this.insert.setLong(row.length + 2, line);
		}
		this.insert.addBatch();
		if (++this.pending >= BATCH) {
			flush();
		}
	}

	@Override
	public void flush() throws SQLException {
		if (this.pending > 0) {
			this.insert.executeBatch();
			this.pending = 0;
		}
	}

	@Override
	public void abandon() {
		try {
			this.insert.clearBatch();
		}
		catch (SQLException ex) {
			// the statement is closed or broken; the caller rolls the rows back anyway
		}
		this.pending = 0;
	}

	@Override
	public void close() throws SQLException {
		flush();
		this.insert.close();
	}

}
