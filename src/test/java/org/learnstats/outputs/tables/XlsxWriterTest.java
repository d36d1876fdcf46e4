package org.learnstats.outputs.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The workbook writer read back by POI: text that XML cannot carry as it is, numbers of every
 * size, columns past Z, styles, frozen panes, widths and document dates; the same content gives
 * the same bytes. (LibreOffice opens its workbooks too: {@link LibreOfficeOpensTablesTest}.)
 */
class XlsxWriterTest {

	static final LocalDate DATE = LocalDate.of(2026, 4, 1);

	/** Text as hostile deliveries bring it: markup, control characters, a lone surrogate, edge spaces, emoji. */
	static final String HOSTILE = " <b>&\"x\"</b>\u0001\u0008\t\n\ud800 第一支部 \ud83d\ude00 ";

	static XlsxWriter hostile() {
		XlsxWriter wb = new XlsxWriter("标题 <&>", "learnstats", DATE);
		XlsxSheet sheet = wb.sheet("月度").freeze(3, 1).width(0, 16).width(27, 11.5);
		sheet.row().text(0, "代码", XlsxStyle.header(XlsxStyle.GREY_25, true, false)).text(27, "2026-03",
				XlsxStyle.header(XlsxStyle.GREY_25, true, false));
		sheet.row()
			.text(0, HOSTILE, XlsxStyle.GENERAL)
			.text(1, "x".repeat(40_000), XlsxStyle.indented(2))
			.number(2, 0.0000001, XlsxStyle.number("0.00%"))
			.number(3, 123456789012345678.0, XlsxStyle.number("0"))
			.number(4, Double.NaN, XlsxStyle.GENERAL)
			.number(5, new BigDecimal("0.8571"), XlsxStyle.number("0.00%"))
			.number(6, (BigDecimal) null, XlsxStyle.GENERAL)
			.number(27, -2.5, XlsxStyle.number("0.00"));
		wb.sheet("季度").freeze(0, 1).row().text(0, "空", XlsxStyle.header(XlsxStyle.PALE_BLUE, false, true));
		return wb;
	}

	@Test
	void poiReadsBackEveryCellStyleAndProperty() throws IOException {
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(hostile().bytes()))) {
			assertThat(wb.getNumberOfSheets()).isEqualTo(2);
			XSSFSheet months = wb.getSheet("月度");
			assertThat(months.getRow(0).getCell(27).getStringCellValue()).isEqualTo("2026-03");
			assertThat(months.getRow(0).getCell(27).getReference()).isEqualTo("AB1");
			XSSFCellStyle header = months.getRow(0).getCell(0).getCellStyle();
			assertThat(header.getFont().getBold()).isTrue();
			assertThat(header.getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
			assertThat(header.getFillForegroundColor()).isEqualTo((short) XlsxStyle.GREY_25);
			assertThat(header.getBorderBottom()).isEqualTo(org.apache.poi.ss.usermodel.BorderStyle.THIN);

			var row = months.getRow(1);
			assertThat(row.getCell(0).getStringCellValue()).isEqualTo(" <b>&\"x\"</b>??\t\n? 第一支部 \ud83d\ude00 ");
			assertThat(row.getCell(1).getStringCellValue()).hasSize(XlsxWriter.MAX_TEXT);
			assertThat(row.getCell(1).getCellStyle().getIndention()).isEqualTo((short) 2);
			assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(0.0000001);
			assertThat(row.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
			assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(123456789012345678.0);
			assertThat(row.getCell(4)).isNull();
			assertThat(row.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(0.8571);
			assertThat(row.getCell(6)).isNull();
			assertThat(row.getCell(27).getNumericCellValue()).isEqualTo(-2.5);
			assertThat(row.getCell(27).getCellStyle().getDataFormatString()).isEqualTo("0.00");

			PaneInformation pane = months.getPaneInformation();
			assertThat(pane.isFreezePane()).isTrue();
			assertThat(pane.getVerticalSplitPosition()).isEqualTo((short) 3);
			assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 1);
			assertThat(months.getColumnWidth(0)).isEqualTo(16 * 256);
			assertThat(months.getColumnWidth(27)).isEqualTo((int) (11.5 * 256));

			XSSFCellStyle wrapped = wb.getSheet("季度").getRow(0).getCell(0).getCellStyle();
			assertThat(wrapped.getWrapText()).isTrue();
			assertThat(wrapped.getFillForegroundColor()).isEqualTo((short) XlsxStyle.PALE_BLUE);
			assertThat(wb.getSheet("季度").getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);

			var core = wb.getProperties().getCoreProperties();
			assertThat(core.getTitle()).isEqualTo("标题 <&>");
			assertThat(core.getCreator()).isEqualTo("learnstats");
			assertThat(core.getCreated().toInstant().atZone(ZoneOffset.UTC).toLocalDate()).isEqualTo(DATE);
			assertThat(core.getModified()).isEqualTo(core.getCreated());
		}
	}

	@Test
	void theSameContentGivesTheSameBytes() {
		assertThat(hostile().bytes()).isEqualTo(hostile().bytes());
	}

	@Test
	void refusesWhatExcelWouldNotOpen() {
		XlsxWriter wb = new XlsxWriter(null, "learnstats", DATE);
		wb.sheet("月度");
		assertThatThrownBy(() -> wb.sheet("月度")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> wb.sheet("a/b")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> wb.sheet("x".repeat(32))).isInstanceOf(IllegalArgumentException.class);
		XlsxSheet sheet = wb.sheet("季度");
		assertThatThrownBy(() -> sheet.text(0, "no row yet", XlsxStyle.GENERAL)).isInstanceOf(IllegalStateException.class);
		sheet.row().text(1, "b", XlsxStyle.GENERAL);
		assertThatThrownBy(() -> sheet.text(0, "left of b", XlsxStyle.GENERAL)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void numbersAreWrittenWithoutExponents() {
		assertThat(XlsxWriter.numberText(12)).isEqualTo("12");
		assertThat(XlsxWriter.numberText(0.8571)).isEqualTo("0.8571");
		assertThat(XlsxWriter.numberText(1e-7)).isEqualTo("0.0000001");
		assertThat(XlsxWriter.numberText(1e20)).isEqualTo("100000000000000000000");
		StringBuilder b = new StringBuilder();
		XlsxWriter.columnName(b, 0);
		XlsxWriter.columnName(b.append(' '), 25);
		XlsxWriter.columnName(b.append(' '), 26);
		XlsxWriter.columnName(b.append(' '), 701);
		XlsxWriter.columnName(b.append(' '), 702);
		assertThat(b).hasToString("A Z AA ZZ AAA");
	}

}
