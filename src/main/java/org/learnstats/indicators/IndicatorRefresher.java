package org.learnstats.indicators;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.learnstats.store.UnitForest;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Recomputes every indicator of spec section 3 from the whole store into {@code indicator_value}.
 * <p>
 * The work is set-based in the database (SQL under {@code indicators/}): attendance is scanned once
 * and reduced to sessions; each unit's own numerators and denominators are computed per period
 * (table {@code ind_own}) and rolled up over the subtree closure, so rates are never averaged.
 * Only the unit closure (from {@link UnitForest}), the period calendar and the rank targets are
 * computed in Java. Everything runs on the caller's connection and transaction (Spring's
 * {@code DataSourceUtils}), so a failed refresh leaves the previous table content.
 */
@Component
public class IndicatorRefresher {

	private static final Log logger = LogFactory.getLog(IndicatorRefresher.class);

	/** Work tables, emptied at the start of each refresh (their content is kept afterwards). */
	static final List<String> WORK_TABLES = List.of("ind_own", "ind_response_month", "ind_survey_month",
			"ind_survey_responses", "ind_unit_count", "ind_pop", "ind_person_research", "ind_research_report", "ind_research_year", "ind_person_credit",
			"ind_credit_period", "ind_credit_month", "ind_att_month", "ind_att_session", "ind_rank_target", "ind_day",
			"ind_period_ytd", "ind_period_month", "ind_period", "ind_unit_closure");

	private static final int BATCH = 1000;

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final TargetsProperties targets;

