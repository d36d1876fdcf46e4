package org.learnstats.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.learnstats.ingest.ExportKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Whether rows appended to a table partitioned by year (PostgreSQL, {@link YearPartitions})
 * bring a key that another year's partition holds: each partition's primary key sees only its
 * own year, so a key delivered again with a date in another year would otherwise be stored twice.
 * The rows' key prefixes (the first two key columns: the session of a sign-in, the survey of a
 * response, the whole key of a training record or trip) are looked up, after the chunk's rows
 * are in the table and before it commits, in every other partition that holds rows; a prefix
 * found there sends the chunk to the merge, which replaces across partitions. A session or a
 * survey that spans two years therefore merges its chunk: slower, never wrong.
 */
final class CrossYearCheck {

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final String table;

	private final int dateAt;

	private final int firstAt;

	private final int secondAt;

	private final String probe;

	private YearPartitions.Layout layout;

	/** Partitions seen holding rows this step (they never empty again; an empty one is asked again). */
	private final Set<String> holding = new HashSet<>();

	/** The chunk's key prefixes, by the partition their rows went to. */
	private final Map<String, Set<List<String>>> prefixes = new HashMap<>();

	/** The prefixes of the last row's year, and that year. */
	private Set<List<String>> into;

	private int intoYear;

	private CrossYearCheck(DataSource dataSource, ExportKind kind) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.table = kind.table();
		List<String> columns = kind.storeColumns();
		List<String> key = MergeStatement.storeKey(kind);
		this.dateAt = columns.indexOf(kind.kind().eventDate());
		this.firstAt = columns.indexOf(key.get(0));
		this.secondAt = columns.indexOf(key.get(1));
		this.probe = "SELECT EXISTS (SELECT 1 FROM unnest(?::varchar[], ?::varchar[]) AS n(a, b) WHERE EXISTS "
				+ "(SELECT 1 FROM %%s o WHERE o.%s = n.a AND o.%s = n.b))".formatted(key.get(0), key.get(1));
	}

	/** The check of a kind's appended rows, or null where the kind's table is not partitioned. */
	static CrossYearCheck of(DataSource dataSource, StoreDialect dialect, ExportKind kind) {
		return (dialect == StoreDialect.POSTGRESQL && kind.appendsEvents()) ? new CrossYearCheck(dataSource, kind)
				: null;
	}

	/** A new step: the partitions are read again (a run adds a year's before it ingests). */
	void reset() {
		this.layout = null;
		this.holding.clear();
	}

	/**
	 * Reads the partitions once a step, before a chunk is applied: a store that is not partitioned
	 * as V76 leaves it fails the step (the files stay undelivered) instead of its files.
	 */
	void prepare() {
		if (this.layout == null) {
			this.layout = YearPartitions.layout(this.jdbc, this.table);
		}
	}

	/** A new attempt at appending a chunk. */
	void start() {
		this.prefixes.clear();
		this.into = null;
	}

	/** Notes a row sent to the table (per row: the partition is looked up when the year changes). */
	void add(Object[] storeRow) {
		int year = ((LocalDate) storeRow[this.dateAt]).getYear();
		if (this.into == null || year != this.intoYear) {
			this.into = this.prefixes.computeIfAbsent(this.layout.partitionOf(year), (p) -> new LinkedHashSet<>());
			this.intoYear = year;
		}
		this.into.add(List.of((String) storeRow[this.firstAt], (String) storeRow[this.secondAt]));
	}

	/** Whether a prefix of the chunk's rows is in a partition of another year (the chunk's rows are in). */
	boolean found() throws Exception {
		for (Map.Entry<String, Set<List<String>>> own : this.prefixes.entrySet()) {
			for (String other : this.layout.partitions()) {
				if (!other.equals(own.getKey()) && holdsRows(other) && holds(other, own.getValue())) {
					return true;
				}
			}
		}
		return false;
	}

	private boolean holdsRows(String partition) {
		if (this.holding.contains(partition)) {
			return true;
		}
		if (Boolean.TRUE.equals(this.jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM " + partition + ")",
				Boolean.class))) {
			this.holding.add(partition);
			return true;
		}
		return false;
	}

	private boolean holds(String partition, Set<List<String>> keys) throws Exception {
		List<String> first = new ArrayList<>(keys.size());
		List<String> second = new ArrayList<>(keys.size());
		for (List<String> key : keys) {
			first.add(key.get(0));
			second.add(key.get(1));
		}
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try (PreparedStatement statement = connection.prepareStatement(this.probe.formatted(partition))) {
			Array a = connection.createArrayOf("varchar", first.toArray());
			Array b = connection.createArrayOf("varchar", second.toArray());
			statement.setArray(1, a);
			statement.setArray(2, b);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() && rs.getBoolean(1);
			}
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

}
