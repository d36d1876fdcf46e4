package org.learnstats.ingest.excel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.learnstats.vocabulary.RejectDetail;
import org.learnstats.vocabulary.RejectDetail.Text;

/**
 * A .xlsx workbook, its sheets streamed: a sheet's XML is pulled row by row (StAX), so a large
 * sheet never sits in memory; only the shared strings (at most {@link #MAX_SHARED_STRINGS_BYTES}
 * of XML) and the styles are loaded. The zip is read through POI's ZipSecureFile, which stops a
 * zip bomb.
 */
final class XlsxWorkbook implements WorkbookFile {

	/** Shared strings are held in memory: their XML may not exceed this. */
	static final long MAX_SHARED_STRINGS_BYTES = 128L << 20;

	private static final XMLInputFactory XML = xmlFactory();

	private final OPCPackage pkg;

	private final List<String> names = new ArrayList<>();

	private final List<PackagePart> parts = new ArrayList<>();

	private final XSSFReader reader;

	private SharedStrings strings;

	private boolean[] dateStyles;

	private final boolean date1904;

	private XlsxWorkbook(OPCPackage pkg) throws Exception {
		this.pkg = pkg;
		this.reader = new XSSFReader(pkg, true);
		XSSFReader.SheetIterator it = this.reader.getSheetIterator();
		while (it.hasNext()) {
			it.next().close();
			this.names.add(it.getSheetName());
			this.parts.add(it.getSheetPart());
		}
		this.date1904 = date1904(this.reader);
	}

	static XlsxWorkbook open(Path file) throws Exception {
		OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
		try {
			return new XlsxWorkbook(pkg);
		}
		catch (Exception | Error ex) {
			pkg.revert();
			throw ex;
		}
	}

	@Override
	public String format() {
		return "xlsx";
	}

	@Override
	public List<String> sheetNames() {
		return this.names;
	}

	@Override
	public SheetRows sheet(int index) throws BadWorkbookException {
		try {
			loadSharedParts();
			InputStream in = this.parts.get(index).getInputStream();
			return new Rows(XML.createXMLStreamReader(in), in);
		}
		catch (BadWorkbookException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw WorkbookFile.failure(ex);
		}
	}

	/**
	 * Inflates the sheet's XML through POI's zip bomb guard and counts its row elements on the
	 * bytes (a tag named row, with any namespace prefix): a tenth of the cost of parsing it.
	 */
	@Override
	public void check(int index) throws BadWorkbookException {
		long rows = 0;
		try (InputStream in = this.parts.get(index).getInputStream()) {
			byte[] buf = new byte[1 << 16];
			byte[] name = new byte[8];
			int nameLength = -1;
			int n;
			while ((n = in.read(buf)) > 0) {
				for (int i = 0; i < n; i++) {
					byte b = buf[i];
					if (b == '<') {
						nameLength = 0;
					}
					else if (nameLength >= 0) {
						if (b == ' ' || b == '>' || b == '/' || b == '\t' || b == '\n' || b == '\r') {
							if (endsWithRow(name, nameLength)) {
								rows++;
							}
							nameLength = -1;
						}
						else if (b == ':') {
							nameLength = 0;
						}
						else if (nameLength < name.length) {
							name[nameLength++] = b;
						}
						else {
							nameLength = -1;
						}
					}
				}
			}
		}
		catch (Exception ex) {
			throw WorkbookFile.failure(ex);
		}
		if (rows > MAX_ROWS) {
			throw new BadWorkbookException(RejectDetail.SHEET_ROWS.text(rows, MAX_ROWS));
		}
	}

	private static boolean endsWithRow(byte[] name, int length) {
		return length == 3 && name[0] == 'r' && name[1] == 'o' && name[2] == 'w';
	}

