package org.learnstats.outputs.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.learnstats.vocabulary.Kind;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the data-quality page shows, loaded with one query per table: this run's deliveries,
 * its reject ledger by unit and reason, its UNKNOWN_PERSON warnings, its skipped
 * re-deliveries, and from the whole store which units delivered which kind in which month.
 */
record DataQuality(List<FileRow> files, List<RejectCount> rejects, List<WarningCount> warnings,
		List<WarningPerson> warningPeople, boolean warningPeopleTruncated, List<Skip> skips,
		Map<String, Set<String>> delivered, String earliestMonth) {

	static final int MAX_WARNING_PEOPLE = 2000;

	/** One file read by this run. */
	record FileRow(String path, String kind, String encoding, long read, long applied, long rejected,
			long unknownPersons, String fileReason) {
	}

	/** Rejected rows of this run for one unit (null: none known) and reason; entries = ledger rows. */
	record RejectCount(String unitCode, String reason, long rows, long entries) {
	}

	/** UNKNOWN_PERSON warnings of this run for one unit and kind. */
	record WarningCount(String unitCode, String kind, long rows, long persons) {
	}

	/** One person id not in the roster, with the unit that reported it. */
	record WarningPerson(String unitCode, String personId, long rows) {
	}

	/** A file skipped as a re-delivery, with the file it repeats. */
	record Skip(String path, String sha256, String originalPath, Long originalRun) {
	}

	private static final String FILES = """
			SELECT path, kind, encoding, rows_read, rows_applied, rows_rejected, unknown_persons, file_reason
			FROM delivery WHERE run_id = ?""";

	private static final String REJECTS = """
			SELECT r.unit_code, r.reason,
			       SUM(CASE WHEN r.line_no IS NULL THEN d.rows_rejected ELSE 1 END), COUNT(*)
			FROM reject_row r JOIN delivery d ON d.delivery_id = r.delivery_id
			WHERE d.run_id = ?
			GROUP BY r.unit_code, r.reason""";

	private static final String WARNINGS = """
			SELECT w.unit_code, w.kind, COUNT(*), COUNT(DISTINCT w.person_id)
			FROM person_warning w JOIN delivery d ON d.delivery_id = w.delivery_id
			WHERE d.run_id = ?
			GROUP BY w.unit_code, w.kind""";

	private static final String WARNING_PEOPLE = """
			SELECT w.unit_code, w.person_id, COUNT(*)
			FROM person_warning w JOIN delivery d ON d.delivery_id = w.delivery_id
			WHERE d.run_id = ?
			GROUP BY w.unit_code, w.person_id
			ORDER BY w.unit_code, w.person_id
			FETCH FIRST %d ROWS ONLY""".formatted(MAX_WARNING_PEOPLE + 1);

	private static final String SKIPS = """
			SELECT s.path, s.sha256, d.path, d.run_id
			FROM delivery_skip s LEFT JOIN delivery d ON d.delivery_id = s.delivery_id
			WHERE s.run_id = ?""";

	/**
	 * Distinct unit × month per kind, counted in the database (portable EXTRACT); attendance from
	 * the refresh's per-session summary, which has every session of the store.
	 */
	private static final String DELIVERED = Kind.events()
		.stream()
		.map(DataQuality::deliveredMonths)
		.collect(Collectors.joining("\nUNION ALL\n"));

	private static String deliveredMonths(Kind kind) {
		String table = (kind == Kind.ATTENDANCE) ? "ind_att_session" : kind.table();
		return """
				SELECT '%1$s' AS kind, unit_code, EXTRACT(YEAR FROM %2$s) AS y, EXTRACT(MONTH FROM %2$s) AS m
				FROM %3$s GROUP BY unit_code, EXTRACT(YEAR FROM %2$s), EXTRACT(MONTH FROM %2$s)"""
			.formatted(kind.code(), kind.eventDate(), table);
	}

	static DataQuality load(JdbcTemplate jdbc, long runId) {
		List<FileRow> files = new ArrayList<>(jdbc.query(FILES,
				(rs, i) -> new FileRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
						rs.getLong(6), rs.getLong(7), rs.getString(8)),
				runId));
		files.sort(Comparator.comparing(FileRow::path));
		List<RejectCount> rejects = jdbc.query(REJECTS,
				(rs, i) -> new RejectCount(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)), runId);
		List<WarningCount> warnings = jdbc.query(WARNINGS,
				(rs, i) -> new WarningCount(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)), runId);
		List<WarningPerson> people = new ArrayList<>(jdbc.query(WARNING_PEOPLE,
				(rs, i) -> new WarningPerson(rs.getString(1), rs.getString(2), rs.getLong(3)), runId));
		boolean truncated = people.size() > MAX_WARNING_PEOPLE;
		if (truncated) {
			people = people.subList(0, MAX_WARNING_PEOPLE);
		}
		people.sort(Comparator.comparing(WarningPerson::unitCode).thenComparing(WarningPerson::personId));
		List<Skip> skips = new ArrayList<>(jdbc.query(SKIPS, (rs, i) -> new Skip(rs.getString(1), rs.getString(2),
				rs.getString(3), (rs.getObject(4) != null) ? rs.getLong(4) : null), runId));
		skips.sort(Comparator.comparing(Skip::path));
		Map<String, Set<String>> delivered = new HashMap<>();
		String[] earliest = { null };
		jdbc.query(DELIVERED, (rs) -> {
			String month = String.format("%04d-%02d", rs.getInt(3), rs.getInt(4));
			delivered.computeIfAbsent(rs.getString(1) + '\u0000' + rs.getString(2), (k) -> new HashSet<>()).add(month);
			if (earliest[0] == null || month.compareTo(earliest[0]) < 0) {
				earliest[0] = month;
			}
		});
		return new DataQuality(files, rejects, warnings, people, truncated, skips, delivered, earliest[0]);
	}

	/** Whether a unit delivered rows of a kind dated in a month (yyyy-MM). */
	boolean delivered(String kind, String unitCode, String month) {
		Set<String> months = this.delivered.get(kind + '\u0000' + unitCode);
		return months != null && months.contains(month);
	}

}
