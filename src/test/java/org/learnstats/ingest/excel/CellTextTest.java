package org.learnstats.ingest.excel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Number, date and boolean cells as the text the export rules read. */
class CellTextTest {

	@Test
	void wholeNumbersHaveNoFractionAndOthersTheirExactDecimal() {
		assertThat(CellText.number(12.0)).isEqualTo("12");
		assertThat(CellText.number(1001.0)).isEqualTo("1001");
		assertThat(CellText.number(12.5)).isEqualTo("12.5");
		assertThat(CellText.number(-3.25)).isEqualTo("-3.25");
		assertThat(CellText.number(0.0)).isEqualTo("0");
		assertThat(CellText.number(100.0)).isEqualTo("100");
		assertThat(CellText.number(1e20)).isEqualTo("100000000000000000000");
	}

	@Test
	void binaryNoiseBeyondExcelsFifteenDigitsIsDropped() {
		assertThat(CellText.number(0.1 + 0.2)).isEqualTo("0.3");
		assertThat(CellText.number(1.2000000000000002)).isEqualTo("1.2");
		assertThat(CellText.number("4.4999999999999991")).isEqualTo("4.5");
		assertThat(CellText.number("123456789012345")).isEqualTo("123456789012345");
	}

	@Test
	void dateSerialsAreIsoDatesInBothWindowsAndTheTimeOfDayIsDropped() {
		assertThat(CellText.date(45000, false)).isEqualTo("2023-03-15");
		assertThat(CellText.date(45000.75, false)).isEqualTo("2023-03-15");
		assertThat(CellText.date(45000 - 1462, true)).isEqualTo("2023-03-15");
		assertThat(CellText.date(-1, false)).isEqualTo("-1");
	}

	@Test
	void booleansAreYesOrNo() {
		assertThat(CellText.bool(true)).isEqualTo("yes");
		assertThat(CellText.bool(false)).isEqualTo("no");
	}

	@Test
	void cellReferencesAndDimensions() {
		assertThat(XlsxWorkbook.column("A1")).isZero();
		assertThat(XlsxWorkbook.column("AB12")).isEqualTo(27);
		assertThat(XlsxWorkbook.lastRow("A1:G1048576")).isEqualTo(1048576);
		assertThat(XlsxWorkbook.lastRow("A1")).isEqualTo(1);
		assertThat(XlsxWorkbook.lastRow(null)).isEqualTo(-1);
	}

}
