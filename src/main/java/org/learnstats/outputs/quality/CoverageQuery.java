package org.learnstats.outputs.quality;

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
			    SELECT unit_code, 'attendance' AS kind, EXTRACT(YEAR FROM session_date) AS y, EXTRACT(MONTH FROM session_date) AS m, SUM(n_all) AS n
			    FROM ind_att_session GROUP BY unit_code, EXTRACT(YEAR FROM session_date), EXTRACT(MONTH FROM session_date)
			    UNION ALL
			    SELECT unit_code, 'training' AS kind, EXTRACT(YEAR FROM completed_on) AS y, EXTRACT(MONTH FROM completed_on) AS m, COUNT(*) AS n
			    FROM training GROUP BY unit_code, EXTRACT(YEAR FROM completed_on), EXTRACT(MONTH FROM completed_on)
			    UNION ALL
			    SELECT unit_code, 'research' AS kind, EXTRACT(YEAR FROM start_date) AS y, EXTRACT(MONTH FROM start_date) AS m, COUNT(*) AS n
			    FROM research GROUP BY unit_code, EXTRACT(YEAR FROM start_date), EXTRACT(MONTH FROM start_date)
			    UNION ALL
			    SELECT unit_code, 'surveys' AS kind, EXTRACT(YEAR FROM opened_on) AS y, EXTRACT(MONTH FROM opened_on) AS m, COUNT(*) AS n
			    FROM survey GROUP BY unit_code, EXTRACT(YEAR FROM opened_on), EXTRACT(MONTH FROM opened_on)
			    UNION ALL
			    SELECT unit_code, 'responses' AS kind, EXTRACT(YEAR FROM submitted_on) AS y, EXTRACT(MONTH FROM submitted_on) AS m, COUNT(*) AS n
			    FROM response GROUP BY unit_code, EXTRACT(YEAR FROM submitted_on), EXTRACT(MONTH FROM submitted_on)
			) c LEFT JOIN unit u ON u.unit_code = c.unit_code
			ORDER BY c.y, c.m, c.kind, c.unit_code""";

	private CoverageQuery() {
	}

}
