package org.learnstats.indicators;

import java.sql.Date;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * How the refresh talks to the database: it runs the SQL files under {@code indicators/} and the
 * fold of a night's rows, empties and counts work tables; {@link PlannerTuning} tunes PostgreSQL's
 * planner for them.
 */
final class RefreshSql {

	private static final Log logger = LogFactory.getLog(IndicatorRefresher.class);

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final boolean postgres;

	private final PlannerTuning tuning;

	RefreshSql(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
		this.postgres = product != null && product.toLowerCase(Locale.ROOT).contains("postgres");
		this.tuning = new PlannerTuning(jdbc, this.postgres);
	}

	/** How the refresh tunes PostgreSQL's planner (nothing on H2). */
	PlannerTuning tuning() {
		return this.tuning;
	}

	boolean postgres() {
		return this.postgres;
	}

	/**
	 * Runs every statement of a SQL file; when asked (PostgreSQL), analyzes a table it inserts into
	 * if a later statement of the file reads it ({@link #readLater}): analyzing ind_own after each of
	 * its 21 inserts, which only the roll-up reads, took 1.3 s of a small-units full refresh.
	 */
	void script(String name, MapSqlParameterSource params, boolean analyzeInserts) {
		List<String> statements = SqlScript.load(name);
		for (int i = 0; i < statements.size(); i++) {
			String sql = statements.get(i);
			run(sql, params);
			if (this.postgres && analyzeInserts && sql.startsWith("INSERT INTO ")) {
				String table = sql.substring("INSERT INTO ".length(), sql.indexOf(' ', "INSERT INTO ".length()));
				if (readLater(table, statements.subList(i + 1, statements.size()))) {
					this.tuning.analyze(table);
				}
			}
		}
	}

	/** Whether one of the statements reads the table (names it after FROM or JOIN). */
	static boolean readLater(String table, List<String> statements) {
		Pattern read = Pattern.compile("\\b(FROM|JOIN)\\s+" + Pattern.quote(table) + "\\b", Pattern.CASE_INSENSITIVE);
		return statements.stream().anyMatch((sql) -> read.matcher(sql).find());
	}

	/** Runs one statement, logging its time and rows at debug level; returns the rows changed. */
	int run(String sql, MapSqlParameterSource params) {
		long started = System.nanoTime();
		int rows = this.named.update(sql, params);
		if (logger.isDebugEnabled()) {
			logger.debug(String.format("%6d ms %9d rows  %s", (System.nanoTime() - started) / 1_000_000, rows,
					sql.lines().limit(3).map(String::strip).reduce((a, b) -> a + " " + b).orElse("")));
		}
		return rows;
	}

	/** Empties tables: one TRUNCATE on PostgreSQL (no dead rows, one catalog round), DELETEs on H2. */
	void empty(List<String> tables) {
		if (this.postgres) {
			this.jdbc.update("TRUNCATE " + String.join(", ", tables));
		}
		else {
			for (String table : tables) {
				this.jdbc.update("DELETE FROM " + table);
			}
		}
	}

	/** Deletes every row of the tables (the small change tables of one refresh). */
	void clear(List<String> tables) {
		for (String table : tables) {
			this.jdbc.update("DELETE FROM " + table);
		}
	}

	long count(String table) {
		Long n = this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
		return (n == null) ? 0 : n;
	}

	/**
	 * Folds the touched keys into the facts (facts_fold.sql), by index.
	 * @return the new sizes of ind_att_session and ind_training_fact
	 */
	long[] fold(MapSqlParameterSource params, long sessions, long trainings) {
		long[] sizes = { sessions, trainings };
		this.tuning.withIndexScans(() -> {
			for (String sql : SqlScript.load("facts_fold.sql")) {
				if (sql.startsWith("INSERT INTO ind_training_month")) {
					for (YearMonth month : touchedTrainingMonths()) {
						run(sql, new MapSqlParameterSource(params.getValues()).addValue("y", month.getYear())
							.addValue("m", month.getMonthValue())
							.addValue("first_day", Date.valueOf(month.atDay(1)))
							.addValue("next_first", Date.valueOf(month.plusMonths(1).atDay(1))));
					}
					continue;
				}
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

	/** The months of the training records the fold touched, old and new dates (ind_dirty_span). */
	private SortedSet<YearMonth> touchedTrainingMonths() {
		SortedSet<YearMonth> months = new TreeSet<>();
		this.jdbc.query("SELECT DISTINCT d1 FROM ind_dirty_span WHERE kind = 'T'",
				(rs) -> {
					months.add(YearMonth.from(rs.getDate(1).toLocalDate()));
				});
		return months;
	}

	/** Rolls the dirty periods up; returns the indicator rows deleted and inserted. */
	long[] rollup(MapSqlParameterSource params) {
		long[] rows = new long[2];
		for (String sql : SqlScript.load("rollup.sql")) {
			int n = run(sql, params);
			rows[sql.startsWith("INSERT") ? 1 : 0] += n;
		}
		return rows;
	}

}
