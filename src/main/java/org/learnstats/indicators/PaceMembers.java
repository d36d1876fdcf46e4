package org.learnstats.indicators;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.learnstats.indicators.PaceStates.Member;
import org.learnstats.vocabulary.Period;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Loads the members of each {@link PaceTarget} of the running periods in two queries: committees
 * and branches from the sessions summary ({@code ind_att_session}, sessions up to D), people from
 * the credit and research populations of the last refresh ({@code ind_person_credit},
 * {@code ind_person_research}), so a member is counted exactly as its indicator counts it.
 */
final class PaceMembers {

	/** Per committee and branch: central-group sessions this quarter, branch-study days and days with any session this month. */
	private static final String UNITS = """
			SELECT u.unit_code, u.unit_type,
			       COUNT(DISTINCT CASE WHEN s.session_type = 'central_group' AND s.duration_hours >= ?
			                           THEN s.session_id END),
			       COUNT(DISTINCT CASE WHEN s.session_type = 'branch_study' AND s.session_date >= ?
			                           THEN s.session_date END),
			       COUNT(DISTINCT CASE WHEN s.session_date >= ? THEN s.session_date END)
			FROM unit u
			LEFT JOIN ind_att_session s ON s.unit_code = u.unit_code AND s.session_date BETWEEN ? AND ?
			WHERE u.unit_type IN ('committee', 'branch')
			GROUP BY u.unit_code, u.unit_type
			""";

	/** Credits of the running quarter and year, research days and reports of the running year. */
	private static final String PEOPLE = """
			SELECT 'C', period, unit_code, person_id, target, credits, 0
			FROM ind_person_credit WHERE period IN (?, ?)
			UNION ALL
			SELECT 'R', period, unit_code, person_id, target, CAST(days AS NUMERIC(38, 18)), reports
			FROM ind_person_research WHERE period = ?
			""";

	private final TargetsProperties targets;

	private final LocalDate asOf;

	private final List<Member> out = new ArrayList<>();

	private PaceMembers(TargetsProperties targets, LocalDate asOf) {
		this.targets = targets;
		this.asOf = asOf;
	}

	static List<Member> load(DataSource dataSource, TargetsProperties targets, LocalDate asOf) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		PaceMembers members = new PaceMembers(targets, asOf);
		Period month = running(asOf, 'M');
		Period quarter = running(asOf, 'Q');
		Period year = running(asOf, 'Y');
		if (month != null || quarter != null) {
			members.units(jdbc, month, quarter);
		}
		if (quarter != null || year != null) {
			String q = (quarter != null) ? quarter.toString() : "";
			String y = (year != null) ? year.toString() : "";
			jdbc.query(PEOPLE, (rs) -> {
				String period = rs.getString(2);
				String unit = rs.getString(3);
				String person = rs.getString(4);
				if ("R".equals(rs.getString(1))) {
					members.person(PaceTarget.RESEARCH_DAYS, year, unit, person, number(rs, 5), number(rs, 6));
					members.person(PaceTarget.RESEARCH_REPORT, year, unit, person, BigDecimal.ONE, number(rs, 7));
				}
				else if (period.equals(q)) {
					members.person(PaceTarget.CREDITS_QUARTER, quarter, unit, person, number(rs, 5),
							number(rs, 6));
				}
				else {
					members.person(PaceTarget.CREDITS_YEAR, year, unit, person, number(rs, 5), number(rs, 6));
				}
			}, q, y, y);
		}
		return members.out;
	}

	/** The period of a granularity holding D, or {@code null} when D is its last day (it has ended). */
	private static Period running(LocalDate asOf, char granularity) {
		Period p = Period.of(asOf, granularity);
		return p.closedBy(asOf) ? null : p;
	}

	private void units(JdbcTemplate jdbc, Period month, Period quarter) {
		LocalDate monthFirst = Period.of(this.asOf, 'M').first();
		LocalDate quarterFirst = Period.of(this.asOf, 'Q').first();
		BigDecimal sessions = BigDecimal.valueOf(this.targets.getCentralGroup().getMinSessions());
		BigDecimal days = BigDecimal.valueOf(this.targets.getBranchStudy().getMinDays());
		jdbc.query(UNITS, (rs) -> {
			String unit = rs.getString(1);
			boolean committee = "committee".equals(rs.getString(2));
			if (committee && quarter != null) {
				add(PaceTarget.CENTRAL_GROUP, quarter, unit, null, sessions, number(rs, 3), quarter.first());
			}
			if (!committee && month != null) {
				add(PaceTarget.BRANCH_STUDY, month, unit, null, days, number(rs, 4), month.first());
			}
			if (month != null) {
				add(PaceTarget.ATTENDANCE_REPORTING, month, unit, null, BigDecimal.ONE, number(rs, 5),
						month.first());
			}
		}, this.targets.getCentralGroup().getMinHours(), Date.valueOf(monthFirst), Date.valueOf(monthFirst),
				Date.valueOf(quarterFirst), Date.valueOf(this.asOf));
	}

	/** A column's number without trailing zeros (the store's decimals read as text, see IndicatorNumbers.parse). */
	private static BigDecimal number(ResultSet rs, int column) throws SQLException {
		return IndicatorNumbers.parse(rs.getString(column));
	}

	private void person(PaceTarget target, Period period, String unit, String person, BigDecimal goal,
			BigDecimal done) {
		if (target == PaceTarget.CREDITS_QUARTER) {
			// credit_on_track_rate: target × n / 4 by the quarter's end, paced from 1 January
			BigDecimal share = goal.multiply(BigDecimal.valueOf(period.index())).divide(BigDecimal.valueOf(4));
			add(target, period, unit, person, share, done, period.first().withDayOfYear(1));
		}
		else {
			add(target, period, unit, person, goal, done, period.first());
		}
	}

	private void add(PaceTarget target, Period period, String unit, String person, BigDecimal goal, BigDecimal done,
			LocalDate from) {
		this.out.add(new Member(target, period, unit, person, goal.stripTrailingZeros(), done.stripTrailingZeros(),
				PaceRule.of(goal, done, from, period.last(), this.asOf, target.capacity())));
	}

}
