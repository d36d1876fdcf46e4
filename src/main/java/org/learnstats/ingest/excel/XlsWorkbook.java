package org.learnstats.ingest.excel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.learnstats.vocabulary.RejectDetail;
import org.learnstats.vocabulary.RejectDetail.Text;

/**
 * A .xls workbook (BIFF8, Excel 97 to 2003), read whole with HSSF: the format holds at most
 * 65,536 rows a sheet, so it always fits. An OLE2 file holding an encrypted .xlsx is refused.
 */
final class XlsWorkbook implements WorkbookFile {

	private final POIFSFileSystem fs;

	private final HSSFWorkbook workbook;

	private XlsWorkbook(POIFSFileSystem fs, HSSFWorkbook workbook) {
		this.fs = fs;
		this.workbook = workbook;
	}

	static XlsWorkbook open(Path file) throws IOException, BadWorkbookException {
		POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true);
		try {
			if (fs.getRoot().hasEntry("EncryptionInfo") || fs.getRoot().hasEntry("EncryptedPackage")) {
				throw WorkbookFile.encrypted();
			}
			if (!fs.getRoot().hasEntry("Workbook") && !fs.getRoot().hasEntry("WORKBOOK")
					&& !fs.getRoot().hasEntry("BOOK") && !fs.getRoot().hasEntry("Book")) {
				throw new BadWorkbookException(RejectDetail.NOT_EXCEL_OLE2.text());
			}
			return new XlsWorkbook(fs, new HSSFWorkbook(fs.getRoot(), false));
		}
		catch (IOException | BadWorkbookException | RuntimeException ex) {
			fs.close();
			throw ex;
		}
	}

	@Override
	public String format() {
		return "xls";
	}

	@Override
	public List<String> sheetNames() {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < this.workbook.getNumberOfSheets(); i++) {
			names.add(this.workbook.getSheetName(i));
		}
		return names;
	}

	@Override
	public SheetRows sheet(int index) {
		return new Rows(this.workbook.getSheetAt(index));
	}

	/** Nothing to do: HSSF has read the whole workbook, and a .xls sheet holds at most 65,536 rows. */
	@Override
	public void check(int index) {
	}

	@Override
	public void close() {
		try {
			this.workbook.close();
			this.fs.close();
		}
		catch (IOException ex) {
			// read only: nothing to lose
		}
	}

	/** A sheet's rows as text. */
	private static final class Rows implements SheetRows {

		private final Sheet sheet;

		private final Iterator<Row> rows;

		private final List<String> cells = new ArrayList<>();

		private final List<Text> problems = new ArrayList<>();

		private long rowNumber;

		Rows(Sheet sheet) {
			this.sheet = sheet;
			this.rows = sheet.rowIterator();
		}

		@Override
		public boolean next() {
			while (this.rows.hasNext()) {
				Row row = this.rows.next();
				this.cells.clear();
				this.problems.clear();
				int last = -1;
				for (int c = 0; c < row.getLastCellNum(); c++) {
					Cell cell = row.getCell(c);
					Text problem = cell == null ? null : problem(cell);
					String text = cell == null ? "" : text(cell);
					this.cells.add(text);
					this.problems.add(problem);
					if (problem != null || !text.isBlank()) {
						last = c;
					}
				}
				if (last >= 0) {
					this.cells.subList(last + 1, this.cells.size()).clear();
					this.problems.subList(last + 1, this.problems.size()).clear();
					this.rowNumber = row.getRowNum() + 1L;
					return true;
				}
			}
			return false;
		}

		private static String text(Cell cell) {
			CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType()
					: cell.getCellType();
			return switch (type) {
				case STRING -> cell.getStringCellValue();
				case NUMERIC -> DateUtil.isCellDateFormatted(cell)
						? cell.getLocalDateTimeCellValue().toLocalDate().toString()
						: CellText.number(cell.getNumericCellValue());
				case BOOLEAN -> CellText.bool(cell.getBooleanCellValue());
				case ERROR -> FormulaError.forInt(cell.getErrorCellValue()).getString();
				default -> "";
			};
		}

		private static Text problem(Cell cell) {
			CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType()
					: cell.getCellType();
			if (type == CellType.ERROR) {
				return RejectDetail.ERROR_CELL.text(FormulaError.forInt(cell.getErrorCellValue()).getString());
			}
			return null;
		}

		@Override
		public long rowNumber() {
			return this.rowNumber;
		}

		@Override
		public List<String> cells() {
			return this.cells;
		}

		@Override
		public Text problem(int column) {
			return column < this.problems.size() ? this.problems.get(column) : null;
		}

		@Override
		public long declaredLastRow() {
			return this.sheet.getLastRowNum() + 1L;
		}

		@Override
		public void close() {
		}

	}

}
