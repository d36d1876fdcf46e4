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

	/**
	 * With workers: the pieces this part can also be written in, each on its own and in any order
	 * ({@link #writePiece}, one partition each), followed by {@link #finishPieces} once all are
	 * written. Empty, the default: the part is written whole.
	 */
	default List<String> pieces(OutputContext context) throws IOException {
		return List.of();
	}

	/** Writes one of {@link #pieces}; what one failed piece keeps is the part's own business. */
	default void writePiece(OutputContext context, String piece) throws IOException {
		throw new UnsupportedOperationException(label() + " is written whole");
	}

	/** After every piece: what the part writes over all of them (an index). */
	default void finishPieces(OutputContext context) throws IOException {
	}

	/**
	 * Draws, once, made-up data the way {@link #write} draws the store's, and keeps nothing: the run
	 * calls it on an idle core while the database computes the indicators of a night that will draw
	 * much (a first night), so that the compiler has made the drawing code fast before the parts
	 * start. The default does nothing.
	 */
	default void rehearse() {
	}

	/** How the run names this part to the operator. */
	default String label() {
		return getClass().getSimpleName();
	}

}
