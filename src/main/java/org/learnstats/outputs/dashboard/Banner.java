package org.learnstats.outputs.dashboard;

import java.util.List;

import org.learnstats.outputs.OutputFailures;

/** The banner on top of every page when a part of tonight's outputs could not be rebuilt ({@code banner.jte}). */
record Banner(List<OutputFailures.Failure> failures) {

	static final Banner NONE = new Banner(List.of());

	static Banner of(OutputFailures failures) {
		return new Banner(List.copyOf(failures.list()));
	}

}
