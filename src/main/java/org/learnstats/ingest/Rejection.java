package org.learnstats.ingest;

/**
 * Why a row (or a file) was not applied: a reason code and a sentence for the person who fixes it.
 * The detail is bounded ({@link #MAX_DETAIL}): a value or a header repeated in it is cut with a
 * visible marker, so a detail always fits the ledger whatever a file holds.
 */
public record Rejection(Reason reason, String detail) {

	/** The longest detail kept, in UTF-16 units (the ledger's column holds 4,000 on both stores). */
	public static final int MAX_DETAIL = 1000;

	public Rejection {
		detail = cut(detail, MAX_DETAIL);
	}

	public static Rejection of(Reason reason, String detail) {
		return new Rejection(reason, detail);
	}

	/**
	 * The text itself when it holds at most {@code max} UTF-16 units, else its head and tail around
	 * the marker {@code …[truncated, N chars]} (N the whole text's length), {@code max} units in
	 * all. A surrogate pair is never split. The one place where kept text is shortened.
	 */
	public static String cut(String text, int max) {
		if (text == null || text.length() <= max) {
			return text;
		}
		String marker = "…[truncated, " + text.length() + " chars]";
		int room = Math.max(0, max - marker.length());
		int tail = room / 5;
		int head = room - tail;
		if (head > 0 && Character.isHighSurrogate(text.charAt(head - 1))) {
			head--;
		}
		int from = text.length() - tail;
		if (tail > 0 && Character.isLowSurrogate(text.charAt(from))) {
			from++;
		}
		return text.substring(0, head) + marker + text.substring(from);
	}

}
