package org.learnstats.store;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/** Streams rows into a PostgreSQL staging table with COPY ... FROM STDIN (text format). */
final class CopyStageLoader implements StageLoader {

	private static final int FLUSH_BYTES = 1 << 18;

	private final PGConnection connection;

	private final String sql;

	private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(FLUSH_BYTES + 4096);

	private final StringBuilder line = new StringBuilder(256);

	private final boolean withLineNo;

	private CopyIn copy;

	CopyStageLoader(Connection connection, String table, List<String> columns, boolean lineNo) throws SQLException {
		this.connection = connection.unwrap(PGConnection.class);
		this.withLineNo = lineNo;
		this.sql = "COPY " + table + " (" + String.join(", ", columns) + ", delivery_id" + (lineNo ? ", line_no" : "")
				+ ") FROM STDIN";
	}

	@Override
	public void add(Object[] row, long deliveryId, long lineNo) throws SQLException {
		StringBuilder sb = this.line;
		sb.setLength(0);
		for (Object value : row) {
			append(sb, value);
			sb.append('\t');
		}
		sb.append(deliveryId);
		if (this.withLineNo) {
			sb.append('\t').append(lineNo);
		}
		sb.append('\n');
		byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
		this.buffer.write(bytes, 0, bytes.length);
		if (this.buffer.size() >= FLUSH_BYTES) {
			send();
		}
	}

	private static void append(StringBuilder sb, Object value) {
		if (value == null) {
			sb.append("\\N");
		}
		else if (value instanceof String s) {
			for (int i = 0; i < s.length(); i++) {
				char c = s.charAt(i);
				switch (c) {
					case '\\' -> sb.append("\\\\");
					case '\t' -> sb.append("\\t");
					case '\n' -> sb.append("\\n");
					case '\r' -> sb.append("\\r");
					default -> sb.append(c);
				}
			}
		}
		else if (value instanceof BigDecimal d) {
			sb.append(d.toPlainString());
		}
		else if (value instanceof Boolean b) {
			sb.append(b ? 't' : 'f');
		}
		else {
			sb.append(value);
		}
	}

	private void send() throws SQLException {
		if (this.buffer.size() == 0) {
			return;
		}
		if (this.copy == null) {
			this.copy = this.connection.getCopyAPI().copyIn(this.sql);
		}
		this.copy.writeToCopy(this.buffer.toByteArray(), 0, this.buffer.size());
		this.buffer.reset();
	}

	@Override
	public void abandon() {
		this.buffer.reset();
		if (this.copy != null) {
			try {
				if (this.copy.isActive()) {
					this.copy.cancelCopy();
				}
			}
			catch (SQLException ex) {
				// the server ended the COPY already (that is usually why we abandon it)
			}
			this.copy = null;
		}
	}

	@Override
	public void flush() throws SQLException {
		send();
		if (this.copy != null) {
			this.copy.endCopy();
			this.copy = null;
		}
	}

}
