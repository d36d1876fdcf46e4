package org.learnstats.outputs.quality;

import java.util.stream.Collectors;

import org.learnstats.vocabulary.Kind;

/**
 * Which units delivered which kind for which month: rows of the store by unit, kind and the
 * month (yyyy-MM) of their event date. Portable SQL for H2 and PostgreSQL. Attendance is counted
 * from the indicator refresh's per-session summary (ind_att_session, every session of the store
 * with its row count, kept current by each run's refresh): the same counts, without reading the
 * history's sign-ins every night.
 */
final class CoverageQuery {

	static final String SQL = """
			SELECT c.unit_code, u.unit_name, c.kind,
			       CAST(CAST(c.y AS INTEGER) AS VARCHAR(4)) || '-' || LPAD(CAST(CAST(c.m AS INTEGER) AS VARCHAR(2)), 2, '0'),
			       c.n
			FROM (
			%s
			) c LEFT JOIN unit u ON u.unit_code = c.unit_code
			ORDER BY c.y, c.m, c.kind, c.unit_code""".formatted(Kind.events()
		.stream()
		.map(CoverageQuery::rowsByMonth)
		.collect(Collectors.joining("\n    UNION ALL\n")));

	/** One kind's rows by unit and month of their event date (attendance: the per-session summary). */
	private static String rowsByMonth(Kind kind) {
		boolean attendance = kind == Kind.ATTENDANCE;
		return """
				    SELECT unit_code, '%1$s' AS kind, EXTRACT(YEAR FROM %2$s) AS y, EXTRACT(MONTH FROM %2$s) AS m, %3$s AS n
				    FROM %4$s GROUP BY unit_code, EXTRACT(YEAR FROM %2$s), EXTRACT(MONTH FROM %2$s)"""
			.formatted(kind.code(), kind.eventDate(), attendance ? "SUM(n_all)" : "COUNT(*)",
					attendance ? "ind_att_session" : kind.table());
	}

	private CoverageQuery() {
	}

}
