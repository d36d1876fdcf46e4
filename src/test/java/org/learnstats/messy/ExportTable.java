package org.learnstats.messy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One export being written: its columns and rows with typed values, rendered to bytes in a
 * {@link Style}. Values are LocalDate, Boolean, {@link Word}, numbers or raw strings (written as
 * they are, which is how bad values get in).
 */
final class ExportTable {

	/** An enumeration value by its canonical English word. */
	record Word(String canonical) {
	}

	/** A row: values by canonical column name; {@code short} rows lose their last field. */
	static final class Row {

		final Map<String, Object> values = new LinkedHashMap<>();

		boolean missingLastField;

		boolean delimitersOnly;

		Row put(String column, Object value) {
			this.values.put(column, value);
			return this;
		}

		Row copy() {
			Row r = new Row();
			r.values.putAll(this.values);
			return r;
		}

	}

	private final List<String> columns;

	private final List<Row> rows = new ArrayList<>();

	ExportTable(String... columns) {
		this.columns = List.of(columns);
	}

	ExportTable add(Row row) {
		this.rows.add(row);
		return this;
	}

	List<Row> rows() {
		return this.rows;
	}

	byte[] render(Style style, long seed) {
		List<String> order = order(style, seed);
		StringBuilder text = new StringBuilder();
		line(text, header(order, style), style);
		int n = 0;
		for (Row row : this.rows) {
			n++;
			List<String> fields = new ArrayList<>();
			for (Object v : values(row, n, order, style)) {
				fields.add(format(v, style));
			}
			if (row.missingLastField) {
				fields.remove(fields.size() - 1);
			}
			line(text, fields, style);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(style.bom());
		out.writeBytes(text.toString().getBytes(style.charset()));
		return out.toByteArray();
	}

	/** The columns in the order the style writes them, with its extra and repeated columns. */
	List<String> order(Style style, long seed) {
		List<String> order = new ArrayList<>(this.columns);
		if (style.shuffled()) {
			Collections.shuffle(order, new Random(seed));
		}
		if (style.extraColumns()) {
			order.add(0, "序号");
			order.add("备注");
		}
		if (style.repeatedColumn()) {
			order.add(order.get(style.extraColumns() ? 1 : 0));
		}
		return order;
	}

	static List<String> header(List<String> order, Style style) {
		List<String> header = new ArrayList<>();
		for (String c : order) {
			header.add(style.header(c));
		}
		return header;
	}

	/**
	 * The {@code n}th row's values in column order, typed as in {@link Row} (null for none); the
	 * caller drops the last one of a short row.
	 */
	static List<Object> values(Row row, int n, List<String> order, Style style) {
		List<Object> values = new ArrayList<>();
		boolean repeated = false;
		for (int i = 0; i < order.size(); i++) {
			String c = order.get(i);
			boolean isRepeat = style.repeatedColumn() && i == order.size() - 1;
			if (row.delimitersOnly) {
				values.add("");
			}
			else if (isRepeat && !repeated) {
				values.add("IGNORED-REPEAT");
				repeated = true;
			}
			else if (c.equals("序号")) {
				values.add(n);
			}
			else if (c.equals("备注")) {
				values.add(n % 7 == 0 ? "备注, 含逗号; 分号\t制表" : "");
			}
			else {
				values.add(row.values.get(c));
			}
		}
		return values;
	}

	static String format(Object v, Style style) {
		if (v == null) {
			return "";
		}
		if (v instanceof LocalDate d) {
			return style.date().apply(d);
		}
		if (v instanceof Boolean b) {
			return style.yesNo(b);
		}
		if (v instanceof Word w) {
			return style.word(w.canonical());
		}
		if (v instanceof BigDecimal b) {
			return b.toPlainString();
		}
		return v.toString();
	}

	private static void line(StringBuilder text, List<String> fields, Style style) {
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				text.append(style.delimiter());
			}
			text.append(quoted(fields.get(i), style.delimiter()));
		}
		text.append(style.eol());
	}

	static String quoted(String field, char delimiter) {
		if (field.indexOf(delimiter) >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
				|| field.indexOf('\r') >= 0) {
			return '"' + field.replace("\"", "\"\"") + '"';
		}
		return field;
	}

}
