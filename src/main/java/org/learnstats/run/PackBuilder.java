package org.learnstats.run;

import java.io.IOException;
import java.nio.file.Path;

import org.learnstats.outputs.OutputContext;

/** Builds one quarter's pack below {@code context.dir()}, whatever the state of its inputs. */
@FunctionalInterface
interface PackBuilder {

	/**
	 * @return the pack's folder
	 * @throws IllegalArgumentException when the quarter is not closed on the context's as-of date
	 */
	Path build(String quarter, OutputContext context) throws IOException;

}
