package org.learnstats.ingest;

import org.learnstats.vocabulary.RejectDetail;
import org.learnstats.vocabulary.RejectDetail.Text;

/**
 * Why a row (or a file) was not applied: a reason code and a sentence for the person who fixes it,
 * in Chinese ({@link #detail()}, what the ledger, the data-quality page and open.csv show) and in
 * English ({@link #english()}, rejects.csv's detail_en and the log). Both come from one template
 * of {@link RejectDetail}, which also gives the reason: a reject cannot be made from loose text.
 * Each is bounded ({@link #MAX_DETAIL}): a value or a header repeated in it is cut with a visible
 * marker, so a detail always fits the ledger whatever a file holds.
 */
public final class Rejection {

	/** The longest detail kept, in UTF-16 units (the ledger's column holds 4,000 on both stores). */
	public static final int MAX_DETAIL = 1000;

	private final Reason reason;

	private final String detail;

	private final String english;

	private Rejection(Reason reason, String detail, String english) {
		this.reason = reason;
		this.detail = cut(detail, MAX_DETAIL);
		this.english = cut(english, MAX_DETAIL);
	}

	/** The reject a detail made by a template of {@link RejectDetail} describes, with the template's reason. */
	public static Rejection of(Text detail) {
		if (detail.reason() == null) {
			throw new IllegalArgumentException("a fragment is no detail: " + detail.english());
		}
		return new Rejection(Reason.valueOf(detail.reason().code()), detail.chinese(), detail.english());
	}

	/** The reject of a template and its arguments. */
	public static Rejection of(RejectDetail template, Object... args) {
		return of(template.text(args));
	}

	public Reason reason() {
		return this.reason;
	}

	/** The detail in Chinese, as the ledger keeps it. */
	public String detail() {
		return this.detail;
	}

	/** The detail in English. */
	public String english() {
		return this.english;
	}

	@Override
	public String toString() {
		return this.reason + ": " + this.english;
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
