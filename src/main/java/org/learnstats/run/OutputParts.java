package org.learnstats.run;

import java.util.List;

import org.learnstats.outputs.OutputPart;
import org.learnstats.outputs.charts.ChartsPart;
import org.learnstats.outputs.dashboard.DashboardPart;
import org.learnstats.outputs.pack.PackPart;
import org.learnstats.outputs.quality.DataQualityPart;
import org.learnstats.outputs.quality.OpenProblemsPart;
import org.learnstats.outputs.tables.IndicatorsCsvPart;
import org.learnstats.outputs.tables.RestrictedListsPart;
import org.learnstats.outputs.tables.TablesPart;
import org.learnstats.readmodel.ReadModels;
import org.springframework.stereotype.Component;

/**
 * The parts of a run's output folder in the one order they write, in stages: first the parts that
 * each read the store and keep one core busy, written side by side, the longest first (the
 * restricted lists, the tables, indicators.csv, this run's data-quality files; parts of one stage
 * never write the same files); the open problems of all runs, into the data-quality folder; then the charts and the due
 * packs, each on threads of its own, which the dashboard links to; the dashboard (its banner names
 * any part that could not be rebuilt); run.json last, so it can tell what the others did.
 */
@Component
public class OutputParts {

	private final List<List<OutputPart>> stages;

	private final List<OutputPart> inOrder;

	private final ReadModels readModels;

	OutputParts(IndicatorsCsvPart indicators, DataQualityPart dataQuality, OpenProblemsPart openProblems,
			RestrictedListsPart restricted,
			ChartsPart charts, TablesPart tables, DashboardPart dashboard, PackPart packs, RunReportPart runReport,
			ReadModels readModels) {
		this.readModels = readModels;
		// the open problems go into the data-quality folder, which a failed data-quality part restores whole;
		// the first stage lists its longest parts first, so that they start at once and the short
		// ones fill in beside them (in a January delta the restricted lists take 4.9 s and the
		// tables 3.2 s, indicators.csv and data quality under a second each)
		this.stages = List.of(List.of(restricted, tables, indicators, dataQuality), List.of(openProblems),
				List.of(charts), List.of(packs), List.of(dashboard), List.of(runReport));
		this.inOrder = this.stages.stream().flatMap(List::stream).toList();
		this.stages.forEach(OutputParts::requireDisjointFiles);
	}

	/**
	 * Parts written side by side must not own a file or folder of one another: a part that fails has
	 * its files replaced by the previous night's, which would pull a folder from under the other.
	 */
	static void requireDisjointFiles(List<OutputPart> stage) {
		for (OutputPart a : stage) {
			for (OutputPart b : stage) {
				for (String f : a.files()) {
					for (String g : b.files()) {
						if (a != b && (f.equals(g) || g.startsWith(f + "/"))) {
							throw new IllegalStateException(a.label() + " and " + b.label() + " are in one stage but both write "
									+ g);
						}
					}
				}
			}
		}
	}

	/** Makes the read model each run (or worker's piece) gives its parts. */
	ReadModels readModels() {
		return this.readModels;
	}

	public List<OutputPart> inOrder() {
		return this.inOrder;
	}

	/** The parts in stages: a stage's parts are written side by side, a stage after the one before. */
	List<List<OutputPart>> stages() {
		return this.stages;
	}

	/**
	 * With workers: the parts a worker can write on its own, each a partition (every part but the
	 * dashboard and run.json, which tell what the others did and are written by the manager last).
	 */
	List<OutputPart> distributed() {
		return this.inOrder.stream().filter((p) -> !onManager(p)).toList();
	}

	/** With workers: the parts the manager writes once the workers are done, in order. */
	List<OutputPart> onManager() {
		return this.inOrder.stream().filter(OutputParts::onManager).toList();
	}

	private static boolean onManager(OutputPart part) {
		return part instanceof DashboardPart || part instanceof RunReportPart;
	}

}
