package org.learnstats.ingest;

import java.util.List;

import org.learnstats.vocabulary.Kind;
import org.learnstats.vocabulary.RejectDetail;
import org.learnstats.vocabulary.RejectDetail.Text;

/**
 * One kind of export of spec section 2.1, declared by its package under {@code ingest}: its
 * columns, its natural key and the rules of its rows. Its name, order and store table are the
 * vocabulary's {@link Kind}: kinds are applied in {@link #order()} (units, people, surveys,
 * attendance, training, research, responses), which also breaks ties when a header matches
 * several kinds.
 */
public interface ExportKind {

	/** The kind of the programme's vocabulary this export is. */
	Kind kind();

	/** The kind's name in ledgers and run.json: units, people, attendance, ... */
	default String name() {
		return kind().code();
	}

	/** The kind as a reject detail names it: 学习考勤 in Chinese, its code in English. */
	default Text label() {
		return RejectDetail.word(kind().chinese(), name());
	}

	/** The position in spec section 2.2's order. */
	default int order() {
		return kind().order();
	}

	/** The kind's columns, in the order of the store table (first the key). */
	List<Column> columns();

	/** Names of the columns that make the natural key. */
	List<String> key();

	/** The store table rows are merged into. */
	default String table() {
		return kind().table();
	}

	/**
	 * The store table's columns, in order, that {@link #toStoreRow} fills; by default the
	 * column names, with store names where they differ.
	 */
	default List<String> storeColumns() {
		return columns().stream().map(Column::name).toList();
	}

	/**
	 * Whether deliveries of this kind are events that mostly bring keys the store has never seen
	 * (sign-ins, training records, trips, responses), so that a file's rows can go straight into
	 * the store table, merged only when one of its keys is already there. Registers (units,
	 * people, surveys) are re-delivered whole and always merge.
	 */
	default boolean appendsEvents() {
		return false;
	}

	/** Whether the kind has numbered question columns q1, q2, ... (responses). */
	default boolean hasQuestions() {
		return false;
	}

	/** Whether applied rows name a person who may not be in the roster yet (UNKNOWN_PERSON). */
	default boolean warnsUnknownPerson() {
		return columns().stream().anyMatch((c) -> c.name().equals("person_id"));
	}

	/**
	 * Cross-column rules checked after each value is valid on its own (end before start, left
	 * before joined): OUT_OF_RANGE with a detail, or null.
	 */
	default Rejection crossCheck(CheckedRow row) {
		return null;
	}

	/** The values written to the store table, in {@link #storeColumns()} order. */
	default Object[] toStoreRow(CheckedRow row) {
		return row.values();
	}

}
