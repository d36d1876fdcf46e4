package org.learnstats.store;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.learnstats.ingest.Column;
import org.learnstats.ingest.ExportKind;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The open-problems ledger, computed from the reject and delivery ledgers of every run:
 * <ul>
 * <li>a rejected row is open until a later delivery applies the key it named (the store row of
 * that key carries a later delivery_id), or an operator accepts it;</li>
 * <li>a quarantined file is open until a later file from the same inbox folder (units deliver
 * into a folder named by their code) is ingested: of the same kind where the quarantined file
 * had one (MISSING_COLUMN), of any kind where it had none (UNKNOWN_KIND, NOT_TEXT, EMPTY_FILE);
 * or until an operator accepts it.</li>
 * </ul>
 * A row whose key cannot be read (blank or over-long key value) closes only by acceptance. The
 * same bytes quarantined again count once, from when they were first seen. Accepted problems
 * are read from {@code learnstats.quality.accepted-file} ({@link AcceptedProblems}) at each load.
 */
@Component
public class OpenProblems {

	/** The inbox folder of a ledger path: its first segment, '' at the top of the inbox. */
	private static final String FOLDER = "CASE WHEN POSITION('/' IN %1$s) > 0 THEN SUBSTRING(%1$s FROM 1 FOR POSITION('/' IN %1$s) - 1) ELSE '' END";

	private final JdbcTemplate jdbc;

	private final String rejectsSql;

	private final String quarantinesSql;

	private final Path acceptedFile;

