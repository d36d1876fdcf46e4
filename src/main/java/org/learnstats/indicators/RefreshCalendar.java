package org.learnstats.indicators;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The refresh's calendar: the reported periods as of D ({@code ind_period}), their months and
 * year-to-date months ({@code ind_period_month}, {@code ind_period_ytd}), the days
 * ({@code ind_day}), and which periods must be recomputed because the calendar changed
 * ({@code ind_dirty_period}, {@code ind_dirty_year}).
 */
final class RefreshCalendar {

	static final List<String> TABLES = List.of("ind_day", "ind_period_ytd", "ind_period_month", "ind_period");

	private final JdbcTemplate jdbc;

	private final TargetsProperties targets;

	RefreshCalendar(JdbcTemplate jdbc, TargetsProperties targets) {
		this.jdbc = jdbc;
		this.targets = targets;
	}

	/** One row of ind_period. */
	record Row(String period, String granularity, LocalDate start, LocalDate end, int yr, int qn, boolean closed,
			String prev, LocalDate ageCutoff) {

		Object[] dirty(String why) {
			return new Object[] { this.period, this.granularity, this.yr, why };
		}

	}

	/** The periods reported as of D, from the first event date up to D. */
	List<Row> periods(LocalDate first, LocalDate asOf) {
		int limit = this.targets.getDegreeAgeLimit();
		List<Row> rows = new ArrayList<>();
		for (ReportedPeriod p : ReportedPeriod.between(first, asOf)) {
			String prev = (p.granularity() == 'Y' && p.year() - 1 >= first.getYear()) ? String.valueOf(p.year() - 1)
					: null;
			rows.add(new Row(p.id(), String.valueOf(p.granularity()), p.start(), p.end(), p.year(), p.quarter(),
					p.closedBy(asOf), prev, p.end().minusYears(limit)));
		}
		return rows;
	}

	/** The calendar the last refresh left in ind_period, by period. */
	Map<String, Row> stored() {
		Map<String, Row> rows = new LinkedHashMap<>();
		this.jdbc.query("SELECT period, granularity, start_date, end_date, yr, qn, closed, prev_period, age_cutoff "
				+ "FROM ind_period", (rs) -> {
					Row row = new Row(rs.getString(1), rs.getString(2).strip(), rs.getDate(3).toLocalDate(),
							rs.getDate(4).toLocalDate(), rs.getInt(5), rs.getInt(6), rs.getBoolean(7),
							rs.getString(8), rs.getDate(9).toLocalDate());
					rows.put(row.period(), row);
				});
		return rows;
	}

	/**
	 * The periods to recompute because the calendar moved from {@code before} to {@code now}: new
	 * ones (N), changed ones (C) and the ones that left it (X).
	 */
	static List<Object[]> changes(Map<String, Row> before, List<Row> now) {
		Map<String, Row> left = new LinkedHashMap<>(before);
		List<Object[]> dirty = new ArrayList<>();
		for (Row row : now) {
			Row old = left.remove(row.period());
			if (old == null || !old.equals(row)) {
				dirty.add(row.dirty((old == null) ? "N" : "C"));
			}
		}
		for (Row gone : left.values()) {
			dirty.add(gone.dirty("X"));
		}
		return dirty;
	}

	/**
	 * The earliest event date up to D in the store, or D when there is none (the facts stand for
	 * attendance, training and research, indexed by date).
	 */
	LocalDate firstEventDate(LocalDate asOf) {
		LocalDate first = asOf;
		for (String sql : List.of("SELECT MIN(session_date) FROM ind_att_session WHERE session_date <= ?",
				"SELECT MIN(completed_on) FROM ind_training_fact WHERE completed_on <= ?",
				"SELECT MIN(start_date) FROM ind_research_fact WHERE start_date <= ?",
				"SELECT MIN(opened_on) FROM survey WHERE opened_on <= ?",
				"SELECT MIN(submitted_on) FROM response WHERE submitted_on <= ?")) {
			Date min = this.jdbc.queryForObject(sql, Date.class, Date.valueOf(asOf));
			if (min != null && min.toLocalDate().isBefore(first)) {
				first = min.toLocalDate();
			}
		}
		return first;
	}

