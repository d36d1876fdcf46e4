package org.learnstats.run;

import java.io.IOException;
import java.nio.file.Path;

import org.learnstats.outputs.OutputContext;

/**
 * Builds one quarter's pack (the organization's, or one unit's subtree's) below
 * {@code context.dir()}, whatever the state of its inputs.
 */
@FunctionalInterface
interface PackBuilder {

	/**
	 * @param unit the unit code whose subtree's pack to build, or {@code null} for the organization's
	 * @return the pack's folder
	 * @throws IllegalArgumentException when the quarter is not closed on the context's as-of date or
	 *         the unit is unknown
	 */
	Path build(String quarter, String unit, OutputContext context) throws IOException;

}
