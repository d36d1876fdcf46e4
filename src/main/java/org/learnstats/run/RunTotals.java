package org.learnstats.run;

import java.util.List;

import javax.sql.DataSource;

import org.learnstats.vocabulary.Kind;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What one run read and did, from {@code delivery}, {@code delivery_skip} and
 * {@code inbox_unread}: the numbers of the end-of-run summary, of {@code run.json}, of the
 * metrics file and of {@code status}.
 *
 * @param kinds per kind (in the order of spec section 2.2, files of no kind last)
 * @param skipped files skipped as re-deliveries of a file already read
 * @param unread files found but not read (ignored links and special files, unreadable files)
 */
record RunTotals(List<KindTotals> kinds, long skipped, long unread) {

	/** The label of files whose kind could not be told (UNKNOWN_KIND, EMPTY_FILE, NOT_TEXT). */
	static final String NO_KIND = "unknown";

	/**
	 * The re-deliveries a run skipped ({@code s}, joined to the delivery {@code d} read first). The
	 * scan records each once per run, and never a resumed run's own files (see ScanInboxTasklet).
	 */
	static final String SKIPS_OF_RUN = """
			FROM delivery_skip s LEFT JOIN delivery d ON d.delivery_id = s.delivery_id
			WHERE s.run_id = ?""";

	record KindTotals(String kind, long files, long quarantined, long rowsRead, long rowsApplied, long rowsRejected,
			long unknownPersons, long millis) {
	}

	static RunTotals load(DataSource dataSource, long runId) {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		List<KindTotals> kinds = jdbc.sql("""
				SELECT kind, COUNT(*) AS files,
				       SUM(CASE WHEN file_reason IS NULL THEN 0 ELSE 1 END) AS quarantined,
				       SUM(rows_read) AS rows_read, SUM(rows_applied) AS rows_applied,
				       SUM(rows_rejected) AS rows_rejected, SUM(unknown_persons) AS unknown_persons,
				       SUM(millis) AS millis
				FROM delivery WHERE run_id = ? GROUP BY kind""")
			.param(runId)
			.query((rs, i) -> new KindTotals((rs.getString("kind") != null) ? rs.getString("kind") : NO_KIND,
					rs.getLong("files"), rs.getLong("quarantined"), rs.getLong("rows_read"), rs.getLong("rows_applied"),
					rs.getLong("rows_rejected"), rs.getLong("unknown_persons"), rs.getLong("millis")))
			.list()
			.stream()
			.sorted(java.util.Comparator.comparingInt(RunTotals::kindRank))
			.toList();
		long skipped = jdbc.sql("SELECT COUNT(*) " + SKIPS_OF_RUN).param(runId).query(Long.class).single();
		long unread = jdbc.sql("SELECT COUNT(*) FROM inbox_unread WHERE run_id = ?").param(runId).query(Long.class).single();
		return new RunTotals(kinds, skipped, unread);
	}

	private static int kindRank(KindTotals totals) {
		return Kind.rank(totals.kind());
	}

	long files() {
		return this.kinds.stream().mapToLong(KindTotals::files).sum();
	}

	long quarantined() {
		return this.kinds.stream().mapToLong(KindTotals::quarantined).sum();
	}

	long rowsRead() {
		return this.kinds.stream().mapToLong(KindTotals::rowsRead).sum();
	}

	long rowsApplied() {
		return this.kinds.stream().mapToLong(KindTotals::rowsApplied).sum();
	}

	long rowsRejected() {
		return this.kinds.stream().mapToLong(KindTotals::rowsRejected).sum();
	}

	long unknownPersons() {
		return this.kinds.stream().mapToLong(KindTotals::unknownPersons).sum();
	}

	/** Rows rejected plus files quarantined: anything above zero makes a done run exit 3. */
	long rejected() {
		return rowsRejected() + quarantined();
	}

	int exitCode() {
		return (rejected() > 0) ? ExitCodes.DONE_WITH_REJECTS : ExitCodes.DONE;
	}

}