	public OpenProblems(DataSource dataSource, List<ExportKind> kinds,
			@Value("${learnstats.quality.accepted-file:}") String acceptedFile) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.acceptedFile = acceptedFile.isBlank() ? null : Path.of(acceptedFile);
		this.rejectsSql = """
				SELECT x.unit_code, x.kind, x.path, x.line_no, x.reason, x.detail, x.run_id, x.as_of, dc.run_id, rc.as_of
				FROM (SELECT r.unit_code, r.kind, d.path, r.line_no, r.reason, r.detail, d.run_id, ru.as_of,
				             r.delivery_id, d.sha256, %s AS closer
				      FROM reject_row r JOIN delivery d ON d.delivery_id = r.delivery_id
				      LEFT JOIN ls_run ru ON ru.run_id = d.run_id
				      WHERE r.line_no IS NOT NULL) x
				LEFT JOIN delivery dc ON dc.delivery_id = x.closer AND x.closer > x.delivery_id
				LEFT JOIN ls_run rc ON rc.run_id = dc.run_id
				WHERE dc.run_id IS NULL OR rc.as_of >= ?""".formatted(closer(kinds));
		this.quarantinesSql = """
				SELECT CASE WHEN fu.unit_code IS NULL THEN NULL ELSE y.folder END, y.kind, y.path, NULL, y.reason,
				       y.detail, y.run_id, y.as_of, dc.run_id, rc.as_of, y.sha256
				FROM (SELECT x.*, (SELECT MIN(d2.delivery_id) FROM delivery d2
				                   WHERE d2.delivery_id > x.delivery_id AND d2.file_reason IS NULL
				                     AND (x.kind IS NULL OR d2.kind = x.kind) AND %s = x.folder) AS closer
				      FROM (SELECT r.delivery_id, r.kind, r.reason, r.detail, d.path, d.sha256, d.run_id, ru.as_of,
				                   %s AS folder
				            FROM reject_row r JOIN delivery d ON d.delivery_id = r.delivery_id
				            LEFT JOIN ls_run ru ON ru.run_id = d.run_id
				            WHERE r.line_no IS NULL) x) y
				LEFT JOIN unit fu ON fu.unit_code = y.folder
				LEFT JOIN delivery dc ON dc.delivery_id = y.closer
				LEFT JOIN ls_run rc ON rc.run_id = dc.run_id
				WHERE dc.run_id IS NULL OR rc.as_of >= ?""".formatted(FOLDER.formatted("d2.path"),
				FOLDER.formatted("d.path"));
	}

	/**
	 * The delivery that last applied a reject's key, looked up by primary key in the kind's store
	 * table: one branch per kind, built from the kinds' own keys.
	 */
	private static String closer(List<ExportKind> kinds) {
		StringBuilder sql = new StringBuilder("CASE r.kind");
		for (ExportKind kind : kinds) {
			if (kind.key().size() > 3) {
				continue;
			}
			sql.append(" WHEN '").append(kind.name()).append("' THEN (SELECT s.delivery_id FROM ").append(kind.table())
				.append(" s WHERE ");
			for (int k = 0; k < kind.key().size(); k++) {
				sql.append((k > 0) ? " AND s." : "s.").append(storeColumn(kind, kind.key().get(k))).append(" = r.key_")
					.append(k + 1);
			}
			sql.append(')');
		}
		return sql.append(" END").toString();
	}

	private static String storeColumn(ExportKind kind, String column) {
		List<Column> columns = kind.columns();
		for (int i = 0; i < columns.size(); i++) {
			if (columns.get(i).name().equals(column)) {
				return kind.storeColumns().get(i);
			}
		}
		throw new IllegalStateException(kind.name() + " has no key column " + column);
	}

	/**
	 * Every problem still open at the as-of date and every one closed by a delivery of a run
	 * dated on or after {@code closedSince}, oldest first.
	 */
	public List<Problem> load(LocalDate closedSince) {
		AcceptedProblems accepted = AcceptedProblems.read(this.acceptedFile);
		List<Problem> problems = new ArrayList<>();
		Date since = Date.valueOf(closedSince);
		this.jdbc.query(this.rejectsSql, (rs) -> {
			problems.add(problem(rs, accepted));
		}, since);
		List<Object[]> quarantines = new ArrayList<>();
		this.jdbc.query(this.quarantinesSql, (rs) -> {
			quarantines.add(new Object[] { problem(rs, accepted), rs.getString(11) + '\u0000' + rs.getString(3) });
		}, since);
		quarantines.sort(Comparator.comparingLong((q) -> ((Problem) q[0]).firstRun()));
		Set<String> seen = new HashSet<>();
		for (Object[] q : quarantines) {
			if (seen.add((String) q[1])) {
				problems.add((Problem) q[0]);
			}
		}
		problems.sort(Comparator.comparing(Problem::firstRun).thenComparing(Problem::file)
			.thenComparing((p) -> (p.line() == null) ? 0L : p.line()));
		return problems;
	}

	private static Problem problem(ResultSet rs, AcceptedProblems accepted) throws SQLException {
		String file = rs.getString(3);
		Long line = (rs.getObject(4) != null) ? rs.getLong(4) : null;
		Date first = rs.getDate(8);
		Date closed = rs.getDate(10);
		String unit = rs.getString(1);
		return new Problem((unit == null || unit.isBlank()) ? null : unit, rs.getString(2), file, line, rs.getString(5), rs.getString(6),
				rs.getLong(7), (first != null) ? first.toLocalDate() : null,
				(rs.getObject(9) != null) ? rs.getLong(9) : null, (closed != null) ? closed.toLocalDate() : null,
				accepted.contains(file, line));
	}

	/**
	 * One problem of the ledger.
	 *
	 * @param unitCode the unit the row named; for a quarantined file its inbox folder when that
	 * names a unit of the store; null when unknown
	 * @param line the row's line, null for a quarantined file
	 * @param firstRun the run that first reported it; {@code firstSeen} that run's as-of date
	 * @param closedRun the run whose delivery closed it, null while open; {@code closedOn} its as-of
	 * date
	 * @param accepted whether an operator accepted it (then it is not open)
	 */
	public record Problem(String unitCode, String kind, String file, Long line, String reason, String detail,
			long firstRun, LocalDate firstSeen, Long closedRun, LocalDate closedOn, boolean accepted) {

		public boolean open() {
			return this.closedRun == null && !this.accepted;
		}

	}

}
