package org.learnstats.indicators;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.learnstats.store.UnitForest;

import org.learnstats.vocabulary.Rank;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code indicator_value} equal to every indicator of spec section 3 computed from the whole
 * store as of D, recomputing only what changed since the last refresh.
 * <p>
 * The work is set-based in the database (SQL under {@code indicators/}). Attendance is reduced to
 * sessions ({@code ind_att_session}, every date), training and research are copied narrow
 * ({@code ind_training_fact}, {@code ind_research_fact}); monthly sums ({@code ind_att_month},
 * {@code ind_credit_month}), yearly research sums and each unit's own numerators and denominators
 * per period ({@code ind_own}) are rolled up over the subtree closure, so rates are never averaged.
 * All these tables are kept between runs, with one state row ({@code ind_refresh_state}: D, the
 * delivery watermark, a fingerprint of the targets).
 * <p>
 * A <b>full</b> refresh empties them and recomputes everything: on the first run, when D moved
 * backwards, the targets, the units or the roster changed, or a night re-delivered a large part of
 * the store. Otherwise the refresh is <b>incremental</b>: the attendance sessions, training records
 * and research trips delivered since the watermark are deleted from the facts and read again
 * (their old and new dates are dirty); the months holding a dirty date, and the months of month
 * periods whose calendar row changed (D moved into or through them), get their monthly sums redone;
 * the periods holding such a month (in their months or year to date), a changed survey or response
 * month, or a changed research trip (years), the periods whose calendar row is new or changed
 * (open periods when D moved, closed flag, previous year), and the year after a redone year
 * (remedial_count) are deleted and recomputed; periods that left the calendar are deleted.
 * Surveys and responses are small and summed whole every time.
 * <p>
 * Everything runs on the caller's connection and transaction (Spring's {@code DataSourceUtils}),
 * state row included, so a failed refresh leaves the previous tables and state.
 */
@Component
public class IndicatorRefresher {

	private static final Log logger = LogFactory.getLog(IndicatorRefresher.class);

	/**
	 * What the kept work tables mean; change it whenever the SQL changes what they hold, so the next
	 * refresh is a full one.
	 */
	static final String FORMAT = "1";

	/** Work tables, emptied by a full refresh (their content is kept afterwards). */
	static final List<String> WORK_TABLES = List.of("ind_refresh_state", "ind_own", "ind_response_month",
			"ind_survey_month", "ind_response_month_prev", "ind_survey_month_prev", "ind_survey_responses",
			"ind_unit_count", "ind_pop", "ind_person_research", "ind_research_report", "ind_research_year",
			"ind_person_credit", "ind_credit_period", "ind_credit_month", "ind_att_month", "ind_att_session",
			"ind_training_fact", "ind_research_fact", "ind_unit_fact", "ind_person_fact", "ind_rank_target", "ind_day",
			"ind_period_ytd", "ind_period_month", "ind_period", "ind_unit_closure");

	/** Tables of one refresh's change set, emptied at the start of each. */
	static final List<String> CHANGE_TABLES = List.of("ind_touched_session", "ind_touched_training",
			"ind_touched_research", "ind_dirty_span", "ind_dirty_month", "ind_dirty_survey_month", "ind_dirty_period",
			"ind_dirty_year");

	private static final List<String> CALENDAR_TABLES = List.of("ind_day", "ind_period_ytd", "ind_period_month",
			"ind_period");

	private static final int BATCH = 1000;

	/** Why a period is recomputed, in the order the log names them. */
	private static final Map<Character, String> WHY = whyNames();

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final TargetsProperties targets;

	/**
	 * A night re-delivering more than this many sessions (or training records), and more than a
	 * quarter of them, is refreshed in full: key-by-key work would cost more than one scan.
	 */
	private long fullAbove = 20_000;

	/** What the last refresh did (for tests and diagnostics). */
	private volatile Outcome last;

