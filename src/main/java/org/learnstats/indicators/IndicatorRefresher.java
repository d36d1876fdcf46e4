package org.learnstats.indicators;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
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

	/**
	 * The large work tables a full refresh fills from the store ({@code facts_full.sql}) and then
	 * from them ({@code refresh.sql}): their indexes are built after the rows, not row by row.
	 */
	private static final List<String> FILLED_WHOLE = List.of("ind_att_session", "ind_training_fact",
			"ind_research_fact");

	private static final List<String> REFRESHED_WHOLE = List.of("ind_credit_month", "ind_credit_period",
			"ind_person_credit");

	/** Work tables, emptied by a full refresh (their content is kept afterwards). */
	static final List<String> WORK_TABLES = List.of("ind_refresh_state", "ind_own", "ind_response_month",
			"ind_survey_month", "ind_response_month_prev", "ind_survey_month_prev", "ind_survey_responses",
			"ind_unit_count", "ind_pop", "ind_person_research", "ind_research_report", "ind_research_year",
			"ind_person_credit", "ind_credit_period", "ind_credit_month", "ind_att_month", "ind_att_session",
			"ind_training_fact", "ind_training_month", "ind_research_fact", "ind_unit_fact", "ind_person_fact",
			"ind_rank_target", "ind_day", "ind_period_ytd", "ind_period_month", "ind_period", "ind_unit_closure");

	/** Tables of one refresh's change set, emptied at the start of each. */
	static final List<String> CHANGE_TABLES = List.of("ind_touched_session", "ind_touched_training",
			"ind_touched_research", "ind_dirty_span", "ind_dirty_month", "ind_dirty_survey_month", "ind_dirty_period",
			"ind_dirty_year");

	private final JdbcTemplate jdbc;

	private final TargetsProperties targets;

	private final RefreshSql sql;

	private final PlannerTuning tuning;

	private final RefreshCalendar calendar;

	private final WorkDimensions dimensions;

	/**
	 * A night re-delivering more than this many sessions (or training records), and more than a
	 * quarter of them, is refreshed in full: key-by-key work would cost more than one scan.
	 */
	private long fullAbove = 20_000;

	/** What the last refresh did (for tests and diagnostics). */
	private volatile Outcome last;

	public IndicatorRefresher(DataSource dataSource, TargetsProperties targets) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.targets = targets;
		this.sql = new RefreshSql(this.jdbc);
		this.tuning = this.sql.tuning();
		this.calendar = new RefreshCalendar(this.jdbc, targets);
		this.dimensions = new WorkDimensions(dataSource, this.jdbc, targets);
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
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("asOf", Date.valueOf(asOf))
			.addValue("minSessions", this.targets.getCentralGroup().getMinSessions())
			.addValue("minHours", this.targets.getCentralGroup().getMinHours())
			.addValue("minDays", this.targets.getBranchStudy().getMinDays());
		this.tuning.enoughWorkMemory();
		Long maxDelivery = this.jdbc.queryForObject("SELECT MAX(delivery_id) FROM delivery", Long.class);
		long watermark = (maxDelivery == null) ? 0 : maxDelivery;
		String fingerprint = RefreshState.fingerprint(this.targets, FORMAT);
		RefreshState state = RefreshState.read(this.jdbc);
		String reason = forceFull ? "forced" : RefreshState.fullReason(state, asOf, watermark, fingerprint, this.jdbc);
		long[] sizes = null;
		if (reason == null) {
			this.sql.clear(CHANGE_TABLES);
			params.addValue("wm", state.watermark());
			this.tuning.summarizeBrin();
			this.tuning.withIndexScans(() -> this.sql.script("facts_touched.sql", params, false));
			long sessions = this.sql.count("ind_touched_session");
			long trainings = this.sql.count("ind_touched_training");
			if (tooMany(sessions, state.sessions()) || tooMany(trainings, state.trainings())) {
				reason = String.format(Locale.ROOT, "%,d sessions and %,d training records re-delivered", sessions,
						trainings);
			}
			else {
				this.tuning.analyze("ind_touched_session", "ind_touched_training", "ind_touched_research");
				sizes = this.sql.fold(params, state.sessions(), state.trainings());
			}
		}
		Outcome outcome = (reason != null) ? full(asOf, params, reason) : incremental(asOf, params, state);
		if (sizes == null) {
			sizes = new long[] { this.sql.count("ind_att_session"), this.sql.count("ind_training_fact") };
		}
		PeriodChanges.record(this.jdbc);
		new RefreshState(asOf, watermark, fingerprint, sizes[0], sizes[1], outcome.total()).write(this.jdbc);
		long millis = (System.nanoTime() - started) / 1_000_000;
		outcome = new Outcome(outcome.full(), outcome.reason(), outcome.periods(), outcome.recomputed(), outcome.why(),
				outcome.rows(), outcome.total(), millis);
		logger.info(RefreshLog.describe(asOf, outcome));
		this.last = outcome;
		return outcome;
	}

	/** What the last refresh of this instance did, or null. */
	Outcome lastOutcome() {
		return this.last;
	}

	private boolean tooMany(long touched, long total) {
		return touched > this.fullAbove && touched * 4 > total;
	}

	/** For tests: the size of a night above which a full refresh is taken. */
	void setFullAbove(long fullAbove) {
		this.fullAbove = fullAbove;
	}

	// ------------------------------------------------------------------ the two paths

	private Outcome full(LocalDate asOf, MapSqlParameterSource params, String reason) {
		List<String> emptied = new ArrayList<>(List.of("indicator_value"));
		emptied.addAll(WORK_TABLES);
		this.sql.empty(emptied);
		this.sql.clear(CHANGE_TABLES);
		this.dimensions.insert();
		Runnable tended = this.tuning.tendEventTablesBeside();
		this.tuning.analyzeRegisters();
		this.tuning.withIndexesBuiltAfter(FILLED_WHOLE, () -> this.tuning.withoutSorts(
				() -> this.tuning.withSequentialScans(() -> this.sql.script("facts_full.sql", params, false))));
		this.tuning.analyze("ind_att_session", "ind_training_fact", "ind_research_fact", "ind_unit_fact",
				"ind_person_fact");
		LocalDate first = this.calendar.firstEventDate(asOf);
		List<RefreshCalendar.Row> calendar = this.calendar.periods(first, asOf);
		this.calendar.insert(calendar, first, asOf);
		this.calendar.insertDirtyPeriods(calendar.stream().map((row) -> row.dirty("F")).toList());
		this.jdbc.update("INSERT INTO ind_dirty_month (ym) SELECT DISTINCT ym FROM ind_day");
		this.calendar.insertDirtyYears();
		this.tuning.analyze("ind_period", "ind_period_month", "ind_period_ytd", "ind_day", "ind_unit_closure",
				"ind_rank_target", "ind_dirty_month", "ind_dirty_period", "ind_dirty_year");
		this.sql.script("surveys.sql", params, true);
		this.tuning.withIndexesBuiltAfter(REFRESHED_WHOLE, () -> this.sql.script("refresh.sql", params, true));
		this.tuning.analyze("ind_own");
		long[] rows = this.sql.rollup(params);
		tended.run();
		return new Outcome(true, reason, calendar.size(), calendar.size(), Map.of('F', calendar.size()), rows[1],
				rows[1], 0);
	}

	private Outcome incremental(LocalDate asOf, MapSqlParameterSource params, RefreshState state) {
		Map<String, RefreshCalendar.Row> before = this.calendar.stored();
		LocalDate first = this.calendar.firstEventDate(asOf);
		List<RefreshCalendar.Row> calendar = this.calendar.periods(first, asOf);
		this.sql.clear(RefreshCalendar.TABLES);
		this.calendar.insert(calendar, first, asOf);
		this.calendar.insertDirtyPeriods(RefreshCalendar.changes(before, calendar));
		this.tuning.analyze("ind_period", "ind_period_month", "ind_period_ytd", "ind_day", "ind_dirty_span");
		this.sql.script("surveys.sql", params, false);
		this.sql.script("dirty.sql", params, false);
		this.calendar.insertDirtyYears();
		this.tuning.analyze("ind_dirty_month", "ind_dirty_survey_month", "ind_dirty_period", "ind_dirty_year");
		this.sql.script("refresh.sql", params, false);
		long[] rows = this.sql.rollup(params);
		Map<Character, Integer> why = this.calendar.whyCounts();
		int recomputed = why.entrySet().stream().filter((e) -> e.getKey() != 'X').mapToInt(Map.Entry::getValue).sum();
		return new Outcome(false, null, calendar.size(), recomputed, why, rows[1], state.valueRows() - rows[0] + rows[1],
				0);
	}

}
