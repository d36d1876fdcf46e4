package org.learnstats.store;

import java.util.List;
import java.util.stream.Collectors;

import org.learnstats.ingest.ExportKind;

/**
 * The set-based statements that move one chunk of staged rows into the store, written once for
 * every kind from its key and columns. Standard SQL MERGE runs unchanged on H2 and PostgreSQL
 * 15. When two files of a chunk deliver the same key, the later delivery wins, as it would had
 * they been merged one by one (within a file, repeated keys were already rejected).
 */
record MergeStatement(String merge, String warnings, String clear) {

	static MergeStatement of(ExportKind kind, StoreDialect dialect) {
		return of(kind, dialect, false);
	}

	/**
	 * With {@code newerOnly}, a key the store holds is replaced only by a later delivery (a higher
	 * delivery id): files of one kind applied by several workers at once then leave the store as
	 * one process applying them in delivery order does.
	 */
	static MergeStatement of(ExportKind kind, StoreDialect dialect, boolean newerOnly) {
		String table = kind.table();
		String stage = stageTable(kind);
		List<String> columns = kind.storeColumns();
		List<String> key = storeKey(kind);
		String all = String.join(", ", columns) + ", delivery_id";
		String merge = """
				MERGE INTO %1$s t
				USING (SELECT %2$s FROM (SELECT s.*, ROW_NUMBER() OVER (PARTITION BY %3$s ORDER BY delivery_id DESC) AS rn
				                          FROM %4$s s) x
				       WHERE rn = 1) s
				ON (%5$s)
				WHEN MATCHED%8$s THEN UPDATE SET %6$s
				WHEN NOT MATCHED THEN INSERT (%2$s) VALUES (%7$s)
				""".formatted(table, all, String.join(", ", key), stage,
				key.stream().map((k) -> "t." + k + " = s." + k).collect(Collectors.joining(" AND ")),
				columns.stream()
					.filter((c) -> !key.contains(c))
					.map((c) -> c + " = s." + c)
					.collect(Collectors.joining(", ")) + ", delivery_id = s.delivery_id",
				(String.join(", ", columns) + ", delivery_id").replaceAll("(\\w+)", "s.$1"),
				newerOnly ? " AND t.delivery_id < s.delivery_id" : "");
		String warnings = kind.warnsUnknownPerson() ? """
				INSERT INTO person_warning (delivery_id, line_no, kind, unit_code, person_id)
				SELECT s.delivery_id, s.line_no, '%s', s.unit_code, s.person_id FROM %s s
				WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.person_id = s.person_id)
				""".formatted(kind.name(), stage) : null;
		String clear = dialect == StoreDialect.POSTGRESQL ? "TRUNCATE " + stage : "DELETE FROM " + stage;
		return new MergeStatement(merge, warnings, clear);
	}

	static String stageTable(ExportKind kind) {
		return "stage_" + kind.table();
	}

	/** The kind's natural key in the store table's column names. */
	static List<String> storeKey(ExportKind kind) {
		return kind.key().stream().map((k) -> storeName(kind, k)).toList();
	}

	private static String storeName(ExportKind kind, String column) {
		return kind.storeColumns().get(kind.columns().stream().map((c) -> c.name()).toList().indexOf(column));
	}

}
