package org.learnstats.ingest;

import java.util.List;

/**
 * A row whose values passed every check of its own: values in the kind's column order (String,
 * LocalDate, BigDecimal, Long or Boolean; null where blank), question scores for responses.
 *
 * @param line the physical line the row starts on
 * @param values typed values in the kind's column order
 * @param questions answered question scores (responses only), null elsewhere
 * @param raw the row's text as delivered
 */
public record CheckedRow(long line, Object[] values, List<Answer> questions, String raw) {

	/** One answered question of a response: q-number and score 1..5. */
	public record Answer(int question, int score) {
	}

	public Object get(int column) {
		return this.values[column];
	}

}
