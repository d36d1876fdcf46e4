import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Turns three CSV exports of the generated sample into Excel workbooks with the same rows, the way
 * unit offices deliver them (spec section 2.4), and rewrites their lines of expected-files.csv:
 *
 * - SKY-DZZ/党总支学习台账2025.csv becomes SKY-DZZ/党总支学习台账2025.xlsx, sheet 2025年: a merged title
 *   row and a blank row above the header, 年月日 dates as date cells, a 合计 total row at the end;
 * - JST/学习日_2025.csv and JST/调研2025.csv become the two sheets 学习日 and 调研 of JST/2025年台账.xls
 *   (Excel 97-2003), dates and numbers as typed cells.
 *
 * Run after GenerateSample, with POI on the class path (jobs/bench/README.md):
 *
 *     java -cp "$(cat cp.txt)" jobs/bench/ExcelSample.java sample-data
 */
public class ExcelSample {

	static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

	static final Pattern CHINESE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日");

	static final Pattern NUMBER = Pattern.compile("-?(0|[1-9]\\d{0,14})(\\.\\d+)?");

	public static void main(String[] args) throws Exception {
		Path sample = Path.of(args.length > 0 ? args[0] : "sample-data");
		Path inbox = sample.resolve("inbox");
		List<String[]> expected = new ArrayList<>();

		Workbook register = new XSSFWorkbook();
		List<List<String>> rows = read(inbox.resolve("SKY-DZZ/党总支学习台账2025.csv"));
		Sheet sheet = sheet(register, "2025年", rows, 2);
		Row title = sheet.createRow(0);
		title.createCell(0).setCellValue("省社会科学院机关党总支2025年学习台账");
		sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, rows.get(0).size() - 1));
		int hoursAt = rows.get(0).indexOf("学时");
		double hours = 0;
		for (List<String> r : rows.subList(1, rows.size())) {
			hours += Double.parseDouble(r.get(hoursAt));
		}
		Row total = sheet.createRow(rows.size() + 2);
		total.createCell(0).setCellValue("合计");
		total.createCell(hoursAt).setCellValue(hours);
		write(register, inbox.resolve("SKY-DZZ/党总支学习台账2025.xlsx"));
		expected.add(new String[] { "SKY-DZZ/党总支学习台账2025.csv", "SKY-DZZ/党总支学习台账2025.xlsx#2025年", "xlsx",
				"\"Excel .xlsx: a merged title row and a blank row above the header, date cells, a 合计 total row\"" });

		Workbook book = new HSSFWorkbook();
		sheet(book, "学习日", read(inbox.resolve("JST/学习日_2025.csv")), 0);
		sheet(book, "调研", read(inbox.resolve("JST/调研2025.csv")), 0);
		write(book, inbox.resolve("JST/2025年台账.xls"));
		expected.add(new String[] { "JST/学习日_2025.csv", "JST/2025年台账.xls#学习日", "xls",
				"\"Excel 97-2003 .xls, one of two sheets of two kinds; date and number cells\"" });
		expected.add(new String[] { "JST/调研2025.csv", "JST/2025年台账.xls#调研", "xls",
				"\"Excel 97-2003 .xls, one of two sheets of two kinds; date and number cells, 1/0 as numbers\"" });

		Path files = sample.resolve("expected-files.csv");
		List<String> lines = new ArrayList<>(Files.readAllLines(files, StandardCharsets.UTF_8));
		for (String[] e : expected) {
			for (int i = 0; i < lines.size(); i++) {
				String[] f = lines.get(i).split(",", -1);
				if (f[0].equals(e[0])) {
					// file,kind,encoding,delimiter,line_ending,rows_read,rows_rejected,note
					lines.set(i, String.join(",", e[1], f[1], e[2], "", "", f[5], f[6], e[3]));
				}
			}
			Files.delete(inbox.resolve(e[0]));
		}
		List<String> body = new ArrayList<>(lines.subList(1, lines.size()));
		body.sort(null);
		body.add(0, lines.get(0));
		Files.write(files, body, StandardCharsets.UTF_8);
	}

	static List<List<String>> read(Path csv) throws Exception {
		List<List<String>> rows = new ArrayList<>();
		for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
			if (!line.isBlank()) {
				rows.add(List.of(line.split(",", -1)));
			}
		}
		return rows;
	}

	/** A sheet of the rows, the header at row {@code first} (0-based), values typed as an office system would. */
	static Sheet sheet(Workbook wb, String name, List<List<String>> rows, int first) {
		CellStyle date = wb.createCellStyle();
		date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
		Sheet sheet = wb.createSheet(name);
		for (int r = 0; r < rows.size(); r++) {
			Row row = sheet.createRow(first + r);
			List<String> values = rows.get(r);
			for (int c = 0; c < values.size(); c++) {
				String v = values.get(c);
				if (v.isEmpty()) {
					continue;
				}
				Cell cell = row.createCell(c);
				Matcher iso = ISO.matcher(v);
				Matcher zh = CHINESE.matcher(v);
				if (r > 0 && (iso.matches() || zh.matches())) {
					Matcher m = iso.matches() ? iso : zh;
					cell.setCellValue(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
							Integer.parseInt(m.group(3))));
					cell.setCellStyle(date);
				}
				else if (r > 0 && NUMBER.matcher(v).matches()) {
					cell.setCellValue(Double.parseDouble(v));
				}
				else {
					cell.setCellValue(v);
				}
			}
		}
		return sheet;
	}

	static void write(Workbook wb, Path file) throws Exception {
		try (OutputStream out = Files.newOutputStream(file)) {
			wb.write(out);
		}
		wb.close();
	}

}
