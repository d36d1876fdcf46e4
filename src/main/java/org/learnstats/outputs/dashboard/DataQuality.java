package org.learnstats.outputs.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.learnstats.readmodel.ReadModel;
import org.learnstats.readmodel.RunDeliveries;

/**
 * What the data-quality page shows, from the run's read model: this run's deliveries,
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

	static DataQuality load(ReadModel read, long runId) {
		RunDeliveries deliveries = read.deliveries();
		List<FileRow> files = new ArrayList<>(deliveries.fileCounts(runId,
				(rs, i) -> new FileRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
						rs.getLong(6), rs.getLong(7), rs.getString(8))));
		files.sort(Comparator.comparing(FileRow::path));
		List<RejectCount> rejects = deliveries.rejectCounts(runId,
				(rs, i) -> new RejectCount(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
		List<WarningCount> warnings = deliveries.warningCounts(runId,
				(rs, i) -> new WarningCount(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
		List<WarningPerson> people = new ArrayList<>(deliveries.warningPeople(runId, MAX_WARNING_PEOPLE + 1,
				(rs, i) -> new WarningPerson(rs.getString(1), rs.getString(2), rs.getLong(3))));
		boolean truncated = people.size() > MAX_WARNING_PEOPLE;
		if (truncated) {
			people = people.subList(0, MAX_WARNING_PEOPLE);
		}
		people.sort(Comparator.comparing(WarningPerson::unitCode).thenComparing(WarningPerson::personId));
		List<Skip> skips = new ArrayList<>(deliveries.skips(runId, (rs, i) -> new Skip(rs.getString(1), rs.getString(2),
				rs.getString(3), (rs.getObject(4) != null) ? rs.getLong(4) : null)));
		skips.sort(Comparator.comparing(Skip::path));
		Map<String, Set<String>> delivered = new HashMap<>();
		String[] earliest = { null };
		for (ReadModel.EventMonth e : read.eventMonths()) {
			String month = e.yearMonth();
			delivered.computeIfAbsent(e.kind() + '\u0000' + e.unitCode(), (k) -> new HashSet<>()).add(month);
			if (earliest[0] == null || month.compareTo(earliest[0]) < 0) {
				earliest[0] = month;
			}
		}
		return new DataQuality(files, rejects, warnings, people, truncated, skips, delivered, earliest[0]);
	}

	/** Whether a unit delivered rows of a kind dated in a month (yyyy-MM). */
	boolean delivered(String kind, String unitCode, String month) {
		Set<String> months = this.delivered.get(kind + '\u0000' + unitCode);
		return months != null && months.contains(month);
	}

}
