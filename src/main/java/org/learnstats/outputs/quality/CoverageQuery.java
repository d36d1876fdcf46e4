package org.learnstats.outputs.quality;

/** Which units delivered which kind for which month: rows of the store by unit, kind and month of their event date. */
final class CoverageQuery {

	static final String SQL = """
			SELECT c.unit_code, u.unit_name, c.kind, c.ym, c.n FROM (
			    SELECT unit_code, 'attendance' AS kind,
			           EXTRACT(YEAR FROM session_date) * 100 + EXTRACT(MONTH FROM session_date) AS ym, COUNT(*) AS n
			    FROM attendance GROUP BY unit_code, EXTRACT(YEAR FROM session_date) * 100 + EXTRACT(MONTH FROM session_date)
			    UNION ALL
			    SELECT unit_code, 'training', EXTRACT(YEAR FROM completed_on) * 100 + EXTRACT(MONTH FROM completed_on), COUNT(*)
			    FROM training GROUP BY unit_code, EXTRACT(YEAR FROM completed_on) * 100 + EXTRACT(MONTH FROM completed_on)
			    UNION ALL
			    SELECT unit_code, 'research', EXTRACT(YEAR FROM start_date) * 100 + EXTRACT(MONTH FROM start_date), COUNT(*)
			    FROM research GROUP BY unit_code, EXTRACT(YEAR FROM start_date) * 100 + EXTRACT(MONTH FROM start_date)
			    UNION ALL
			    SELECT unit_code, 'surveys', EXTRACT(YEAR FROM opened_on) * 100 + EXTRACT(MONTH FROM opened_on), COUNT(*)
			    FROM survey GROUP BY unit_code, EXTRACT(YEAR FROM opened_on) * 100 + EXTRACT(MONTH FROM opened_on)
			    UNION ALL
			    SELECT unit_code, 'responses', EXTRACT(YEAR FROM submitted_on) * 100 + EXTRACT(MONTH FROM submitted_on), COUNT(*)
			    FROM response GROUP BY unit_code, EXTRACT(YEAR FROM submitted_on) * 100 + EXTRACT(MONTH FROM submitted_on)
			) c LEFT JOIN unit u ON u.unit_code = c.unit_code
			ORDER BY c.ym, c.kind, c.unit_code""";

	private CoverageQuery() {
	}

}
