package org.learnstats.ingest;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.learnstats.vocabulary.Kind;
import org.learnstats.vocabulary.RejectDetail;

/**
 * Reads one export's data rows (title and total rows skipped: {@link DataRows}) and decides every
 * row: each is applied or rejected with the first reason of spec section 2.3 that fits. Rows
 * stream through, except for a units register, which is read whole because its own units count
 * as known and its parent chains must not loop.
 */
public final class FileIngester {

	private final LocalDate asOf;

	private final IngestLimits limits;

	/** An ingester with the default limits. */
	public FileIngester(LocalDate asOf) {
		this(asOf, IngestLimits.defaults());
	}

	public FileIngester(LocalDate asOf, IngestLimits limits) {
		this.asOf = asOf;
		this.limits = limits;
	}

	public FileResult ingest(InboxFile file, StoreLookups store, RowSink sink) throws IOException {
		ExportKind kind = file.kind();
		RowChecker checker = new RowChecker(kind, file.header(), this.asOf, this.limits);
		int unitAt = columnIndex(kind, "unit_code");
		Verdicts verdicts = (kind.kind() == Kind.UNITS) ? new UnitsVerdicts(kind, store, sink)
				: new StreamVerdicts(kind, store, sink, unitAt);
		long read = 0;
		long skipped;
		try (DataRows records = DataRows.open(file, this.limits)) {
			while (records.next()) {
				read++;
				String raw = records.raw();
				RowChecker.Result r = checker.check(records.fields(), records.line(), raw, records.length(), records);
				if (r.rejection() != null) {
					verdicts.reject(records.line(), unitOf(records.fields(), file.header(), unitAt), r.rejection(),
							raw);
				}
				else {
					verdicts.checked(r.row());
				}
			}
			skipped = records.skipped();
		}
		verdicts.finish();
		return new FileResult(read, verdicts.applied, verdicts.rejected, skipped);
	}

	/** Counts the data rows of a file that is quarantined as a whole but can be read. */
	public static long countRows(InboxFile file) throws IOException {
		return countRows(file, IngestLimits.defaults());
	}

	/** Counts the data rows of a file that is quarantined as a whole but can be read. */
	public static long countRows(InboxFile file, IngestLimits limits) throws IOException {
		if (file.text().encoding() == null || file.header() == null) {
			return 0;
		}
		long n = 0;
		try (DataRows records = DataRows.open(file, limits)) {
			while (records.next()) {
				n++;
			}
		}
		return n;
	}

	private static String unitOf(List<String> fields, HeaderMatch header, int unitAt) {
		if (unitAt < 0) {
			return null;
		}
		int at = header.positions()[unitAt];
		return at >= 0 && at < fields.size() ? Values.trim(fields.get(at)) : null;
	}

	static int columnIndex(ExportKind kind, String name) {
		List<Column> columns = kind.columns();
		for (int i = 0; i < columns.size(); i++) {
			if (columns.get(i).name().equals(name)) {
				return i;
			}
		}
		return -1;
	}

	/** The checks that need more than the row: units, surveys, cycles and duplicate keys. */
	private abstract static class Verdicts {

		final ExportKind kind;

		final StoreLookups store;

		final RowSink sink;

		final int[] keyAt;

		final Set<String> keys = new HashSet<>();

		long applied;

		long rejected;

		Verdicts(ExportKind kind, StoreLookups store, RowSink sink) {
			this.kind = kind;
			this.store = store;
			this.sink = sink;
			this.keyAt = kind.key().stream().mapToInt((k) -> columnIndex(kind, k)).toArray();
		}

		abstract void checked(CheckedRow row);

		void finish() {
		}

		void reject(long line, String unit, Rejection rejection, String raw) {
			this.rejected++;
			this.sink.reject(line, unit, rejection, raw);
		}

		/** The last check: a key already applied from this file is DUPLICATE_KEY. */
		void applyUnlessDuplicate(CheckedRow row) {
			if (!this.keys.add(key(row))) {
				reject(row.line(), (String) row.get(0), Rejection.of(RejectDetail.REPEATED_KEY,
						String.join("/", this.kind.key()), String.join("/", key(row).split("\u0001"))), row.raw());
				return;
			}
			this.applied++;
			this.sink.apply(this.kind.toStoreRow(row), row);
		}

		String key(CheckedRow row) {
			if (this.keyAt.length == 1) {
				return (String) row.get(this.keyAt[0]);
			}
			StringBuilder sb = new StringBuilder();
			for (int i : this.keyAt) {
				sb.append((String) row.get(i)).append('\u0001');
			}
			return sb.toString();
		}

	}

	/** Every kind but units: rows are decided one by one as they stream. */
	private static final class StreamVerdicts extends Verdicts {

		private final int unitAt;

		private final int surveyAt;

