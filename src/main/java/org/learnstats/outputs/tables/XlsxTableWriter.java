package org.learnstats.outputs.tables;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.outputs.tables.WideTable.UnitRow;
import org.learnstats.vocabulary.Period;

/**
 * The wide tables of one indicator as one workbook, a sheet per granularity (月度, 季度, 年度),
 * written by {@link XlsxWriter}. Values are numeric cells (rates formatted as percentages, means
 * with two decimals, counts as integers), names indented by depth, headers frozen. Text is
 * neutralized for spreadsheets. The same tables give the same bytes: the document's date (and its
 * zip entries' time) is the first day of the latest period shown, not the as-of date, so a
 * workbook whose tables did not change keeps its bytes from night to night and can be carried.
 */
final class XlsxTableWriter {

	private static final int MAX_INDENT = 15;

	/** The document date of a workbook without periods. */
	private static final LocalDate NO_PERIOD = LocalDate.of(2000, 1, 1);

	private static final XlsxStyle HEADER = XlsxStyle.header(XlsxStyle.GREY_25, true, false);

	private static final XlsxStyle RATE = XlsxStyle.number("0.00%");

	private static final XlsxStyle MEAN = XlsxStyle.number("0.00");

	private static final XlsxStyle COUNT = XlsxStyle.number("0");

	/** A unit's name indented by its depth. */
	private static final XlsxStyle[] NAMES = new XlsxStyle[MAX_INDENT + 1];

	static {
		for (int i = 0; i <= MAX_INDENT; i++) {
			NAMES[i] = XlsxStyle.indented(i);
		}
	}

	private XlsxTableWriter() {
	}

	/**
	 * The workbook's document dates (created, modified): the first day of the latest period of its
	 * tables, or 1 January 2000 when they have no period.
	 */
	static LocalDate documentDate(List<WideTable> tables) {
		LocalDate date = NO_PERIOD;
		for (WideTable table : tables) {
			for (Period p : table.periods()) {
				if (p.first().isAfter(date)) {
					date = p.first();
				}
			}
		}
		return date;
	}

	/** Writes the workbook into a new file (never through an existing name). */
	static void write(List<WideTable> tables, Path file) throws IOException {
		try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
			workbook(tables).write(out);
		}
	}

	static XlsxWriter workbook(List<WideTable> tables) {
		IndicatorDefinition indicator = tables.isEmpty() ? null : tables.get(0).indicator();
		XlsxWriter wb = new XlsxWriter((indicator == null) ? null : indicator.label() + " (" + indicator.id() + ")",
				"learnstats", documentDate(tables));
		for (WideTable table : tables) {
			writeSheet(wb, table);
		}
		return wb;
	}

	private static void writeSheet(XlsxWriter wb, WideTable table) {
		XlsxSheet sheet = wb.sheet(TableFiles.granularityLabel(table.granularity())).freeze(3, 1);
		sheet.width(0, 16).width(1, 36).width(2, 6);
		for (int i = 0; i < table.periods().size(); i++) {
			sheet.width(3 + i, 11);
		}
		sheet.row();
		List<String> titles = new ArrayList<>(WideTable.FIXED_HEADERS);
		table.periods().forEach((p) -> titles.add(p.toString()));
		for (int i = 0; i < titles.size(); i++) {
			sheet.text(i, titles.get(i), HEADER);
		}
		XlsxStyle valueStyle = valueStyle(table.indicator().type());
		for (UnitRow unit : table.rows()) {
			sheet.row();
			sheet.text(0, SpreadsheetText.neutralize(unit.code()), XlsxStyle.GENERAL);
			sheet.text(1, SpreadsheetText.neutralize(unit.name()), NAMES[Math.min(unit.depth(), MAX_INDENT)]);
			sheet.number(2, unit.depth(), XlsxStyle.GENERAL);
			for (int c = 0; c < table.periods().size(); c++) {
				sheet.number(3 + c, table.value(c, unit.code()), valueStyle);
			}
		}
	}

	private static XlsxStyle valueStyle(IndicatorDefinition.Type type) {
		return switch (type) {
			case RATE -> RATE;
			case MEAN -> MEAN;
			case COUNT -> COUNT;
		};
	}

}
