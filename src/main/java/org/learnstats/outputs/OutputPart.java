package org.learnstats.outputs;

import java.io.IOException;

/**
 * One part of a run's output folder (indicators.csv, tables, charts, dashboard, data quality,
 * restricted lists, run.json, packs). Every part writes into {@link OutputContext#dir()}, a fresh
 * folder that is published as a whole once every part has written; parts never see a
 * half-published folder and never write into the published one.
 */
public interface OutputPart {

	/** Writes this part's files below {@code context.dir()}. */
	void write(OutputContext context) throws IOException;

}