	/** Writes the periods, their months, their year-to-date months and the days up to D. */
	void insert(List<Row> calendar, LocalDate first, LocalDate asOf) {
		List<Object[]> periodRows = new ArrayList<>();
		List<Object[]> monthRows = new ArrayList<>();
		List<Object[]> ytdRows = new ArrayList<>();
		for (Row p : calendar) {
			periodRows.add(new Object[] { p.period(), p.granularity(), Date.valueOf(p.start()), Date.valueOf(p.end()),
					p.yr(), p.qn(), p.closed(), p.prev(), Date.valueOf(p.ageCutoff()) });
			for (YearMonth m = YearMonth.from(p.start()); !m.isAfter(YearMonth.from(p.end())); m = m.plusMonths(1)) {
				monthRows.add(new Object[] { p.period(), p.granularity(), ReportedPeriod.ym(m) });
			}
			if (!"M".equals(p.granularity())) {
				for (YearMonth m = YearMonth.of(p.yr(), 1); !m.isAfter(YearMonth.from(p.end())); m = m.plusMonths(1)) {
					ytdRows.add(new Object[] { p.period(), p.granularity(), ReportedPeriod.ym(m) });
				}
			}
		}
		this.jdbc.batchUpdate("INSERT INTO ind_period (period, granularity, start_date, end_date, yr, qn, closed, "
				+ "prev_period, age_cutoff) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", periodRows);
		this.jdbc.batchUpdate("INSERT INTO ind_period_month (period, granularity, ym) VALUES (?, ?, ?)", monthRows);
		this.jdbc.batchUpdate("INSERT INTO ind_period_ytd (period, granularity, ym) VALUES (?, ?, ?)", ytdRows);
		List<Object[]> days = new ArrayList<>();
		for (LocalDate d = LocalDate.of(first.getYear(), 1, 1); !d.isAfter(asOf); d = d.plusDays(1)) {
			days.add(new Object[] { Date.valueOf(d), ReportedPeriod.ym(YearMonth.from(d)), d.getYear() });
		}
		this.jdbc.batchUpdate("INSERT INTO ind_day (d, ym, yr) VALUES (?, ?, ?)", days);
	}

	/** Marks periods to recompute, each with why ({@link #changes}). */
	void insertDirtyPeriods(List<Object[]> rows) {
		this.jdbc.batchUpdate("INSERT INTO ind_dirty_period (period, granularity, yr, why) VALUES (?, ?, ?, ?)", rows);
	}

	/** The years whose research sums are redone: those of the dirty year periods. */
	void insertDirtyYears() {
		List<Object[]> rows = new ArrayList<>();
		for (Integer yr : this.jdbc.queryForList(
				"SELECT DISTINCT yr FROM ind_dirty_period WHERE granularity = 'Y'", Integer.class)) {
			rows.add(new Object[] { yr, Date.valueOf(LocalDate.of(yr, 1, 1)), Date.valueOf(LocalDate.of(yr, 12, 31)) });
		}
		this.jdbc.batchUpdate("INSERT INTO ind_dirty_year (yr, first_day, last_day) VALUES (?, ?, ?)", rows);
	}

	/** How many periods are marked dirty for which reason ({@link #changes}). */
	Map<Character, Integer> whyCounts() {
		Map<Character, Integer> why = new java.util.TreeMap<>();
		this.jdbc.query("SELECT why, COUNT(*) FROM ind_dirty_period GROUP BY why",
				(rs) -> {
					why.put(rs.getString(1).charAt(0), rs.getInt(2));
				});
		return why;
	}

}