	public IndicatorRefresher(DataSource dataSource, TargetsProperties targets) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.named = new NamedParameterJdbcTemplate(this.jdbc);
		this.targets = targets;
	}

	/**
	 * Replaces the whole content of {@code indicator_value} with the indicators as of D, in the
	 * caller's transaction.
	 * @param asOf the as-of date D
	 * @return the number of indicator rows written
	 */
	public long refresh(LocalDate asOf) {
		Objects.requireNonNull(asOf, "asOf");
		this.targets.validate();
		long started = System.nanoTime();
		boolean postgres = isPostgres();
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("asOf", Date.valueOf(asOf))
			.addValue("minSessions", this.targets.getCentralGroup().getMinSessions())
			.addValue("minHours", this.targets.getCentralGroup().getMinHours())
			.addValue("minDays", this.targets.getBranchStudy().getMinDays());

		if (postgres) {
			// hash aggregates of the roll-up stay in memory; LOCAL: this transaction only
			this.jdbc.execute("SET LOCAL work_mem = '128MB'");
		}
		this.jdbc.update("DELETE FROM indicator_value");
		for (String table : WORK_TABLES) {
			this.jdbc.update("DELETE FROM " + table);
		}
		insertTargets();
		insertClosure();
		for (String sql : SqlScript.load("sessions.sql")) {
			run(sql, params);
		}
		analyze(postgres, "ind_att_session");
		LocalDate first = firstEventDate(asOf);
		insertCalendar(ReportedPeriod.between(first, asOf), first, asOf);
		analyze(postgres, "ind_period", "ind_period_month", "ind_period_ytd", "ind_day", "ind_unit_closure",
				"ind_rank_target");
		for (String sql : SqlScript.load("refresh.sql")) {
			run(sql, params);
			if (postgres) {
				String table = sql.substring("INSERT INTO ".length(), sql.indexOf(' ', "INSERT INTO ".length()));
				analyze(true, table);
			}
		}
		long rows = 0;
		for (String sql : SqlScript.load("rollup.sql")) {
			rows += run(sql, params);
		}
		logger.info("Indicators as of " + asOf + ": " + rows + " rows from " + first + " in "
				+ (System.nanoTime() - started) / 1_000_000 + " ms");
		return rows;
	}

	private int run(String sql, MapSqlParameterSource params) {
		long started = System.nanoTime();
		int rows = this.named.update(sql, params);
		if (logger.isDebugEnabled()) {
			logger.debug(String.format("%6d ms %9d rows  %s", (System.nanoTime() - started) / 1_000_000, rows,
					sql.lines().limit(3).map(String::strip).reduce((a, b) -> a + " " + b).orElse("")));
		}
		return rows;
	}

	private boolean isPostgres() {
		String product = this.jdbc
			.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
		return product != null && product.toLowerCase(java.util.Locale.ROOT).contains("postgres");
	}

	/** Fresh statistics for the planner on work tables just filled (PostgreSQL only). */
	private void analyze(boolean postgres, String... tables) {
		if (postgres) {
			for (String table : tables) {
				this.jdbc.execute("ANALYZE " + table);
			}
		}
	}

	private void insertTargets() {
		List<Object[]> rows = new ArrayList<>();
		for (String rank : TargetsProperties.RANKS) {
			rows.add(new Object[] { rank, this.targets.creditTarget(rank), this.targets.researchDaysTarget(rank) });
		}
		this.jdbc.batchUpdate("INSERT INTO ind_rank_target (person_rank, credits, research_days) VALUES (?, ?, ?)",
				rows);
	}

	private void insertClosure() {
		UnitForest forest = UnitForest.load(this.dataSource);
		List<Object[]> rows = new ArrayList<>();
		for (UnitForest.Unit unit : forest.units()) {
			for (UnitForest.Unit ancestor : forest.path(unit.code())) {
				rows.add(new Object[] { ancestor.code(), unit.code() });
			}
			if (rows.size() >= BATCH) {
				insertPairs(rows);
			}
		}
		insertPairs(rows);
	}

	private void insertPairs(List<Object[]> rows) {
		this.jdbc.batchUpdate("INSERT INTO ind_unit_closure (ancestor, descendant) VALUES (?, ?)", rows);
		rows.clear();
	}

	/** The earliest event date up to D in the store, or D when there is none. */
	private LocalDate firstEventDate(LocalDate asOf) {
		LocalDate first = asOf;
		for (String sql : List.of("SELECT MIN(session_date) FROM ind_att_session",
				"SELECT MIN(completed_on) FROM training WHERE completed_on <= ?",
				"SELECT MIN(start_date) FROM research WHERE start_date <= ?",
				"SELECT MIN(opened_on) FROM survey WHERE opened_on <= ?",
				"SELECT MIN(submitted_on) FROM response WHERE submitted_on <= ?")) {
			Object[] args = sql.contains("?") ? new Object[] { Date.valueOf(asOf) } : new Object[0];
			Date min = this.jdbc.queryForObject(sql, Date.class, args);
			if (min != null && min.toLocalDate().isBefore(first)) {
				first = min.toLocalDate();
			}
		}
		return first;
	}

	private void insertCalendar(List<ReportedPeriod> periods, LocalDate first, LocalDate asOf) {
		int limit = this.targets.getDegreeAgeLimit();
		int firstYear = first.getYear();
		List<Object[]> periodRows = new ArrayList<>();
		List<Object[]> monthRows = new ArrayList<>();
		List<Object[]> ytdRows = new ArrayList<>();
		for (ReportedPeriod p : periods) {
			String prev = (p.granularity() == 'Y' && p.year() - 1 >= firstYear) ? String.valueOf(p.year() - 1) : null;
			periodRows.add(new Object[] { p.id(), String.valueOf(p.granularity()), Date.valueOf(p.start()),
					Date.valueOf(p.end()), p.year(), p.quarter(), p.closedBy(asOf), prev,
					Date.valueOf(p.end().minusYears(limit)) });
			for (YearMonth m : p.months()) {
				monthRows.add(new Object[] { p.id(), String.valueOf(p.granularity()), ReportedPeriod.ym(m) });
			}
			if (p.granularity() != 'M') {
				for (YearMonth m : p.monthsToDate()) {
					ytdRows.add(new Object[] { p.id(), String.valueOf(p.granularity()), ReportedPeriod.ym(m) });
				}
			}
		}
		this.jdbc.batchUpdate("INSERT INTO ind_period (period, granularity, start_date, end_date, yr, qn, closed, "
				+ "prev_period, age_cutoff) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", periodRows);
		this.jdbc.batchUpdate("INSERT INTO ind_period_month (period, granularity, ym) VALUES (?, ?, ?)", monthRows);
		this.jdbc.batchUpdate("INSERT INTO ind_period_ytd (period, granularity, ym) VALUES (?, ?, ?)", ytdRows);
		List<Object[]> days = new ArrayList<>();
		for (LocalDate d = LocalDate.of(firstYear, 1, 1); !d.isAfter(asOf); d = d.plusDays(1)) {
			days.add(new Object[] { Date.valueOf(d), ReportedPeriod.ym(YearMonth.from(d)), d.getYear() });
		}
		this.jdbc.batchUpdate("INSERT INTO ind_day (d, ym, yr) VALUES (?, ?, ?)", days);
	}

}
