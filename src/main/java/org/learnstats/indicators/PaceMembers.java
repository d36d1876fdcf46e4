package org.learnstats.indicators;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.learnstats.indicators.PaceStates.Member;
import org.learnstats.vocabulary.Period;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Loads the members of each {@link PaceTarget} of the running periods: committees and branches
 * from the sessions summary ({@code ind_att_session}, sessions up to D), people from the credit
 * and research populations of the last refresh ({@code ind_person_credit},
 * {@code ind_person_research}), so a member is counted exactly as the indicator counts it.
 */
final class PaceMembers {

	private static final String SESSIONS = """
			SELECT u.unit_code, COUNT(DISTINCT %s)
			FROM unit u
			LEFT JOIN ind_att_session s ON s.unit_code = u.unit_code AND s.session_date BETWEEN ? AND ? %s
			WHERE u.unit_type IN (%s)
			GROUP BY u.unit_code
			""";

	private final JdbcTemplate jdbc;

	private final TargetsProperties targets;

	private final LocalDate asOf;

	private final List<Member> out = new ArrayList<>();

	private PaceMembers(DataSource dataSource, TargetsProperties targets, LocalDate asOf) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.targets = targets;
		this.asOf = asOf;
	}

	static List<Member> load(DataSource dataSource, TargetsProperties targets, LocalDate asOf) {
		PaceMembers members = new PaceMembers(dataSource, targets, asOf);
		for (PaceTarget target : PaceTarget.values()) {
			Period period = Period.of(asOf, target.granularity());
			if (!period.closedBy(asOf)) {
				members.add(target, period);
			}
		}
		return members.out;
	}

	private void add(PaceTarget target, Period period) {
		Date first = Date.valueOf(period.first());
		Date upTo = Date.valueOf(this.asOf);
		switch (target) {
			case CENTRAL_GROUP -> units(target, period, String.format(SESSIONS, "s.session_id",
					"AND s.session_type = 'central_group' AND s.duration_hours >= ?", "'committee'"),
					BigDecimal.valueOf(this.targets.getCentralGroup().getMinSessions()), first, upTo,
					this.targets.getCentralGroup().getMinHours());
			case BRANCH_STUDY -> units(target, period,
					String.format(SESSIONS, "s.session_date", "AND s.session_type = 'branch_study'", "'branch'"),
					BigDecimal.valueOf(this.targets.getBranchStudy().getMinDays()), first, upTo);
			case ATTENDANCE_REPORTING -> units(target, period,
					String.format(SESSIONS, "s.session_date", "", "'committee', 'branch'"), BigDecimal.ONE, first, upTo);
			case CREDITS_YEAR, CREDITS_QUARTER -> people(target, period,
					"SELECT unit_code, person_id, target, credits FROM ind_person_credit WHERE period = ?");
			case RESEARCH_DAYS -> people(target, period,
					"SELECT unit_code, person_id, target, days FROM ind_person_research WHERE period = ?");
			case RESEARCH_REPORT -> people(target, period,
					"SELECT unit_code, person_id, 1, reports FROM ind_person_research WHERE period = ?");
		}
	}

	private void units(PaceTarget target, Period period, String sql, BigDecimal goal, Object... args) {
		this.jdbc.query(sql, (rs) -> {
			this.out.add(member(target, period, rs.getString(1), null, goal, rs.getBigDecimal(2), period.first()));
		}, args);
	}

	private void people(PaceTarget target, Period period, String sql) {
		boolean quarter = target == PaceTarget.CREDITS_QUARTER;
		this.jdbc.query(sql, (rs) -> {
			BigDecimal goal = rs.getBigDecimal(3);
			if (quarter) {
				// credit_on_track_rate: target × n / 4 by the quarter's end, paced from 1 January
				goal = goal.multiply(BigDecimal.valueOf(period.index())).divide(BigDecimal.valueOf(4));
			}
			LocalDate from = quarter ? period.first().withDayOfYear(1) : period.first();
			this.out.add(member(target, period, rs.getString(1), rs.getString(2), goal, rs.getBigDecimal(4), from));
		}, period.toString());
	}

	private Member member(PaceTarget target, Period period, String unit, String person, BigDecimal goal,
			BigDecimal done, LocalDate from) {
		return new Member(target, period, unit, person, goal.stripTrailingZeros(), done.stripTrailingZeros(),
				PaceRule.of(goal, done, from, period.last(), this.asOf, target.capacity()));
	}

}
