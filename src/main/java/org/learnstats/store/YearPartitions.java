package org.learnstats.store;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.learnstats.ingest.ExportKind;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The event tables' partitions by year on PostgreSQL (V76): {@code <table>_before} for every date
 * before the first partitioned year, then {@code <table>_y<year>}, each with the kind's natural
 * key as its primary key. The kinds whose files are appended ({@link ExportKind#appendsEvents()})
 * are the partitioned ones. On H2 there is nothing to do.
 */
public final class YearPartitions {

	private static final Log logger = LogFactory.getLog(YearPartitions.class);

	private final JdbcTemplate jdbc;

	private final List<ExportKind> kinds;

	private final boolean postgres;

	public YearPartitions(DataSource dataSource, List<ExportKind> kinds) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.kinds = kinds.stream().filter(ExportKind::appendsEvents).toList();
		this.postgres = StoreDialect.of(dataSource) == StoreDialect.POSTGRESQL;
	}

	/**
	 * Adds the yearly partitions up to {@code year} (a run's as-of year: no event is dated later)
	 * that the event tables lack. Run once a night before the ingest, on the manager only.
	 */
	public void ensureThrough(int year) {
		if (!this.postgres) {
			return;
		}
		for (ExportKind kind : this.kinds) {
			Layout layout = layout(this.jdbc, kind.table());
			for (int y = layout.lastYear() + 1; y <= year; y++) {
				String partition = kind.table() + "_y" + y;
				this.jdbc.execute("CREATE TABLE %s PARTITION OF %s FOR VALUES FROM ('%d-01-01') TO ('%d-01-01')"
					.formatted(partition, kind.table(), y, y + 1));
				this.jdbc.execute("ALTER TABLE %s ADD CONSTRAINT %s_pkey PRIMARY KEY (%s)".formatted(partition,
						partition, String.join(", ", MergeStatement.storeKey(kind))));
				logger.info("store: partition %s added for the events of %d".formatted(partition, y));
			}
		}
	}

	/**
	 * After workers applied a kind's files side by side: a key that two of them brought with dates
	 * in different years sits in two partitions (each one's check ran before the other committed);
	 * the row of the earlier delivery goes, as one process applying the files in delivery order
	 * would have replaced it. Looks at the rows delivered from {@code firstDeliveryId} on; returns
	 * the rows removed.
	 */
	public int dropReplacedAcrossYears(ExportKind kind, long firstDeliveryId) {
		if (!this.postgres || !kind.appendsEvents()) {
			return 0;
		}
		String match = MergeStatement.storeKey(kind)
			.stream()
			.map((k) -> "o." + k + " = n." + k)
			.collect(Collectors.joining(" AND "));
		int removed = this.jdbc.update("DELETE FROM %1$s o USING %1$s n WHERE n.delivery_id >= ? AND %2$s"
				.formatted(kind.table(), match) + " AND o.tableoid <> n.tableoid AND o.delivery_id < n.delivery_id",
				firstDeliveryId);
		if (removed > 0) {
			logger.info("store: %d %s rows replaced by a later delivery dated in another year".formatted(removed,
					kind.name()));
		}
		return removed;
	}

	/** The partitions of an event table: the first year with a partition of its own, and the last. */
	record Layout(String table, int firstYear, int lastYear) {

		/** The partition that holds an event of the year. */
		String partitionOf(int year) {
			return year < this.firstYear ? this.table + "_before" : this.table + "_y" + year;
		}

		/** Every partition, {@code _before} first. */
		List<String> partitions() {
			List<String> all = new ArrayList<>();
			all.add(this.table + "_before");
			for (int y = this.firstYear; y <= this.lastYear; y++) {
				all.add(this.table + "_y" + y);
			}
			return all;
		}

	}

	/** Reads the partitions of a table from PostgreSQL's catalog. */
	static Layout layout(JdbcTemplate jdbc, String table) {
		TreeSet<Integer> years = new TreeSet<>();
		String prefix = table + "_y";
		for (String name : jdbc.queryForList(
				"SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = ?::regclass",
				String.class, table)) {
			if (name.startsWith(prefix)) {
				years.add(Integer.parseInt(name.substring(prefix.length())));
			}
		}
		if (years.isEmpty() || years.last() - years.first() + 1 != years.size()) {
			throw new IllegalStateException("the store's table %s is not partitioned by year as V76 leaves it: %s"
				.formatted(table, years));
		}
		return new Layout(table, years.first(), years.last());
	}

}
