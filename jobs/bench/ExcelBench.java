import java.io.BufferedWriter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes two inboxes holding the same attendance rows for excel-bench.sh: csv/ (units.csv and
 * attendance.csv) and xlsx/ (the same units.csv and attendance.xlsx: a title row, the header, the
 * rows with date and number cells, text in shared strings as Excel writes it, a 合计 row). Fixed seed.
 *
 *     java -cp "$(cat cp.txt)" jobs/bench/ExcelBench.java OUT_DIR ROWS
 */
public class ExcelBench {

	static final String[] HEADER = { "unit_code", "session_id", "session_date", "session_type", "duration_hours",
			"person_id", "status" };

	static final String[] TYPES = { "central_group", "branch_study", "study_day", "lecture", "other" };

	static final String[] STATUS = { "present", "present", "present", "late", "excused", "absent" };

	public static void main(String[] args) throws Exception {
		Path out = Path.of(args[0]);
		int rows = Integer.parseInt(args[1]);
		Path csv = Files.createDirectories(out.resolve("csv"));
		Path xlsx = Files.createDirectories(out.resolve("xlsx"));
		StringBuilder units = new StringBuilder("unit_code,unit_name,parent_code,unit_type\nROOT,省委某部,,党委\n");
		for (int u = 1; u <= 50; u++) {
			units.append("U").append(u).append(",第").append(u).append("党支部,ROOT,党支部\n");
		}
		Files.writeString(csv.resolve("units.csv"), units);
		Files.writeString(xlsx.resolve("units.csv"), units);

		Random random = new Random(14);
		try (BufferedWriter w = Files.newBufferedWriter(csv.resolve("attendance.csv"), StandardCharsets.UTF_8);
				SXSSFWorkbook wb = new SXSSFWorkbook(null, 200, false, true)) {
			CellStyle date = wb.createCellStyle();
			date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
			Sheet sheet = wb.createSheet("考勤");
			sheet.createRow(0).createCell(0).setCellValue("2026年学习考勤表");
			Row header = sheet.createRow(1);
			for (int c = 0; c < HEADER.length; c++) {
				header.createCell(c).setCellValue(HEADER[c]);
			}
			w.write(String.join(",", HEADER));
			w.write('\n');
			double total = 0;
			for (int i = 0; i < rows; i++) {
				int person = i % 2000;
				int session = i / 2000;
				String unit = "U" + (1 + person % 50);
				String sessionId = "S" + session;
				LocalDate day = LocalDate.of(2026, 1, 1).plusDays(session % 300);
				String type = TYPES[session % TYPES.length];
				double hours = 0.5 * (1 + random.nextInt(12));
				String personId = "P" + (10000 + person);
				String status = STATUS[random.nextInt(STATUS.length)];
				total += hours;
				w.write(unit + "," + sessionId + "," + day + "," + type + "," + plain(hours) + "," + personId + ","
						+ status + "\n");
				Row row = sheet.createRow(i + 2);
				row.createCell(0).setCellValue(unit);
				row.createCell(1).setCellValue(sessionId);
				row.createCell(2).setCellValue(day);
				row.getCell(2).setCellStyle(date);
				row.createCell(3).setCellValue(type);
				row.createCell(4).setCellValue(hours);
				row.createCell(5).setCellValue(personId);
				row.createCell(6).setCellValue(status);
			}
			Row sum = sheet.createRow(rows + 2);
			sum.createCell(0).setCellValue("合计");
			sum.createCell(4).setCellValue(total);
			try (OutputStream o = Files.newOutputStream(xlsx.resolve("attendance.xlsx"))) {
				wb.write(o);
			}
		}
	}

	static String plain(double hours) {
		return hours == Math.rint(hours) ? String.valueOf((long) hours) : String.valueOf(hours);
	}

}
