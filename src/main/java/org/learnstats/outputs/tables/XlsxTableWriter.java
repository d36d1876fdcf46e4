package org.learnstats.outputs.tables;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.apache.poi.ooxml.POIXMLProperties.CoreProperties;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.outputs.tables.WideTable.UnitRow;
import org.learnstats.vocabulary.Period;

/**
 * The wide tables of one indicator as one workbook, a sheet per granularity (月度, 季度, 年度),
 * streamed with SXSSF. Values are numeric cells (rates formatted as percentages, means with two
 * decimals, counts as integers), names indented by depth, headers frozen. Text is neutralized
 * for spreadsheets. The same tables give the same bytes: the zip entries carry a fixed time and
 * the document dates are the first day of the latest period shown (not the as-of date, so a
 * workbook whose tables did not change keeps its bytes from night to night and can be carried).
 */
final class XlsxTableWriter {

	private static final int MAX_INDENT = 15;

	private static final LocalDateTime ZIP_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

	private XlsxTableWriter() {
	}

	/**
	 * The workbook's document dates (created, modified): the first day of the latest period of its
	 * tables, or the fixed zip time's day when they have no period.
	 */
	static LocalDate documentDate(List<WideTable> tables) {
		LocalDate date = ZIP_TIME.toLocalDate();
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
		Path raw = Files.createTempFile(file.getParent(), ".xlsx-", ".tmp");
		try {
			writeWorkbook(tables, raw);
			try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
				Workbooks.rezip(raw, ZIP_TIME, out);
			}
		}
		finally {
			Files.deleteIfExists(raw);
		}
	}

	private static void writeWorkbook(List<WideTable> tables, Path file) throws IOException {
		SXSSFWorkbook wb = new SXSSFWorkbook(null, 200, true);
		try {
			Styles styles = new Styles(wb);
			for (WideTable table : tables) {
				writeSheet(wb, styles, table);
			}
			if (!tables.isEmpty()) {
				CoreProperties core = wb.getXSSFWorkbook().getProperties().getCoreProperties();
				IndicatorDefinition indicator = tables.get(0).indicator();
				core.setTitle(indicator.label() + " (" + indicator.id() + ")");
				core.setCreator("learnstats");
				Date date = Date.from(documentDate(tables).atStartOfDay().toInstant(ZoneOffset.UTC));
				core.setCreated(Optional.of(date));
				core.setModified(Optional.of(date));
			}
		}
		catch (RuntimeException ex) {
			wb.dispose();
			throw ex;
		}
		Workbooks.write(wb, file);
	}

	private static void writeSheet(SXSSFWorkbook wb, Styles styles, WideTable table) {
		SXSSFSheet sheet = wb.createSheet(TableFiles.granularityLabel(table.granularity()));
		sheet.createFreezePane(3, 1);
		sheet.setColumnWidth(0, 16 * 256);
		sheet.setColumnWidth(1, 36 * 256);
		sheet.setColumnWidth(2, 6 * 256);
		for (int i = 0; i < table.periods().size(); i++) {
			sheet.setColumnWidth(3 + i, 11 * 256);
		}
		Row header = sheet.createRow(0);
		List<String> titles = new ArrayList<>(WideTable.FIXED_HEADERS);
		table.periods().forEach((p) -> titles.add(p.toString()));
		for (int i = 0; i < titles.size(); i++) {
			Cell cell = header.createCell(i);
			cell.setCellValue(titles.get(i));
			cell.setCellStyle(styles.header);
		}
		CellStyle valueStyle = styles.value(table.indicator().type());
		int r = 1;
		for (UnitRow unit : table.rows()) {
			Row row = sheet.createRow(r++);
			row.createCell(0).setCellValue(SpreadsheetText.neutralize(unit.code()));
			Cell name = row.createCell(1);
			name.setCellValue(SpreadsheetText.neutralize(unit.name()));
			name.setCellStyle(styles.name(unit.depth()));
			row.createCell(2).setCellValue(unit.depth());
			int c = 3;
			for (Period p : table.periods()) {
				BigDecimal value = table.value(p, unit.code());
				if (value != null) {
					Cell cell = row.createCell(c);
					cell.setCellValue(value.doubleValue());
					cell.setCellStyle(valueStyle);
				}
				c++;
			}
		}
	}

	/** The few cell styles of a workbook, made once (a workbook holds at most 64,000). */
	private static final class Styles {

		private final SXSSFWorkbook wb;

		final CellStyle header;

		private final CellStyle rate;

		private final CellStyle mean;

		private final CellStyle count;

		private final CellStyle[] names = new CellStyle[MAX_INDENT + 1];

		Styles(SXSSFWorkbook wb) {
			this.wb = wb;
			Font bold = wb.createFont();
			bold.setBold(true);
			this.header = wb.createCellStyle();
			this.header.setFont(bold);
			this.header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			this.header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			this.header.setBorderBottom(BorderStyle.THIN);
			this.rate = numeric("0.00%");
			this.mean = numeric("0.00");
			this.count = numeric("0");
		}

		private CellStyle numeric(String format) {
			CellStyle style = this.wb.createCellStyle();
			style.setDataFormat(this.wb.createDataFormat().getFormat(format));
			return style;
		}

		CellStyle value(IndicatorDefinition.Type type) {
			return switch (type) {
				case RATE -> this.rate;
				case MEAN -> this.mean;
				case COUNT -> this.count;
			};
		}

		CellStyle name(int depth) {
			int indent = Math.min(depth, MAX_INDENT);
			if (this.names[indent] == null) {
				CellStyle style = this.wb.createCellStyle();
				style.setIndention((short) indent);
				this.names[indent] = style;
			}
			return this.names[indent];
		}

	}

}
