package org.learnstats.outputs.quality;

import org.learnstats.store.EventMonths;

/**
 * Which units delivered which kind for which month: rows of the store by unit, kind and the
 * month (yyyy-MM) of their event date. Portable SQL for H2 and PostgreSQL. Attendance is counted
 * from the indicator refresh's per-session summary (ind_att_session, every session of the store
 * with its row count, kept current by each run's refresh): the same counts, without reading the
 * history's sign-ins every night.
 */
final class CoverageQuery {

	static final String SQL = """
			SELECT c.unit_code, u.unit_name, c.kind, %s, c.n
			FROM (
			%s
			) c LEFT JOIN unit u ON u.unit_code = c.unit_code
			ORDER BY c.y, c.m, c.kind, c.unit_code""".formatted(EventMonths.yearMonth("c"), EventMonths.UNION);

	private CoverageQuery() {
	}

}
