package org.learnstats.outputs.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import org.learnstats.indicators.DeliveryHistory;
import org.learnstats.indicators.DeliveryRecord;
import org.learnstats.indicators.PaceStates;
import org.learnstats.indicators.TargetsProperties;
import org.learnstats.outputs.OutputContext;
import org.learnstats.outputs.OutputPart;
import org.learnstats.outputs.dashboard.Layout.Nav;
import org.learnstats.outputs.fonts.WebFont;
import org.learnstats.readmodel.ReadModel;
import org.learnstats.store.OpenProblems;
import org.learnstats.store.OpenProblems.Problem;
import org.learnstats.store.UnitForest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Writes the offline dashboard: {@code index.html}, {@code units/<key>.html} for every unit,
 * {@code data-quality.html} and {@code assets/} (one style sheet, one small script). Runs after
 * the charts, tables and packs it links to (the order of run.OutputParts), so its banner can
 * name every part that could not be rebuilt tonight. It reads the run's read model
 * (a handful of queries, whatever the number of units); every text from the data is
 * HTML-escaped and every link is relative, so the folder works from disk and from any server.
 */
@Component
public class DashboardPart implements OutputPart {

	private static final Logger log = LoggerFactory.getLogger(DashboardPart.class);

	/** The index of packs every page links to (written by the pack part, which runs before). */
	static final String PACKS_PAGE = "packs.html";

	/** The open problems of every run and the delivery record; null when built without them (tests). */
	private final OpenProblems openProblems;

	private final DeliveryHistory history;

	private final TargetsProperties targets;

	/** With the default targets (spec section 3), without open problems and delivery record. */
	public DashboardPart() {
		this(null, null, new TargetsProperties());
	}

	@Autowired
	public DashboardPart(OpenProblems openProblems, DeliveryHistory history, TargetsProperties targets) {
		this.openProblems = openProblems;
		this.history = history;
		this.targets = targets;
	}

	@Override
	public List<String> files() {
		return List.of("index.html", UnitPages.DIR, "assets", "data-quality.html");
	}

	@Override
	public void write(OutputContext context) throws IOException {
		long started = System.nanoTime();
		Path dir = context.dir();
		Path assets = Files.createDirectories(dir.resolve("assets"));
		Files.writeString(assets.resolve("dashboard.css"), Layout.resource("dashboard.css"));
		Files.writeString(assets.resolve("dashboard.js"), Layout.resource("dashboard.js"));

		ReadModel read = context.read();
		UnitForest forest = read.forest();
		IndicatorValues values = IndicatorValues.load(read.values(), context.asOf());
		Layout layout = new Layout(context.asOf().toString(), Banner.of(context.failures()));
		long loaded = System.nanoTime();
		PaceStates paces = read.paces(this.targets, context.asOf());
		UnitPages pages = new UnitPages(forest, values, paces, context.asOf(), layout, dir);
		DeliveryRecord record = (this.history != null) ? this.history.load(context.asOf()) : null;
		if (record != null) {
			pages.notice(DeliveryNotice.of(record, forest));
		}
		pages.writeIndex();
		pages.writeUnits();
		long unitPages = System.nanoTime();

		DataQuality quality = DataQuality.load(read, context.runId());
		List<Problem> problems = (this.openProblems != null)
				? this.openProblems.load(context.asOf().minusDays(OpenProblemsSection.CLOSED_DAYS)) : null;
		DataQualityPage page = new DataQualityPage(quality, forest, context.runId(), context.asOf(), problems, record);
		pages.writePage(dir.resolve("data-quality.html"), layout.page("数据质量", "", Nav.QUALITY,
				Templates.content("outputs/dashboard/dataQuality.jte", page.view())));
		if (!Files.exists(dir.resolve(PACKS_PAGE))) {
			// every page links the index of packs, which the pack part writes; without it (no pack
			// part in this build) the link still leads to a page
			UnitPages.write(dir.resolve(PACKS_PAGE),
					layout.page("季度报告", "", Nav.PACKS, Templates.content("outputs/dashboard/noPacks.jte", null)));
		}
		SortedSet<Integer> characters = new TreeSet<>(pages.characters());
		WebFont.addNonAscii(Layout.resource("dashboard.js"), characters);
		Files.write(assets.resolve(WebFont.FILE), WebFont.subset(characters));
		long done = System.nanoTime();
		log.info("Wrote the dashboard for {} units in {} ms (units and indicators loaded in {} ms, pages in {} ms,"
				+ " data quality in {} ms)", forest.units().size(), (done - started) / 1_000_000,
				(loaded - started) / 1_000_000, (unitPages - loaded) / 1_000_000, (done - unitPages) / 1_000_000);
	}

}
