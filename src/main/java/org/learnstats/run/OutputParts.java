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
 * The parts of a run's output folder in the one order they write: indicators.csv, the
 * data-quality files (this run's and the open problems of all runs) and the restricted lists first; then the charts, tables and due packs the
 * dashboard links to, the dashboard (its banner names any part that could not be rebuilt);
 * run.json last, so it can tell what the others did.
 */
@Component
public class OutputParts {

	private final List<OutputPart> inOrder;

	private final ReadModels readModels;

	OutputParts(IndicatorsCsvPart indicators, DataQualityPart dataQuality, OpenProblemsPart openProblems,
			RestrictedListsPart restricted,
			ChartsPart charts, TablesPart tables, DashboardPart dashboard, PackPart packs, RunReportPart runReport,
			ReadModels readModels) {
		this.readModels = readModels;
		this.inOrder = List.of(indicators, dataQuality, openProblems, restricted, charts, tables, packs, dashboard, runReport);
	}

	/** Makes the read model each run (or worker's piece) gives its parts. */
	ReadModels readModels() {
		return this.readModels;
	}

	public List<OutputPart> inOrder() {
		return this.inOrder;
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
