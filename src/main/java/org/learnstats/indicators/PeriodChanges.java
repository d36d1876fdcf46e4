package org.learnstats.indicators;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which periods the refreshes recomputed, and when: each refresh stamps the periods it deleted and
 * recomputed (all of them when it was full) with the next number of one growing sequence
 * ({@code ind_period_change}). A period's indicator values never change without a new stamp, so an
 * output that depends on a set of periods and was last compared with its inputs at stamp S is
 * still right while {@link #lastChange(Collection)} of those periods is at most S: it need not
 * read its inputs again.
 */
public final class PeriodChanges {

	private final Map<String, Long> stamps;

	private final long current;

	private final String firstMonth;

	private PeriodChanges(Map<String, Long> stamps, String firstMonth) {
		this.stamps = Map.copyOf(stamps);
		this.current = stamps.values().stream().mapToLong(Long::longValue).max().orElse(0);
		this.firstMonth = firstMonth;
	}

	/** The stamps as the last refresh left them. */
	public static PeriodChanges load(DataSource dataSource) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		Map<String, Long> stamps = new HashMap<>();
		jdbc.query("SELECT period, changed_seq FROM ind_period_change", (rs) -> {
			stamps.put(rs.getString(1).trim(), rs.getLong(2));
		});
		String first = jdbc.queryForObject("SELECT MIN(period) FROM ind_period WHERE granularity = 'M'", String.class);
		return new PeriodChanges(stamps, (first == null) ? null : first.trim());
	}

	/**
	 * The first month the indicators report (that of the store's earliest event date), e.g.
	 * {@code 2025-01}, or null before the first refresh. It moves only when data earlier than all
	 * before arrives, or the earliest is withdrawn.
	 */
	public String firstMonth() {
		return this.firstMonth;
	}

	/** The stamp of the last refresh that recomputed anything (0 before the first). */
	public long current() {
		return this.current;
	}

	/**
	 * The stamp id of a year's research trips: stamped when a trip overlapping the year changed (or
	 * everything was recomputed). The year's own stamp moves every night D moves through it, which
	 * what a closed quarter reads of its year's trips (a pack's research shortfall) does not follow.
	 * Not a period: it never enters the calendar.
	 */
	public static String trips(int year) {
		return "trips " + year;
	}

	/** The last stamp of any of these periods; 0 when none was ever computed. */
	public long lastChange(Collection<String> periods) {
		long last = 0;
		for (String period : periods) {
			last = Math.max(last, this.stamps.getOrDefault(period, 0L));
		}
		return last;
	}

	/**
	 * Stamps with the next number the periods of this refresh's change set ({@code ind_dirty_period},
	 * every period of the calendar after a full refresh) and the periods that left the calendar
	 * since the last refresh (a full refresh after D moved back does not list those); run in the
	 * refresh's transaction, after the calendar ({@code ind_period}) is written.
	 */
	static void record(JdbcTemplate jdbc) {
		Long last = jdbc.queryForObject("SELECT MAX(changed_seq) FROM ind_period_change", Long.class);
		long next = (last == null) ? 1 : last + 1;
		jdbc.update("UPDATE ind_period_change SET changed_seq = ?, present = FALSE "
				+ "WHERE present AND period NOT IN (SELECT period FROM ind_period)", next);
		jdbc.update("DELETE FROM ind_period_change WHERE period IN (SELECT period FROM ind_dirty_period)");
		jdbc.update("""
				INSERT INTO ind_period_change (period, changed_seq, present)
				SELECT DISTINCT d.period, ?,
				       CASE WHEN EXISTS (SELECT 1 FROM ind_period p WHERE p.period = d.period) THEN TRUE ELSE FALSE END
				FROM ind_dirty_period d""", next);
		// the years of changed research trips (old and new dates), every year after a full refresh
		List<Integer> years = jdbc.queryForList("""
				SELECT p.yr FROM ind_period p
				WHERE p.granularity = 'Y'
				    AND (EXISTS (SELECT 1 FROM ind_dirty_period d WHERE d.period = p.period AND d.why = 'F')
				        OR EXISTS (SELECT 1 FROM ind_dirty_span s WHERE s.kind = 'R'
				                   AND EXTRACT(YEAR FROM s.d1) <= p.yr AND EXTRACT(YEAR FROM s.d2) >= p.yr))""",
				Integer.class);
		for (int year : years) {
			jdbc.update("DELETE FROM ind_period_change WHERE period = ?", trips(year));
			// not present: never in the calendar, so the statement above leaves it alone
			jdbc.update("INSERT INTO ind_period_change (period, changed_seq, present) VALUES (?, ?, FALSE)", trips(year),
					next);
		}
	}

}
