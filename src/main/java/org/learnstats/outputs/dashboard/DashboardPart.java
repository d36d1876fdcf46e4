package org.learnstats.outputs.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.learnstats.indicators.PaceStates;
import org.learnstats.indicators.TargetsProperties;
import org.learnstats.outputs.OutputContext;
import org.learnstats.outputs.OutputPart;
import org.learnstats.outputs.dashboard.Layout.Nav;
import org.learnstats.store.UnitForest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the offline dashboard: {@code index.html}, {@code units/<key>.html} for every unit,
 * {@code data-quality.html} and {@code assets/} (one style sheet, one small script). Runs after
 * the charts and tables it links to (the order of run.OutputParts). The store is read
 * with a handful of queries, whatever the number of units; every text from the data is
 * HTML-escaped and every link is relative, so the folder works from disk and from any server.
 */
@Component
public class DashboardPart implements OutputPart {

	private static final Logger log = LoggerFactory.getLogger(DashboardPart.class);

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final TargetsProperties targets;

	/** With the default targets (spec section 3). */
	public DashboardPart(DataSource dataSource) {
		this(dataSource, new TargetsProperties());
	}

	@Autowired
	public DashboardPart(DataSource dataSource, TargetsProperties targets) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.targets = targets;
	}

	@Override
	public void write(OutputContext context) throws IOException {
		long started = System.nanoTime();
		Path dir = context.dir();
		Path assets = Files.createDirectories(dir.resolve("assets"));
		Files.writeString(assets.resolve("dashboard.css"), Layout.resource("dashboard.css"));
		Files.writeString(assets.resolve("dashboard.js"), Layout.resource("dashboard.js"));

		UnitForest forest = UnitForest.load(this.dataSource);
		IndicatorValues values = IndicatorValues.load(this.jdbc, context.asOf());
		Layout layout = new Layout(context.asOf().toString());
		long loaded = System.nanoTime();
		PaceStates paces = PaceStates.load(this.dataSource, forest, this.targets, context.asOf());
		UnitPages pages = new UnitPages(forest, values, paces, context.asOf(), layout, dir);
		pages.writeIndex();
		pages.writeUnits();
		long unitPages = System.nanoTime();

		DataQuality quality = DataQuality.load(this.jdbc, context.runId());
		DataQualityPage page = new DataQualityPage(quality, forest, context.runId(), context.asOf());
		UnitPages.write(dir.resolve("data-quality.html"), layout.page("数据质量", "", Nav.QUALITY, page.body()));
		long done = System.nanoTime();
		log.info("Wrote the dashboard for {} units in {} ms (units and indicators loaded in {} ms, pages in {} ms,"
				+ " data quality in {} ms)", forest.units().size(), (done - started) / 1_000_000,
				(loaded - started) / 1_000_000, (unitPages - loaded) / 1_000_000, (done - unitPages) / 1_000_000);
	}

}
