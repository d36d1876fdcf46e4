package org.learnstats.outputs.pack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rehearsal's made-up committee builds a whole pack: its PDF and ZIP, charts and tables included. */
class PackRehearsalTest {

	@Test
	void theMadeUpCommitteesPackIsBuiltWhole() {
		// a pack of 50 branches over four quarters: tens of kilobytes of PDF and ZIP at least
		assertThat(PackRehearsal.build()).isGreaterThan(50_000);
	}

}
