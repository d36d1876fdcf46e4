package org.learnstats.outputs.charts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rehearsal draws a unit's five kinds of chart on both media. */
class ChartRehearsalTest {

	@Test
	void fiveChartsAreDrawnAsPngAndSvg() {
		// each chart is some kilobytes of PNG and of SVG
		assertThat(ChartRehearsal.draw()).isGreaterThan(5 * 2 * 5_000);
	}

}
