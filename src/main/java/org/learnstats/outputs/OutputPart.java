package org.learnstats.outputs;

import java.io.IOException;
import java.util.List;

/**
 * One part of a run's output folder (indicators.csv, tables, charts, dashboard, data quality,
 * restricted lists, run.json, packs). Every part writes into {@link OutputContext#dir()}, a fresh
 * folder that is published as a whole once every part has written; parts never see a
 * half-published folder and never write into the published one.
 * <p>
 * A part that throws does not stop the others: what it wrote is removed, its {@link #files()} are
 * kept from the published folder, and the run reports it (see {@link OutputFailures}).
 */
public interface OutputPart {

	/** Writes this part's files below {@code context.dir()}. */
	void write(OutputContext context) throws IOException;

	/**
	 * The files and folders this part writes, relative to the output folder ({@code "charts"},
	 * {@code "index.html"}); nothing else writes them. They are what is kept from the previous
	 * night when the part fails.
	 */
	List<String> files();

	/** How the run names this part to the operator. */
	default String label() {
		return getClass().getSimpleName();
	}

}
