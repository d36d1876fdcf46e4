package org.learnstats.indicators;

import java.sql.Date;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The store's event dates as the indicators see them, for outputs that lay out periods: sessions,
 * training and research are read from the refresh's facts (kept current by each run's refresh, all
 * dates, each with an index on its date, so a minimum is one index lookup rather than a scan of the
 * history), surveys and responses from the store; outputs ask here rather than name the refresh's
 * work tables.
 */
public final class EventDates {

	private static final String EARLIEST = """
			SELECT MIN(d) FROM (
			  SELECT MIN(session_date) AS d FROM ind_att_session
			  UNION ALL SELECT MIN(completed_on) FROM ind_training_fact
			  UNION ALL SELECT MIN(start_date) FROM ind_research_fact
			  UNION ALL SELECT MIN(opened_on) FROM survey
			  UNION ALL SELECT MIN(submitted_on) FROM response
			) e""";

	private EventDates() {
	}

	/**
	 * The earliest date of any session, training, research, survey or response in the store (on
	 * any date, also after D), or null when it holds none.
	 */
	public static LocalDate earliest(DataSource dataSource) {
		Date earliest = new JdbcTemplate(dataSource).queryForObject(EARLIEST, Date.class);
		return (earliest != null) ? earliest.toLocalDate() : null;
	}

}