	public IndicatorRefresher(DataSource dataSource, TargetsProperties targets) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.named = new NamedParameterJdbcTemplate(this.jdbc);
		this.targets = targets;
	}

	/**
	 * Brings {@code indicator_value} to the indicators as of D, in the caller's transaction.
	 * @param asOf the as-of date D
	 * @return the number of rows {@code indicator_value} holds afterwards
	 */
	public long refresh(LocalDate asOf) {
		return refresh(asOf, false).total();
	}

	/**
	 * What one refresh did.
	 * @param full whether everything was recomputed
	 * @param reason why a full refresh (null when incremental)
	 * @param periods the periods reported as of D
	 * @param recomputed the periods recomputed
	 * @param why how many periods were recomputed for which reason (N new, C changed in the calendar,
	 * D data, R year after a recomputed year, X dropped from the calendar, F full)
	 * @param rows the indicator rows written
	 * @param total the indicator rows afterwards
	 * @param millis the time taken
	 */
	record Outcome(boolean full, String reason, int periods, int recomputed, Map<Character, Integer> why, long rows,
			long total, long millis) {
	}

	/**
	 * Brings {@code indicator_value} to the indicators as of D.
	 * @param asOf the as-of date D
	 * @param forceFull recompute everything, whatever the state
	 * @return what was done
	 */
	Outcome refresh(LocalDate asOf, boolean forceFull) {
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
		Long maxDelivery = this.jdbc.queryForObject("SELECT MAX(delivery_id) FROM delivery", Long.class);
		long watermark = (maxDelivery == null) ? 0 : maxDelivery;
		String fingerprint = fingerprint();
		State state = readState();
		String reason = forceFull ? "forced" : fullReason(state, asOf, watermark, fingerprint);
		long[] sizes = null;
		if (reason == null) {
			for (String table : CHANGE_TABLES) {
				this.jdbc.update("DELETE FROM " + table);
			}
			params.addValue("wm", state.watermark());
			summarizeBrin(postgres);
			withIndexScans(postgres, () -> runScript("facts_touched.sql", params, false, postgres));
			long sessions = count("ind_touched_session");
			long trainings = count("ind_touched_training");
			if (tooMany(sessions, state.sessions()) || tooMany(trainings, state.trainings())) {
				reason = String.format(Locale.ROOT, "%,d sessions and %,d training records re-delivered", sessions,
						trainings);
			}
			else {
				analyze(postgres, "ind_touched_session", "ind_touched_training", "ind_touched_research");
				sizes = fold(params, postgres, state);
			}
		}
		Outcome outcome = (reason != null) ? full(asOf, params, postgres, reason)
				: incremental(asOf, params, postgres, state);
		if (sizes == null) {
			sizes = new long[] { count("ind_att_session"), count("ind_training_fact") };
		}
		writeState(asOf, watermark, fingerprint, sizes, outcome.total());
		long millis = (System.nanoTime() - started) / 1_000_000;
		outcome = new Outcome(outcome.full(), outcome.reason(), outcome.periods(), outcome.recomputed(), outcome.why(),
				outcome.rows(), outcome.total(), millis);
		logger.info(describe(asOf, outcome));
		this.last = outcome;
		return outcome;
	}

	/** What the last refresh of this instance did, or null. */
	Outcome lastOutcome() {
		return this.last;
	}

	private static String describe(LocalDate asOf, Outcome o) {
		StringBuilder line = new StringBuilder("Indicators as of ").append(asOf).append(": ");
		if (o.full()) {
			line.append("full (").append(o.reason()).append("), ").append(o.periods()).append(" periods");
		}
		else {
			line.append("incremental, ").append(o.recomputed()).append(" of ").append(o.periods()).append(" periods");
			List<String> parts = new ArrayList<>();
			WHY.forEach((code, name) -> {
				Integer n = o.why().get(code);
				if (n != null && n > 0) {
					parts.add(n + " " + name);
				}
			});
			if (!parts.isEmpty()) {
				line.append(" (").append(String.join(", ", parts)).append(')');
			}
		}
		if (!o.full()) {
			line.append(String.format(Locale.ROOT, ", %,d of %,d rows", o.rows(), o.total()));
		}
		else {
			line.append(String.format(Locale.ROOT, ", %,d rows", o.rows()));
		}
		return line.append(" in ").append(o.millis()).append(" ms").toString();
	}

	private static Map<Character, String> whyNames() {
		Map<Character, String> names = new LinkedHashMap<>();
		names.put('N', "new");
		names.put('C', "open or changed in the calendar");
		names.put('D', "with new data");
		names.put('R', "after a recomputed year");
		names.put('X', "dropped");
		return names;
	}

	private boolean tooMany(long touched, long total) {
		return touched > this.fullAbove && touched * 4 > total;
	}

	/** For tests: the size of a night above which a full refresh is taken. */
	void setFullAbove(long fullAbove) {
		this.fullAbove = fullAbove;
	}

	// ------------------------------------------------------------------ the two paths

	private Outcome full(LocalDate asOf, MapSqlParameterSource params, boolean postgres, String reason) {
		if (postgres) {
			// one statement: TRUNCATE leaves no dead rows behind, but each statement costs a catalog round
			this.jdbc.update("TRUNCATE indicator_value, " + String.join(", ", WORK_TABLES));
		}
		else {
			this.jdbc.update("DELETE FROM indicator_value");
			for (String table : WORK_TABLES) {
				this.jdbc.update("DELETE FROM " + table);
			}
		}
		for (String table : CHANGE_TABLES) {
			this.jdbc.update("DELETE FROM " + table);
		}
		insertTargets();
		insertClosure();
		runScript("facts_full.sql", params, false, postgres);
		summarizeBrin(postgres);
		analyze(postgres, "ind_att_session", "ind_training_fact", "ind_research_fact", "ind_unit_fact",
				"ind_person_fact");
		LocalDate first = firstEventDate(asOf);
		List<CalendarRow> calendar = calendar(first, asOf);
		insertCalendar(calendar, first, asOf);
		List<Object[]> dirty = new ArrayList<>();
		for (CalendarRow row : calendar) {
			dirty.add(new Object[] { row.period(), row.granularity(), row.yr(), "F" });
		}
		insertDirtyPeriods(dirty);
		this.jdbc.update("INSERT INTO ind_dirty_month (ym) SELECT DISTINCT ym FROM ind_day");
		insertDirtyYears();
		analyze(postgres, "ind_period", "ind_period_month", "ind_period_ytd", "ind_day", "ind_unit_closure",
				"ind_rank_target", "ind_dirty_month", "ind_dirty_period", "ind_dirty_year");
		runScript("surveys.sql", params, true, postgres);
		runScript("refresh.sql", params, true, postgres);
		long[] rows = rollup(params);
		return new Outcome(true, reason, calendar.size(), calendar.size(), Map.of('F', calendar.size()), rows[1],
				rows[1], 0);
	}

	private Outcome incremental(LocalDate asOf, MapSqlParameterSource params, boolean postgres, State state) {
		Map<String, CalendarRow> before = new LinkedHashMap<>();
		this.jdbc.query("SELECT period, granularity, start_date, end_date, yr, qn, closed, prev_period, age_cutoff "
				+ "FROM ind_period", (rs) -> {
					CalendarRow row = new CalendarRow(rs.getString(1), rs.getString(2).strip(),
							rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate(), rs.getInt(5), rs.getInt(6),
							rs.getBoolean(7), rs.getString(8), rs.getDate(9).toLocalDate());
					before.put(row.period(), row);
				});
		LocalDate first = firstEventDate(asOf);
		List<CalendarRow> calendar = calendar(first, asOf);
		for (String table : CALENDAR_TABLES) {
			this.jdbc.update("DELETE FROM " + table);
		}
		insertCalendar(calendar, first, asOf);
		List<Object[]> dirty = new ArrayList<>();
		for (CalendarRow row : calendar) {
			CalendarRow old = before.remove(row.period());
			if (old == null || !old.equals(row)) {
				dirty.add(new Object[] { row.period(), row.granularity(), row.yr(), (old == null) ? "N" : "C" });
			}
		}
		for (CalendarRow gone : before.values()) {
			dirty.add(new Object[] { gone.period(), gone.granularity(), gone.yr(), "X" });
		}
		insertDirtyPeriods(dirty);
		analyze(postgres, "ind_period", "ind_period_month", "ind_period_ytd", "ind_day", "ind_dirty_span");
		runScript("surveys.sql", params, false, postgres);
		runScript("dirty.sql", params, false, postgres);
		insertDirtyYears();
		analyze(postgres, "ind_dirty_month", "ind_dirty_survey_month", "ind_dirty_period", "ind_dirty_year");
		runScript("refresh.sql", params, false, postgres);
		long[] rows = rollup(params);
		Map<Character, Integer> why = new TreeMap<>();
		this.jdbc.query("SELECT why, COUNT(*) FROM ind_dirty_period GROUP BY why",
				(rs) -> {
					why.put(rs.getString(1).charAt(0), rs.getInt(2));
				});
		int recomputed = why.entrySet().stream().filter((e) -> e.getKey() != 'X').mapToInt(Map.Entry::getValue).sum();
		return new Outcome(false, null, calendar.size(), recomputed, why, rows[1], state.valueRows() - rows[0] + rows[1],
				0);
	}

	/**
	 * Folds the touched keys into the facts.
	 * @return the new sizes of ind_att_session and ind_training_fact
	 */
	private long[] fold(MapSqlParameterSource params, boolean postgres, State state) {
		long[] sizes = { state.sessions(), state.trainings() };
		withIndexScans(postgres, () -> {
			for (String sql : SqlScript.load("facts_fold.sql")) {
				int n = run(sql, params);
				if (sql.startsWith("DELETE FROM ind_att_session")) {
					sizes[0] -= n;
				}
				else if (sql.startsWith("INSERT INTO ind_att_session")) {
					sizes[0] += n;
				}
				else if (sql.startsWith("DELETE FROM ind_training_fact")) {
					sizes[1] -= n;
				}
				else if (sql.startsWith("INSERT INTO ind_training_fact")) {
					sizes[1] += n;
				}
			}
		});
		return sizes;
	}

	/** Rolls the dirty periods up; returns the indicator rows deleted and inserted. */
	private long[] rollup(MapSqlParameterSource params) {
		long[] rows = new long[2];
		for (String sql : SqlScript.load("rollup.sql")) {
			int n = run(sql, params);
			rows[sql.startsWith("INSERT") ? 1 : 0] += n;
		}
		return rows;
	}

	// ------------------------------------------------------------------ state

	/** The state row of the last refresh. */
	private record State(LocalDate asOf, long watermark, String fingerprint, long sessions, long trainings,
			long valueRows) {
	}

	private State readState() {
		List<State> rows = this.jdbc.query("SELECT as_of, watermark, fingerprint, sessions, trainings, value_rows "
				+ "FROM ind_refresh_state WHERE id = 1",
				(rs, i) -> new State(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getString(3), rs.getLong(4),
						rs.getLong(5), rs.getLong(6)));
		return rows.isEmpty() ? null : rows.get(0);
	}

	private void writeState(LocalDate asOf, long watermark, String fingerprint, long[] sizes, long valueRows) {
		this.jdbc.update("DELETE FROM ind_refresh_state");
		this.jdbc.update("INSERT INTO ind_refresh_state (id, as_of, watermark, fingerprint, sessions, trainings, "
				+ "value_rows, refreshed_at) VALUES (1, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)", Date.valueOf(asOf),
				watermark, fingerprint, sizes[0], sizes[1], valueRows);
	}

	/** Why this refresh must be a full one, or null when it can be incremental. */
	private String fullReason(State state, LocalDate asOf, long watermark, String fingerprint) {
		if (state == null) {
			return "no previous refresh";
		}
		if (asOf.isBefore(state.asOf())) {
			return "D moved back from " + state.asOf();
		}
		if (!fingerprint.equals(state.fingerprint())) {
			return "targets changed";
		}
		if (watermark < state.watermark()) {
			return "deliveries behind the last refresh";
		}
		if (count("unit") != count("ind_unit_fact") || differ("unit_code, parent_code, unit_type", "unit",
				"ind_unit_fact")) {
			return "units changed";
		}
		String personColumns = "person_id, unit_code, person_rank, education, birth_date, joined_on, left_on, "
				+ "in_degree_program";
		if (count("person") != count("ind_person_fact")
				|| (this.jdbc.queryForObject("SELECT COUNT(*) FROM person WHERE delivery_id > ?", Long.class,
						state.watermark()) > 0 && differ(personColumns, "person", "ind_person_fact"))) {
			return "roster changed";
		}
		return null;
	}

	/** Whether table holds a row (of these columns) that copy does not. */
	private boolean differ(String columns, String table, String copy) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT " + columns + " FROM " + table + " EXCEPT SELECT "
				+ columns + " FROM " + copy + ") x", Long.class) > 0;
	}

	/** The targets as the work tables were computed with them, and the format of those tables. */
	private String fingerprint() {
		StringBuilder f = new StringBuilder("format=").append(FORMAT);
		for (String rank : Rank.codes()) {
			f.append(";").append(rank).append('=').append(plain(this.targets.creditTarget(rank))).append('/')
				.append(plain(this.targets.researchDaysTarget(rank)));
		}
		f.append(";central_group=").append(this.targets.getCentralGroup().getMinSessions()).append('/')
			.append(plain(this.targets.getCentralGroup().getMinHours()));
		f.append(";branch_study=").append(this.targets.getBranchStudy().getMinDays());
		f.append(";degree_age_limit=").append(this.targets.getDegreeAgeLimit());
		return f.toString();
	}

	private static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

	// ------------------------------------------------------------------ helpers

	private void runScript(String name, MapSqlParameterSource params, boolean analyzeInserts, boolean postgres) {
		for (String sql : SqlScript.load(name)) {
			run(sql, params);
			if (postgres && analyzeInserts && sql.startsWith("INSERT INTO ")) {
				String table = sql.substring("INSERT INTO ".length(), sql.indexOf(' ', "INSERT INTO ".length()));
				analyze(true, table);
			}
		}
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

	/**
	 * Runs work that reads the store by delivery_id and by key: on PostgreSQL, with sequential scans
	 * off, so the planner uses the BRIN and primary-key indexes even on stale statistics (a
	 * sequential scan of attendance would cost the whole history).
	 */
	private void withIndexScans(boolean postgres, Runnable work) {
		if (!postgres) {
			work.run();
			return;
		}
		String before = this.jdbc.queryForObject("SHOW enable_seqscan", String.class);
		this.jdbc.execute("SET LOCAL enable_seqscan = off");
		try {
			work.run();
		}
		finally {
			this.jdbc.execute("SET LOCAL enable_seqscan = " + ("off".equals(before) ? "off" : "on"));
		}
	}

	/**
	 * Summarizes the block ranges of the delivery_id BRIN indexes written since the last call
	 * (PostgreSQL only): an unsummarized range always matches, so without this the night's scan by
	 * delivery_id would read every range filled since, whether autovacuum runs or not.
	 */
	private void summarizeBrin(boolean postgres) {
		if (postgres) {
			for (String index : List.of("attendance_delivery_brin", "training_delivery_brin",
					"research_delivery_brin")) {
				this.jdbc.queryForObject("SELECT brin_summarize_new_values(?::regclass)", Integer.class, index);
			}
		}
	}

	private long count(String table) {
		Long n = this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
		return (n == null) ? 0 : n;
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
		for (String rank : Rank.codes()) {
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

	/**
	 * The earliest event date up to D in the store, or D when there is none (the facts stand for
	 * attendance, training and research, indexed by date).
	 */
	private LocalDate firstEventDate(LocalDate asOf) {
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

	/** One row of ind_period. */
	private record CalendarRow(String period, String granularity, LocalDate start, LocalDate end, int yr, int qn,
			boolean closed, String prev, LocalDate ageCutoff) {
	}

	private List<CalendarRow> calendar(LocalDate first, LocalDate asOf) {
		int limit = this.targets.getDegreeAgeLimit();
		List<CalendarRow> rows = new ArrayList<>();
		for (ReportedPeriod p : ReportedPeriod.between(first, asOf)) {
			String prev = (p.granularity() == 'Y' && p.year() - 1 >= first.getYear()) ? String.valueOf(p.year() - 1)
					: null;
			rows.add(new CalendarRow(p.id(), String.valueOf(p.granularity()), p.start(), p.end(), p.year(),
					p.quarter(), p.closedBy(asOf), prev, p.end().minusYears(limit)));
		}
		return rows;
	}

	private void insertCalendar(List<CalendarRow> calendar, LocalDate first, LocalDate asOf) {
		List<Object[]> periodRows = new ArrayList<>();
		List<Object[]> monthRows = new ArrayList<>();
		List<Object[]> ytdRows = new ArrayList<>();
		for (CalendarRow p : calendar) {
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

	private void insertDirtyPeriods(List<Object[]> rows) {
		this.jdbc.batchUpdate("INSERT INTO ind_dirty_period (period, granularity, yr, why) VALUES (?, ?, ?, ?)", rows);
	}

	/** The years whose research sums are redone: those of the dirty year periods. */
	private void insertDirtyYears() {
		List<Object[]> rows = new ArrayList<>();
		for (Integer yr : this.jdbc.queryForList(
				"SELECT DISTINCT yr FROM ind_dirty_period WHERE granularity = 'Y'", Integer.class)) {
			rows.add(new Object[] { yr, Date.valueOf(LocalDate.of(yr, 1, 1)), Date.valueOf(LocalDate.of(yr, 12, 31)) });
		}
		this.jdbc.batchUpdate("INSERT INTO ind_dirty_year (yr, first_day, last_day) VALUES (?, ?, ?)", rows);
	}

}
