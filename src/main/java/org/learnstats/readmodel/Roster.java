package org.learnstats.readmodel;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The people of the store and what they did, as the person-based outputs read it: who is active on
 * a day, their credits and their research trips over a span. Read as asked (the span is the
 * output's), each in one query for all units.
 */
public final class Roster {

	private static final String ACTIVE = """
			SELECT person_id, unit_code, person_rank, education
			FROM person
			WHERE (joined_on IS NULL OR joined_on <= ?) AND (left_on IS NULL OR left_on > ?)
			""";

	private static final String CREDITS = """
			SELECT person_id, SUM(credits)
			FROM training
			WHERE completed_on >= ? AND completed_on <= ?
			GROUP BY person_id
			""";

	private static final String TRIPS = """
			SELECT person_id, start_date, end_date
			FROM research
			WHERE start_date <= ? AND end_date >= ?
			""";

	/** One person of the roster: id, unit, rank code and education code. */
	public record Member(String id, String unitCode, String rank, String education) {
	}

	/** One research trip, both days included. */
	public record Trip(String personId, LocalDate start, LocalDate end) {
	}

	private final JdbcTemplate jdbc;

	Roster(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The people who have joined by {@code day} and not left on it. */
	public List<Member> activeOn(LocalDate day) {
		Date d = Date.valueOf(day);
		return this.jdbc.query(ACTIVE,
				(rs, i) -> new Member(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), d, d);
	}

	/** Credits completed from {@code from} to {@code to} (both included), by person. */
	public Map<String, BigDecimal> credits(LocalDate from, LocalDate to) {
		Map<String, BigDecimal> out = new HashMap<>();
		this.jdbc.query(CREDITS, (rs) -> {
			out.put(rs.getString(1), rs.getBigDecimal(2));
		}, Date.valueOf(from), Date.valueOf(to));
		return out;
	}

	/** Research trips that overlap {@code from} to {@code to}, whole (not cut to the span). */
	public List<Trip> trips(LocalDate from, LocalDate to) {
		return this.jdbc.query(TRIPS, (rs, i) -> new Trip(rs.getString(1), rs.getObject(2, LocalDate.class),
				rs.getObject(3, LocalDate.class)), Date.valueOf(to), Date.valueOf(from));
	}

}
