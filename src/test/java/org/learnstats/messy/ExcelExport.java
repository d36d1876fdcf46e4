package org.learnstats.messy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.util.CodePageUtil;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.learnstats.ingest.excel.CellText;

/**
 * Exports written as Excel workbooks the way office staff make them (spec section 2.4): a title
 * row merged over the header's width and a blank row above the header, a trailing 合计 total row,
 * several sheets of different kinds in one workbook, dates as real date cells (and booleans as
 * boolean cells) or as the office's text, and numbers, integers and codes that look like numbers
 * as numeric cells ({@code 2.0}). A sheet reads as the same rows as the CSV rendering of the table
 * would, with two differences a spreadsheet imposes: a row of delimiters only is a blank row
 * (which is no row), and a short row (FIELD_COUNT in CSV) carries a value right of the header's
 * last column instead, FIELD_COUNT again. Raw strings that are not plain numbers (bad values such
 * as {@code .5} or {@code 1e1}) stay text cells, so every row is rejected for the same reason.
 * The bytes are the same for the same content: the workbook's creation and save dates and (.xlsx)
 * its zip entries' dates are fixed.
 */
final class ExcelExport {

	/** One sheet: a table in an office's style, and how the sheet dresses it. */
	record SheetSpec(String name, ExportTable table, Style style, long seed, String title, boolean totalRow,
			boolean typedCells) {
	}

	/** The creation date written into every workbook's properties. */
	static final Date CREATED = Date.from(LocalDate.of(2025, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC));

	private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d{1,15}(\\.\\d{1,6})?");

	private ExcelExport() {
	}

	static boolean isWorkbook(String path) {
		String p = path.toLowerCase(Locale.ROOT);
		return p.endsWith(".xlsx") || p.endsWith(".xls");
	}

	static byte[] write(boolean xlsx, List<SheetSpec> sheets) {
		try (Workbook wb = xlsx ? new XSSFWorkbook() : new HSSFWorkbook()) {
			for (SheetSpec s : sheets) {
				writeSheet(wb, s);
			}
			if (wb instanceof XSSFWorkbook x) {
				x.getProperties().getCoreProperties().setCreated(Optional.of(CREATED));
				x.getProperties().getCoreProperties().setModified(Optional.of(CREATED));
				x.getProperties().getCoreProperties().setCreator("office");
			}
			else if (wb instanceof HSSFWorkbook h) {
				h.createInformationProperties();
				h.getSummaryInformation().getFirstSection().setCodepage(CodePageUtil.CP_UTF8);
				h.getDocumentSummaryInformation().getFirstSection().setCodepage(CodePageUtil.CP_UTF8);
				h.getSummaryInformation().setCreateDateTime(CREATED);
				h.getSummaryInformation().setLastSaveDateTime(CREATED);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			wb.write(out);
			return xlsx ? fixedZipTimes(out.toByteArray()) : out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The package with every zip entry dated {@link #CREATED}: POI dates them when it writes, which
	 * would give other bytes every other second.
	 */
	private static byte[] fixedZipTimes(byte[] xlsx) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
				ZipOutputStream zip = new ZipOutputStream(out)) {
			for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				ZipEntry copy = new ZipEntry(e.getName());
				copy.setTime(CREATED.getTime());
				zip.putNextEntry(copy);
				in.transferTo(zip);
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	private static void writeSheet(Workbook wb, SheetSpec s) {
		Sheet sheet = wb.createSheet(s.name());
		CellStyle dates = wb.createCellStyle();
		dates.setDataFormat(wb.getCreationHelper()
			.createDataFormat()
			.getFormat(wb instanceof XSSFWorkbook ? "yyyy-mm-dd" : "yyyy/m/d"));
		List<String> order = s.table().order(s.style(), s.seed());
		List<String> header = ExportTable.header(order, s.style());
		int r = 0;
		if (s.title() != null) {
			sheet.createRow(r).createCell(0).setCellValue(s.title());
			if (header.size() > 1) {
				sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, header.size() - 1));
			}
			// and a blank row between the title and the header
			r += 2;
		}
		Row headerRow = sheet.createRow(r++);
		for (int i = 0; i < header.size(); i++) {
			headerRow.createCell(i).setCellValue(header.get(i));
		}
		int n = 0;
		for (ExportTable.Row row : s.table().rows()) {
			n++;
			List<Object> values = ExportTable.values(row, n, order, s.style());
			Row xr = sheet.createRow(r++);
			for (int i = 0; i < values.size(); i++) {
				cell(xr, i, values.get(i), s, dates);
			}
			if (row.missingLastField) {
				xr.createCell(values.size()).setCellValue("另附说明");
			}
		}
		if (s.totalRow()) {
			Row total = sheet.createRow(r);
			total.createCell(0).setCellValue("合计");
			total.createCell(1).setCellValue(n);
		}
	}

	private static void cell(Row xr, int column, Object v, SheetSpec s, CellStyle dates) {
		if (v == null || "".equals(v)) {
			return;
		}
		Cell c = xr.createCell(column);
		if (v instanceof String text) {
			if (isPlainNumber(text)) {
				c.setCellValue(Double.parseDouble(text));
			}
			else {
				c.setCellValue(text);
			}
		}
		else if (v instanceof LocalDate d && s.typedCells()) {
			c.setCellValue(d);
			c.setCellStyle(dates);
		}
		else if (v instanceof Boolean b && s.typedCells()) {
			c.setCellValue(b);
		}
		else if (v instanceof BigDecimal || v instanceof Integer) {
			c.setCellValue(((Number) v).doubleValue());
		}
		else {
			c.setCellValue(ExportTable.format(v, s.style()));
		}
	}

	/** A number whose numeric cell reads back as the same text (so "2" and "1.5", not ".5" or "1e1"). */
	static boolean isPlainNumber(String s) {
		return PLAIN_NUMBER.matcher(s).matches() && CellText.number(Double.parseDouble(s)).equals(s);
	}

}
