package org.learnstats.store;

import java.util.stream.Collectors;

import org.learnstats.vocabulary.Kind;

/**
 * The store's events by unit, kind and calendar month of their event date: the one query behind
 * the coverage grid and the delivery history. Columns {@code unit_code, kind, y, m, n} (n the
 * rows). Attendance is counted from the indicator refresh's per-session summary
 * (ind_att_session) and training from its records by month (ind_training_month), both kept
 * current by each run's refresh, not from the history's sign-ins and records.
 * Portable SQL for H2 and PostgreSQL.
 */
public final class EventMonths {

	/** A UNION ALL of every event kind's rows by unit and month; wrap it as a derived table. */
	public static final String UNION = Kind.events()
		.stream()
		.map(EventMonths::rowsByMonth)
		.collect(Collectors.joining("\n    UNION ALL\n"));

	/** The month of the columns {@code y} and {@code m} as yyyy-MM, for a derived table named {@code alias}. */
	public static String yearMonth(String alias) {
		return "CAST(CAST(%1$s.y AS INTEGER) AS VARCHAR(4)) || '-' || LPAD(CAST(CAST(%1$s.m AS INTEGER) AS VARCHAR(2)), 2, '0')"
			.formatted(alias);
	}

	/**
	 * Like {@link #UNION}, of the rows of a range of deliveries only (each kind's table read by its
	 * delivery_id index, attendance too): two parameters per kind, the first and last delivery id.
	 */
	public static final String UNION_OF_DELIVERIES = Kind.events()
		.stream()
		.map((kind) -> """
				    SELECT unit_code, '%1$s' AS kind, EXTRACT(YEAR FROM %2$s) AS y, EXTRACT(MONTH FROM %2$s) AS m, COUNT(*) AS n
				    FROM %3$s WHERE delivery_id BETWEEN ? AND ?
				    GROUP BY unit_code, EXTRACT(YEAR FROM %2$s), EXTRACT(MONTH FROM %2$s)"""
			.formatted(kind.code(), kind.eventDate(), kind.table()))
		.collect(Collectors.joining("\n    UNION ALL\n"));

	/** How many kinds {@link #UNION_OF_DELIVERIES} reads (it takes twice as many parameters). */
	public static final int KINDS = Kind.events().size();

	private static String rowsByMonth(Kind kind) {
		if (kind == Kind.TRAINING) {
			return "    SELECT unit_code, '%s' AS kind, y, m, n FROM ind_training_month".formatted(kind.code());
		}
		boolean attendance = kind == Kind.ATTENDANCE;
		return """
				    SELECT unit_code, '%1$s' AS kind, EXTRACT(YEAR FROM %2$s) AS y, EXTRACT(MONTH FROM %2$s) AS m, %3$s AS n
				    FROM %4$s GROUP BY unit_code, EXTRACT(YEAR FROM %2$s), EXTRACT(MONTH FROM %2$s)"""
			.formatted(kind.code(), kind.eventDate(), attendance ? "SUM(n_all)" : "COUNT(*)",
					attendance ? "ind_att_session" : kind.table());
	}

	private EventMonths() {
	}

}
