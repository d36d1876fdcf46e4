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

/**
 * Checks one row's own values, reason by reason in the order of spec section 2.3, so a row with
 * several faults gets the first: FIELD_COUNT, MISSING_VALUE, BAD_DATE, BAD_NUMBER, BAD_CODE,
 * OUT_OF_RANGE, FUTURE_DATE. Checks against the store (units, surveys, cycles, duplicates)
 * follow in {@link FileIngester}.
 */
final class RowChecker {

	private final ExportKind kind;

	private final List<Column> columns;

	private final HeaderMatch header;

	private final LocalDate asOf;

	private final Map<String, LocalDate> dates = new HashMap<>();

	RowChecker(ExportKind kind, HeaderMatch header, LocalDate asOf) {
		this.kind = kind;
		this.columns = kind.columns();
		this.header = header;
		this.asOf = asOf;
	}

	/** The checked row, or a rejection: exactly one of the two is set. */
	record Result(CheckedRow row, Rejection rejection) {
	}

	Result check(List<String> fields, long line, String raw) {
		return check(fields, line, raw, null);
	}

	/**
	 * @param source where the row comes from, asked which fields hold no readable value (a
	 * workbook's formula with no cached value or error cell): such a value is BAD_DATE,
	 * BAD_NUMBER or BAD_CODE by its column's type, with the reason in the detail; null for none
	 */
	Result check(List<String> fields, long line, String raw, RecordSource source) {
		if (fields.size() != this.header.width()) {
			return reject(Reason.FIELD_COUNT,
					"the row has " + fields.size() + " fields, the header " + this.header.width());
		}
		int n = this.columns.size();
		String[] text = new String[n];
		for (int i = 0; i < n; i++) {
			int at = this.header.positions()[i];
			text[i] = at < 0 ? "" : Values.trim(fields.get(at));
			if (text[i].isEmpty() && this.columns.get(i).required()) {
				return reject(Reason.MISSING_VALUE, this.columns.get(i).name() + " is blank");
			}
		}
		Object[] values = new Object[n];
		for (int i = 0; i < n; i++) {
			Column c = this.columns.get(i);
			if (c.type() == Type.DATE && !text[i].isEmpty()) {
				String why = unreadable(source, i);
				LocalDate d = why == null ? date(text[i]) : null;
				if (d == null) {
					return reject(Reason.BAD_DATE, c.name() + " '" + text[i] + "' is not a valid date" + because(why));
				}
				values[i] = d;
			}
		}
		for (int i = 0; i < n; i++) {
			Column c = this.columns.get(i);
			if (text[i].isEmpty()) {
				continue;
			}
			if (c.type() == Type.DECIMAL) {
				values[i] = Values.decimal(text[i]);
			}
			else if (c.type() == Type.INTEGER) {
				Long v = Values.integer(text[i]);
				values[i] = v == null ? null : BigDecimal.valueOf(v);
			}
			else {
				continue;
			}
			String why = unreadable(source, i);
			if (values[i] == null || why != null) {
				return reject(Reason.BAD_NUMBER, c.name() + " '" + text[i] + "' is not a"
						+ (c.type() == Type.INTEGER ? "n integer" : " number") + because(why));
			}
		}
		List<Answer> answers = null;
		if (this.kind.hasQuestions()) {
			answers = new ArrayList<>();
			for (int[] q : this.header.questions()) {
				String t = Values.trim(fields.get(q[1]));
				if (t.isEmpty()) {
					continue;
				}
				Long score = Values.integer(t);
				String why = source == null ? null : source.unreadable(q[1]);
				if (score == null || why != null) {
					return reject(Reason.BAD_NUMBER, "q" + q[0] + " '" + t + "' is not an integer" + because(why));
				}
				answers.add(new Answer(q[0], score.intValue() == score ? score.intValue() : Integer.MAX_VALUE));
			}
		}
		for (int i = 0; i < n; i++) {
			Column c = this.columns.get(i);
			String t = text[i];
			String why = t.isEmpty() ? null : unreadable(source, i);
			if (why != null) {
				return reject(Reason.BAD_CODE, c.name() + " '" + t + "' cannot be read" + because(why));
			}
			switch (c.type()) {
				case CODE -> {
					if (!t.isEmpty() && !Values.codeLengthOk(t)) {
						return reject(Reason.BAD_CODE, c.name() + " is longer than " + Values.MAX_CODE_LENGTH
								+ " characters");
					}
					values[i] = t.isEmpty() ? null : t;
				}
				case TEXT -> values[i] = t.isEmpty() ? null : t;
				case YES_NO -> {
					Boolean b = t.isEmpty() ? (Boolean) c.fallback() : Values.yesNo(t);
					if (b == null) {
						return reject(Reason.BAD_CODE, c.name() + " '" + t + "' is not yes/no");
					}
					values[i] = b;
				}
				case CHOICE -> {
					String v = t.isEmpty() ? (String) c.fallback() : c.words().get(t.toLowerCase(Locale.ROOT));
					if (v == null && c.anyWord()) {
						v = (String) c.fallback();
					}
					if (v == null) {
						return reject(Reason.BAD_CODE, c.name() + " '" + t + "' is not a known word");
					}
					values[i] = v;
				}
				default -> {
				}
			}
		}
		for (int i = 0; i < n; i++) {
			Column c = this.columns.get(i);
			if (values[i] instanceof BigDecimal v && outOfRange(c, v)) {
				return reject(Reason.OUT_OF_RANGE, c.name() + " " + v.toPlainString() + " is out of range");
			}
			if (c.type() == Type.INTEGER && values[i] != null) {
				values[i] = ((BigDecimal) values[i]).longValueExact();
			}
		}
		if (answers != null) {
			for (Answer a : answers) {
				if (a.score() < 1 || a.score() > 5) {
					return reject(Reason.OUT_OF_RANGE, "q" + a.question() + " score is not between 1 and 5");
				}
			}
		}
		CheckedRow row = new CheckedRow(line, values, answers, raw);
		Rejection cross = this.kind.crossCheck(row);
		if (cross != null) {
			return new Result(null, cross);
		}
		for (int i = 0; i < n; i++) {
			Column c = this.columns.get(i);
			if (c.dateRole() == DateRole.NOT_AFTER_AS_OF && values[i] instanceof LocalDate d && d.isAfter(this.asOf)) {
				return reject(Reason.FUTURE_DATE, c.name() + " " + d + " is after the as-of date " + this.asOf);
			}
		}
		return new Result(row, null);
	}

	/** Why the field of column {@code i} holds no readable value, or null. */
	private String unreadable(RecordSource source, int i) {
		int at = this.header.positions()[i];
		return source == null || at < 0 ? null : source.unreadable(at);
	}

	private static String because(String why) {
		return why == null ? "" : ": " + why;
	}

	private static boolean outOfRange(Column c, BigDecimal v) {
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

	private static Result reject(Reason reason, String detail) {
		return new Result(null, Rejection.of(reason, detail));
	}

}
