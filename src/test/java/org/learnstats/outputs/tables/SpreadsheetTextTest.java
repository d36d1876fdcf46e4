package org.learnstats.outputs.tables;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpreadsheetTextTest {

	@Test
	void prefixesTextThatASpreadsheetWouldRun() {
		assertThat(SpreadsheetText.neutralize("=SUM(A1:A9)")).isEqualTo("'=SUM(A1:A9)");
		assertThat(SpreadsheetText.neutralize("+86 10 1234")).isEqualTo("'+86 10 1234");
		assertThat(SpreadsheetText.neutralize("-2+3")).isEqualTo("'-2+3");
		assertThat(SpreadsheetText.neutralize("@cmd")).isEqualTo("'@cmd");
		assertThat(SpreadsheetText.neutralize("\t=1")).isEqualTo("'\t=1");
		assertThat(SpreadsheetText.neutralize("\r=1")).isEqualTo("'\r=1");
	}

	@Test
	void leavesOtherTextAlone() {
		assertThat(SpreadsheetText.neutralize("机关党委")).isEqualTo("机关党委");
		assertThat(SpreadsheetText.neutralize("a=b")).isEqualTo("a=b");
		assertThat(SpreadsheetText.neutralize(" =1")).isEqualTo(" =1");
		assertThat(SpreadsheetText.neutralize("'=1")).isEqualTo("'=1");
		assertThat(SpreadsheetText.neutralize("")).isEmpty();
		assertThat(SpreadsheetText.neutralize(null)).isNull();
	}

}
