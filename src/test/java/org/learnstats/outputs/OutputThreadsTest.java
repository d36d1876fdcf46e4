package org.learnstats.outputs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one default of the parts that work on several threads. */
class OutputThreadsTest {

	@Test
	void aSettingAboveZeroIsKeptAndZeroOrLessIsOnePerCoreUpToFour() {
		int cores = Runtime.getRuntime().availableProcessors();
		assertThat(OutputThreads.orDefault(3)).isEqualTo(3);
		assertThat(OutputThreads.orDefault(9)).isEqualTo(9);
		assertThat(OutputThreads.orDefault(0)).isEqualTo(Math.min(4, cores)).isEqualTo(OutputThreads.byDefault());
		assertThat(OutputThreads.orDefault(-2)).isEqualTo(OutputThreads.byDefault());
		assertThat(OutputThreads.byDefault()).isBetween(1, OutputThreads.MAX_BY_DEFAULT);
	}

}
