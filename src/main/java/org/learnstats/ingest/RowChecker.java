package org.learnstats.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.learnstats.ingest.CheckedRow.Answer;
import org.learnstats.ingest.Column.DateRole;
import org.learnstats.ingest.Column.Type;
import org.learnstats.vocabulary.RejectDetail;
import org.learnstats.vocabulary.RejectDetail.Text;

/**
 * Checks one row's own values, reason by reason in the order of spec section 2.3, so a row with
 * several faults gets the first: TOO_LONG (the project's limits), FIELD_COUNT, MISSING_VALUE,
 * BAD_DATE, BAD_NUMBER, BAD_CODE, OUT_OF_RANGE, FUTURE_DATE. Checks against the store (units,
 * surveys, cycles, duplicates) follow in {@link FileIngester}.
 */
final class RowChecker {

	/** A well-formed number the store cannot hold exactly: OUT_OF_RANGE once the row gets there. */
	private static final Object BEYOND_STORE = new Object();

	private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);

	private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

	private final ExportKind kind;

	private final List<Column> columns;

	private final HeaderMatch header;

	private final LocalDate asOf;

	private final IngestLimits limits;

	private final Map<String, LocalDate> dates = new HashMap<>();

	RowChecker(ExportKind kind, HeaderMatch header, LocalDate asOf, IngestLimits limits) {
		this.kind = kind;
		this.columns = kind.columns();
		this.header = header;
		this.asOf = asOf;
		this.limits = limits;
	}

	/** The checked row, or a rejection: exactly one of the two is set. */
	record Result(CheckedRow row, Rejection rejection) {
	}

	Result check(List<String> fields, long line, String raw, long length) {
		return check(fields, line, raw, length, null);
	}

	/**
	 * @param fields the record's fields (cut when the record is too long)
	 * @param line its first line
	 * @param raw its text as delivered (cut at the record limit)
	 * @param length its whole length in characters
	 * @param source where the row comes from, asked which fields hold no readable value (a
	 * workbook's formula with no cached value or error cell): such a value is BAD_DATE,
	 * BAD_NUMBER or BAD_CODE by its column's type, with the reason in the detail; null for none
	 */
	Result check(List<String> fields, long line, String raw, long length, RecordSource source) {
		if (length > this.limits.maxRecordChars()) {
			return reject(RejectDetail.ROW_TOO_LONG.text(length, this.limits.maxRecordChars()));
		}
		for (int i = 0; i < fields.size(); i++) {
			if (fields.get(i).length() > this.limits.maxFieldChars()) {
				return reject(RejectDetail.FIELD_TOO_LONG.text(i + 1, fields.get(i).length(),
						this.limits.maxFieldChars()));
			}
		}
		if (fields.size() != this.header.width()) {
			return reject(RejectDetail.FIELD_COUNT.text(fields.size(), this.header.width()));
		}
		int n = this.columns.size();
		String[] text = new String[n];
		for (int i = 0; i < n; i++) {
			int at = this.header.positions()[i];
			text[i] = at < 0 ? "" : Values.trim(fields.get(at));
			if (text[i].isEmpty() && this.columns.get(i).required()) {
				return reject(RejectDetail.BLANK.text(this.columns.get(i).label()));
			}
		}
		Object[] values = new Object[n];
		for (int i = 0; i < n; i++) {
			Column c = this.columns.get(i);
			if (c.type() == Type.DATE && !text[i].isEmpty()) {
				Text why = unreadable(source, i);
				LocalDate d = why == null ? date(text[i]) : null;
				if (d == null) {
					return reject(RejectDetail.NOT_A_DATE.text(c.label(), text[i]).because(why));
				}
				values[i] = d;
			}
		}
		for (int i = 0; i < n; i++) {
			Column c = this.columns.get(i);
			if (text[i].isEmpty()) {
				continue;
			}
			if (c.type() == Type.DECIMAL || c.type() == Type.INTEGER) {
				values[i] = number(text[i], c.type() == Type.INTEGER);
				Text why = unreadable(source, i);
				if (values[i] == null || why != null) {
					RejectDetail detail = (c.type() == Type.INTEGER) ? RejectDetail.NOT_AN_INTEGER
							: RejectDetail.NOT_A_NUMBER;
					return reject(detail.text(c.label(), text[i]).because(why));
				}
			}
		}
		List<int[]> questions = this.kind.hasQuestions() ? this.header.questions() : List.of();
		Object[] scores = new Object[questions.size()];
		for (int k = 0; k < scores.length; k++) {
			String t = Values.trim(fields.get(questions.get(k)[1]));
			if (!t.isEmpty()) {
				scores[k] = number(t, true);
				Text why = source == null ? null : source.unreadable(questions.get(k)[1]);
				if (scores[k] == null || why != null) {
					return reject(RejectDetail.NOT_AN_INTEGER.text(question(questions.get(k)[0]), t).because(why));
				}
			}
		}
		for (int i = 0; i < n; i++) {
			Column c = this.columns.get(i);
			String t = text[i];
			Text why = t.isEmpty() ? null : unreadable(source, i);
			if (why != null) {
				return reject(RejectDetail.UNREADABLE_VALUE.text(c.label(), t).because(why));
			}
			switch (c.type()) {
				case CODE -> {
					if (!t.isEmpty() && !Values.codeLengthOk(t)) {
						return reject(RejectDetail.CODE_TOO_LONG.text(c.label(), Values.MAX_CODE_LENGTH));
					}
					values[i] = t.isEmpty() ? null : t;
				}
				case TEXT -> values[i] = t.isEmpty() ? null : t;
				case YES_NO -> {
					Boolean b = t.isEmpty() ? (Boolean) c.fallback() : Values.yesNo(t);
					if (b == null) {
						return reject(RejectDetail.NOT_YES_NO.text(c.label(), t));
					}
					values[i] = b;
				}
				case CHOICE -> {
					String v = t.isEmpty() ? (String) c.fallback() : c.words().get(t.toLowerCase(Locale.ROOT));
					if (v == null && c.anyWord()) {
						v = (String) c.fallback();
					}
					if (v == null) {
						return reject(RejectDetail.UNKNOWN_WORD.text(c.label(), t));
					}
					values[i] = v;
				}
				default -> {
				}
			}
		}
		for (int i = 0; i < n; i++) {
			Column c = this.columns.get(i);
			if (values[i] == BEYOND_STORE) {
				return reject(RejectDetail.TOO_MANY_DIGITS.text(c.label(), text[i], Values.STORE_INTEGER_DIGITS,
						Values.STORE_FRACTION_DIGITS));
			}
			if (values[i] instanceof BigDecimal v && outOfRange(c, v)) {
				return reject(RejectDetail.OUT_OF_RANGE.text(c.label(), v.toPlainString()));
			}
			if (c.type() == Type.INTEGER && values[i] != null) {
				values[i] = ((BigDecimal) values[i]).longValueExact();
			}
			if (c.dateRole() == DateRole.EVENT && values[i] instanceof LocalDate d
					&& d.isBefore(this.limits.earliestDate())) {
				return reject(RejectDetail.BEFORE_EARLIEST.text(c.label(), d, this.limits.earliestDate()));
			}
		}
		List<Answer> answers = null;
		if (this.kind.hasQuestions()) {
			answers = new ArrayList<>();
			for (int k = 0; k < scores.length; k++) {
				if (scores[k] == null) {
					continue;
				}
				if (!(scores[k] instanceof BigDecimal v) || v.compareTo(BigDecimal.ONE) < 0
						|| v.compareTo(BigDecimal.valueOf(5)) > 0) {
					return reject(RejectDetail.SCORE_RANGE.text(question(questions.get(k)[0])));
				}
				answers.add(new Answer(questions.get(k)[0], v.intValueExact()));
			}
		}
		CheckedRow row = new CheckedRow(line, values, answers, raw);
		Rejection cross = this.kind.crossCheck(row);
		if (cross != null) {
			return new Result(null, cross);
		}
		for (int i = 0; i < n; i++) {
			Column c = this.columns.get(i);
			if (c.dateRole() != DateRole.ANY && values[i] instanceof LocalDate d && d.isAfter(this.asOf)) {
				return reject(RejectDetail.AFTER_AS_OF.text(c.label(), d, this.asOf));
			}
		}
		return new Result(row, null);
	}

	/** A number of the text, {@link #BEYOND_STORE} when the store cannot hold it exactly, null when none. */
	private static Object number(String text, boolean integer) {
		if (!(integer ? Values.isInteger(text) : Values.isDecimal(text))) {
			return null;
		}
		return Values.fitsStore(text) ? Values.number(text) : BEYOND_STORE;
	}

	/** Why the field of column {@code i} holds no readable value, or null. */
	private Text unreadable(RecordSource source, int i) {
		int at = this.header.positions()[i];
		return source == null || at < 0 ? null : source.unreadable(at);
	}

	/** A question column as a detail names it. */
	private static Text question(int number) {
		return RejectDetail.QUESTION.text(number);
	}

	private static boolean outOfRange(Column c, BigDecimal v) {
		if (c.type() == Type.INTEGER && (v.compareTo(LONG_MIN) < 0 || v.compareTo(LONG_MAX) > 0)) {
			return true;
		}
		if (c.min() != null) {
			int cmp = v.compareTo(c.min());
			if (cmp < 0 || (cmp == 0 && !c.minInclusive())) {
				return true;
			}
		}
		return c.max() != null && v.compareTo(c.max()) > 0;
	}

	private LocalDate date(String text) {
		LocalDate d = this.dates.get(text);
		if (d == null) {
			d = Values.date(text);
			if (d != null) {
				if (this.dates.size() > 10_000) {
					this.dates.clear();
				}
				this.dates.put(text, d);
			}
		}
		return d;
	}

	private static Result reject(Text detail) {
		return new Result(null, Rejection.of(detail));
	}

}