		StreamVerdicts(ExportKind kind, StoreLookups store, RowSink sink, int unitAt) {
			super(kind, store, sink);
			this.unitAt = unitAt;
			this.surveyAt = (kind.kind() == Kind.RESPONSES) ? columnIndex(kind, "survey_id") : -1;
		}

		@Override
		void checked(CheckedRow row) {
			String unit = (String) row.get(this.unitAt);
			if (!this.store.unitKnown(unit)) {
				reject(row.line(), unit,
						Rejection.of(RejectDetail.NOT_A_UNIT, this.kind.columns().get(this.unitAt).label(), unit),
						row.raw());
				return;
			}
			if (this.surveyAt >= 0 && !this.store.surveyKnown(unit, (String) row.get(this.surveyAt))) {
				reject(row.line(), unit, Rejection.of(RejectDetail.NO_SUCH_SURVEY, row.get(this.surveyAt), unit),
						row.raw());
				return;
			}
			long before = this.applied;
			applyUnlessDuplicate(row);
			if (this.applied > before && (this.kind.kind() == Kind.SURVEYS)) {
				this.store.surveyApplied(unit, (String) row.get(1));
			}
		}

	}

	/**
	 * A units register, decided as a whole: a parent must be a unit of the store or of this
	 * file (itself applied), and no unit's parent chain may loop.
	 */
	private static final class UnitsVerdicts extends Verdicts {

		private static final int CODE = 0;

		private static final int PARENT = 2;

		private final List<CheckedRow> rows = new ArrayList<>();

		private final Map<Long, Rejection> late = new HashMap<>();

		UnitsVerdicts(ExportKind kind, StoreLookups store, RowSink sink) {
			super(kind, store, sink);
		}

		@Override
		void checked(CheckedRow row) {
			this.rows.add(row);
		}

		@Override
		void reject(long line, String unit, Rejection rejection, String raw) {
			// rejects of the row's own values keep their place in line order
			this.rejected++;
			this.sink.reject(line, unit, rejection, raw);
		}

		@Override
		void finish() {
			List<CheckedRow> alive = new ArrayList<>(this.rows);
			Set<String> inLoops = new HashSet<>();
			boolean changed = true;
			while (changed) {
				changed = rejectUnknownParents(alive, inLoops) | rejectCycles(alive, inLoops);
			}
			for (CheckedRow row : this.rows) {
				Rejection r = this.late.get(row.line());
				if (r != null) {
					reject(row.line(), code(row), r, row.raw());
					continue;
				}
				long before = this.applied;
				applyUnlessDuplicate(row);
				if (this.applied > before) {
					this.store.unitApplied(code(row), parent(row));
				}
			}
		}

		/**
		 * Rejects rows whose parent is neither in the store nor a surviving row of the file: CYCLE
		 * when that parent was rejected for a loop, else UNKNOWN_UNIT.
		 */
		private boolean rejectUnknownParents(List<CheckedRow> alive, Set<String> inLoops) {
			Set<String> inFile = new HashSet<>();
			alive.forEach((r) -> inFile.add(code(r)));
			boolean changed = false;
			for (var it = alive.iterator(); it.hasNext();) {
				CheckedRow row = it.next();
				String parent = parent(row);
				if (parent != null && !this.store.unitKnown(parent) && !inFile.contains(parent)) {
					this.late.put(row.line(), inLoops.contains(parent)
							? Rejection.of(RejectDetail.PARENT_IN_LOOP, code(row), parent)
							: Rejection.of(RejectDetail.NOT_A_UNIT, this.kind.columns().get(PARENT).label(), parent));
					it.remove();
					changed = true;
				}
			}
			return changed;
		}

		/**
		 * Rejects rows whose parent chain leads back to the row's own unit, following the file's
		 * surviving rows first and the store after them. A unit that merely leads into a loop of
		 * others is judged once those are gone: it stays if its parent is still known.
		 */
		private boolean rejectCycles(List<CheckedRow> alive, Set<String> inLoops) {
			Map<String, String> parents = new LinkedHashMap<>();
			alive.forEach((r) -> parents.putIfAbsent(code(r), parent(r)));
			boolean changed = false;
			for (var it = alive.iterator(); it.hasNext();) {
				CheckedRow row = it.next();
				if (returnsToItself(code(row), parent(row), parents)) {
					this.late.put(row.line(), Rejection.of(RejectDetail.LOOP, code(row), parent(row)));
					inLoops.add(code(row));
					it.remove();
					changed = true;
				}
			}
			return changed;
		}

		private boolean returnsToItself(String code, String parent, Map<String, String> fileParents) {
			Set<String> seen = new HashSet<>();
			String p = parent;
			while (p != null && seen.add(p)) {
				if (p.equals(code)) {
					return true;
				}
				p = fileParents.containsKey(p) ? fileParents.get(p) : this.store.parentOf(p);
			}
			return false;
		}

		private static String code(CheckedRow row) {
			return (String) row.get(CODE);
		}

		private static String parent(CheckedRow row) {
			return (String) row.get(PARENT);
		}

	}

}
