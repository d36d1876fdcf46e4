package org.learnstats.indicators;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.learnstats.vocabulary.Rank;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The state row of the last refresh ({@code ind_refresh_state}): D, the delivery watermark, the
 * fingerprint of the targets and work-table format, and the sizes of the largest work tables. It
 * decides whether tonight's refresh can be incremental.
 * @param asOf the D of the last refresh
 * @param watermark the highest delivery_id the last refresh had read
 * @param fingerprint the targets and work-table format the last refresh computed with
 * @param sessions rows of ind_att_session afterwards
 * @param trainings rows of ind_training_fact afterwards
 * @param valueRows rows of indicator_value afterwards
 */
record RefreshState(LocalDate asOf, long watermark, String fingerprint, long sessions, long trainings,
		long valueRows) {

	/** The state row of the last refresh, or null when there was none. */
	static RefreshState read(JdbcTemplate jdbc) {
		List<RefreshState> rows = jdbc.query("SELECT as_of, watermark, fingerprint, sessions, trainings, value_rows "
				+ "FROM ind_refresh_state WHERE id = 1",
				(rs, i) -> new RefreshState(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getString(3), rs.getLong(4),
						rs.getLong(5), rs.getLong(6)));
		return rows.isEmpty() ? null : rows.get(0);
	}

	/** Replaces the state row with this one. */
	void write(JdbcTemplate jdbc) {
		jdbc.update("DELETE FROM ind_refresh_state");
		jdbc.update("INSERT INTO ind_refresh_state (id, as_of, watermark, fingerprint, sessions, trainings, "
				+ "value_rows, refreshed_at) VALUES (1, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)", Date.valueOf(this.asOf),
				this.watermark, this.fingerprint, this.sessions, this.trainings, this.valueRows);
	}

	/**
	 * Why a refresh after this state must be a full one, or null when it can be incremental.
	 * @param state the last refresh's state, or null
	 * @param asOf tonight's D
	 * @param watermark tonight's highest delivery_id
	 * @param fingerprint tonight's {@link #fingerprint(TargetsProperties, String)}
	 */
	static String fullReason(RefreshState state, LocalDate asOf, long watermark, String fingerprint,
			JdbcTemplate jdbc) {
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
		if (count(jdbc, "unit") != count(jdbc, "ind_unit_fact")
				|| differ(jdbc, "unit_code, parent_code, unit_type", "unit", "ind_unit_fact")) {
			return "units changed";
		}
		String personColumns = "person_id, unit_code, person_rank, education, birth_date, joined_on, left_on, "
				+ "in_degree_program";
		if (count(jdbc, "person") != count(jdbc, "ind_person_fact")
				|| (jdbc.queryForObject("SELECT COUNT(*) FROM person WHERE delivery_id > ?", Long.class,
						state.watermark()) > 0 && differ(jdbc, personColumns, "person", "ind_person_fact"))) {
			return "roster changed";
		}
		return null;
	}

	/** The targets as the work tables are computed with them, and the format of those tables. */
	static String fingerprint(TargetsProperties targets, String format) {
		StringBuilder f = new StringBuilder("format=").append(format);
		for (String rank : Rank.codes()) {
			f.append(";").append(rank).append('=').append(plain(targets.creditTarget(rank))).append('/')
				.append(plain(targets.researchDaysTarget(rank)));
		}
		f.append(";central_group=").append(targets.getCentralGroup().getMinSessions()).append('/')
			.append(plain(targets.getCentralGroup().getMinHours()));
		f.append(";branch_study=").append(targets.getBranchStudy().getMinDays());
		f.append(";degree_age_limit=").append(targets.getDegreeAgeLimit());
		return f.toString();
	}

	/** Whether table holds a row (of these columns) that copy does not. */
	private static boolean differ(JdbcTemplate jdbc, String columns, String table, String copy) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT " + columns + " FROM " + table + " EXCEPT SELECT "
				+ columns + " FROM " + copy + ") x", Long.class) > 0;
	}

	private static long count(JdbcTemplate jdbc, String table) {
		Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
		return (n == null) ? 0 : n;
	}

	private static String plain(BigDecimal value) {
		return IndicatorNumbers.plain(value);
	}

}