	private void loadSharedParts() throws Exception {
		if (this.dateStyles != null) {
			return;
		}
		for (PackagePart part : this.pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType())) {
			if (part.getSize() > MAX_SHARED_STRINGS_BYTES) {
				throw new BadWorkbookException(RejectDetail.SHARED_STRINGS.text(part.getSize() >> 20,
						MAX_SHARED_STRINGS_BYTES >> 20));
			}
		}
		this.strings = new ReadOnlySharedStringsTable(this.pkg, false);
		StylesTable styles = this.reader.getStylesTable();
		int n = styles == null ? 0 : styles.getNumCellStyles();
		boolean[] dates = new boolean[n];
		for (int i = 0; i < n; i++) {
			XSSFCellStyle style = styles.getStyleAt(i);
			dates[i] = style != null && DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString());
		}
		this.dateStyles = dates;
	}

	private static boolean date1904(XSSFReader reader) throws Exception {
		try (InputStream in = reader.getWorkbookData()) {
			XMLStreamReader x = XML.createXMLStreamReader(in);
			try {
				while (x.hasNext()) {
					if (x.next() == XMLStreamConstants.START_ELEMENT) {
						if (x.getLocalName().equals("workbookPr")) {
							String v = x.getAttributeValue(null, "date1904");
							return "1".equals(v) || "true".equalsIgnoreCase(v);
						}
						if (x.getLocalName().equals("sheets")) {
							return false;
						}
					}
				}
				return false;
			}
			finally {
				x.close();
			}
		}
	}

	@Override
	public void close() {
		this.pkg.revert();
	}

	private static XMLInputFactory xmlFactory() {
		XMLInputFactory f = XMLInputFactory.newFactory();
		f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		f.setProperty(XMLInputFactory.IS_COALESCING, true);
		return f;
	}

	/** One sheet's rows, pulled from its XML. */
	private final class Rows implements SheetRows {

		private final XMLStreamReader x;

		private final InputStream in;

		private final List<String> cells = new ArrayList<>();

		private final List<Text> problems = new ArrayList<>();

		private final StringBuilder value = new StringBuilder();

		private final StringBuilder formula = new StringBuilder();

		private long rowNumber;

		private long declaredLastRow = -1;

		/** Whether the cell just read holds a value (a v element, or an inline string). */
		private boolean hasValue;

		Rows(XMLStreamReader x, InputStream in) {
			this.x = x;
			this.in = in;
		}

		@Override
		public boolean next() throws BadWorkbookException {
			try {
				while (this.x.hasNext()) {
					int event = this.x.next();
					if (event != XMLStreamConstants.START_ELEMENT) {
						continue;
					}
					String name = this.x.getLocalName();
					if (name.equals("dimension")) {
						this.declaredLastRow = lastRow(this.x.getAttributeValue(null, "ref"));
					}
					else if (name.equals("row")) {
						String r = this.x.getAttributeValue(null, "r");
						this.rowNumber = r == null ? this.rowNumber + 1 : Long.parseLong(r);
						if (this.rowNumber > MAX_ROWS) {
							throw new BadWorkbookException(RejectDetail.SHEET_ROW_BEYOND.text(this.rowNumber, MAX_ROWS));
						}
						if (readRow()) {
							return true;
						}
					}
				}
				return false;
			}
			catch (BadWorkbookException ex) {
				throw ex;
			}
			catch (XMLStreamException | RuntimeException ex) {
				throw WorkbookFile.failure(ex);
			}
		}

		/** Reads a row's cells up to its end tag; true when one is not blank. */
		private boolean readRow() throws XMLStreamException {
			this.cells.clear();
			this.problems.clear();
			int last = -1;
			int column = -1;
			while (true) {
				int event = this.x.next();
				if (event == XMLStreamConstants.END_ELEMENT && this.x.getLocalName().equals("row")) {
					break;
				}
				if (event != XMLStreamConstants.START_ELEMENT || !this.x.getLocalName().equals("c")) {
					continue;
				}
				String ref = this.x.getAttributeValue(null, "r");
				column = ref == null ? column + 1 : column(ref);
				String type = this.x.getAttributeValue(null, "t");
				String style = this.x.getAttributeValue(null, "s");
				boolean hasFormula = readCell();
				while (this.cells.size() < column) {
					this.cells.add("");
					this.problems.add(null);
				}
				Text problem = null;
				String text;
				String v = this.value.toString();
				boolean hasValue = this.hasValue;
				if (hasFormula && !hasValue) {
					problem = RejectDetail.NO_CACHED_VALUE.text(this.formula);
					text = "=" + this.formula;
				}
				else {
					text = text(type, style, v);
					if ("e".equals(type)) {
						problem = RejectDetail.ERROR_CELL.text(v);
					}
				}
				if (column < this.cells.size()) {
					this.cells.set(column, text);
					this.problems.set(column, problem);
				}
				else {
					this.cells.add(text);
					this.problems.add(problem);
				}
				if (problem != null || !text.isBlank()) {
					last = column;
				}
			}
			this.cells.subList(last + 1, this.cells.size()).clear();
			this.problems.subList(last + 1, this.problems.size()).clear();
			return last >= 0;
		}

		/** Reads a cell's value (v, or the text of an inline string) and formula up to its end tag. */
		private boolean readCell() throws XMLStreamException {
			this.value.setLength(0);
			this.formula.setLength(0);
			this.hasValue = false;
			boolean hasFormula = false;
			int depth = 0;
			StringBuilder target = null;
			boolean phonetic = false;
			while (true) {
				int event = this.x.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					depth++;
					String n = this.x.getLocalName();
					if (n.equals("v")) {
						target = this.value;
						this.hasValue = true;
					}
					else if (n.equals("f")) {
						target = this.formula;
						hasFormula = true;
					}
					else if (n.equals("rPh")) {
						phonetic = true;
					}
					else if (n.equals("t") && !phonetic) {
						target = this.value;
						this.hasValue = true;
					}
				}
				else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
						|| event == XMLStreamConstants.SPACE) {
					if (target != null) {
						target.append(this.x.getText());
					}
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					if (depth == 0) {
						return hasFormula;
					}
					depth--;
					if (this.x.getLocalName().equals("rPh")) {
						phonetic = false;
					}
					target = null;
				}
			}
		}

		private String text(String type, String style, String v) {
			if (type == null || type.equals("n")) {
				if (v.isEmpty()) {
					return "";
				}
				if (isDate(style)) {
					try {
						return CellText.date(Double.parseDouble(v), XlsxWorkbook.this.date1904);
					}
					catch (NumberFormatException ex) {
						return v;
					}
				}
				return CellText.number(v);
			}
			return switch (type) {
				case "s" -> sharedString(v);
				case "b" -> CellText.bool("1".equals(v.strip()) || "true".equalsIgnoreCase(v.strip()));
				case "d" -> v.length() >= 10 ? v.substring(0, 10) : v;
				default -> v;
			};
		}

		private String sharedString(String v) {
			try {
				return XlsxWorkbook.this.strings.getItemAt(Integer.parseInt(v.strip())).getString();
			}
			catch (RuntimeException ex) {
				return "";
			}
		}

		private boolean isDate(String style) {
			if (style == null) {
				return false;
			}
			try {
				int i = Integer.parseInt(style);
				return i >= 0 && i < XlsxWorkbook.this.dateStyles.length && XlsxWorkbook.this.dateStyles[i];
			}
			catch (NumberFormatException ex) {
				return false;
			}
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
			return this.declaredLastRow;
		}

		@Override
		public void close() {
			try {
				this.x.close();
				this.in.close();
			}
			catch (XMLStreamException | IOException ex) {
				// read only
			}
		}

	}

	/** The 0-based column of a cell reference such as "AB12". */
	static int column(String ref) {
		int c = 0;
		for (int i = 0; i < ref.length(); i++) {
			char ch = ref.charAt(i);
			if (ch >= 'A' && ch <= 'Z') {
				c = c * 26 + (ch - 'A' + 1);
			}
			else if (ch >= 'a' && ch <= 'z') {
				c = c * 26 + (ch - 'a' + 1);
			}
			else {
				break;
			}
		}
		return c - 1;
	}

	/** The last row of a dimension such as "A1:G1048576" (or "A1"), or -1. */
	static long lastRow(String ref) {
		if (ref == null) {
			return -1;
		}
		String end = ref.substring(ref.indexOf(':') + 1);
		int i = 0;
		while (i < end.length() && Character.isLetter(end.charAt(i))) {
			i++;
		}
		try {
			return Long.parseLong(end.substring(i));
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
