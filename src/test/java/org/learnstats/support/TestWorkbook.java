package org.learnstats.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes test workbooks with POI, .xlsx or .xls. A row is an array of cells: a String, a Number,
 * a LocalDate (a date cell), a Boolean, a {@link Formula} (with or without a cached value) or
 * null (no cell); an empty array is a blank row.
 */
public final class TestWorkbook {

	/** A formula cell; {@code cached} is its saved result, or null for none. */
	public record Formula(String formula, Object cached) {
	}

	private final Workbook workbook;

	private final CellStyle dateStyle;

	private TestWorkbook(Workbook workbook) {
		this.workbook = workbook;
		this.dateStyle = workbook.createCellStyle();
		this.dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
	}

	public static TestWorkbook xlsx() {
		return new TestWorkbook(new XSSFWorkbook());
	}

	public static TestWorkbook xls() {
		return new TestWorkbook(new HSSFWorkbook());
	}

	/** A sheet whose rows start at row 1. */
	public TestWorkbook sheet(String name, List<Object[]> rows) {
		Sheet sheet = this.workbook.createSheet(name);
		for (int r = 0; r < rows.size(); r++) {
			Object[] cells = rows.get(r);
			if (cells.length == 0) {
				continue;
			}
			Row row = sheet.createRow(r);
			for (int c = 0; c < cells.length; c++) {
				if (cells[c] != null) {
					set(row.createCell(c), cells[c]);
				}
			}
		}
		return this;
	}

	/** A title row above the header merged across {@code width} columns, then a blank row, then {@code rows}. */
	public TestWorkbook sheetWithTitle(String name, String title, int width, List<Object[]> rows) {
		List<Object[]> all = new ArrayList<>();
		all.add(new Object[] { title });
		all.add(new Object[0]);
		all.addAll(rows);
		sheet(name, all);
		this.workbook.getSheet(name).addMergedRegion(new CellRangeAddress(0, 0, 0, width - 1));
		return this;
	}

	/** An empty sheet. */
	public TestWorkbook emptySheet(String name) {
		this.workbook.createSheet(name);
		return this;
	}

	public Path write(Path file) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			try (OutputStream out = Files.newOutputStream(file)) {
				this.workbook.write(out);
			}
			this.workbook.close();
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The records of a CSV text as typed cells, the way an office system would write them: a
	 * yyyy-MM-dd date as a date cell, a plain number as a number cell, anything else as text.
	 */
	public static List<Object[]> typed(String csv) {
		List<Object[]> rows = new ArrayList<>();
		try {
			for (CSVRecord r : CSVFormat.DEFAULT.parse(new StringReader(csv))) {
				Object[] cells = new Object[r.size()];
				for (int i = 0; i < r.size(); i++) {
					cells[i] = rows.isEmpty() ? r.get(i) : cell(r.get(i));
				}
				rows.add(cells);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rows;
	}

	private static Object cell(String value) {
		if (value.isEmpty()) {
			return null;
		}
		if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
			return LocalDate.parse(value);
		}
		if (value.matches("-?(0|[1-9]\\d{0,14})(\\.\\d+)?")) {
			return new BigDecimal(value);
		}
		return value;
	}

	private void set(Cell cell, Object value) {
		if (value instanceof String s) {
			cell.setCellValue(s);
		}
		else if (value instanceof Number n) {
			cell.setCellValue(n.doubleValue());
		}
		else if (value instanceof Boolean b) {
			cell.setCellValue(b);
		}
		else if (value instanceof LocalDate d) {
			cell.setCellValue(d);
			cell.setCellStyle(this.dateStyle);
		}
		else if (value instanceof Formula f) {
			cell.setCellFormula(f.formula());
			if (f.cached() != null) {
				set(cell, f.cached());
			}
		}
		else {
			throw new IllegalArgumentException(String.valueOf(value));
		}
	}

}
