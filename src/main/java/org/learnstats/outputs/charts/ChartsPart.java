package org.learnstats.outputs.charts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jfree.chart.JFreeChart;
import org.learnstats.outputs.OutputContext;
import org.learnstats.outputs.OutputPart;
import org.learnstats.outputs.UnitKey;
import org.learnstats.store.UnitForest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Writes every unit's charts: {@code charts/<unit key>/<NN>-<name>.png} and {@code .svg}, and
 * {@code charts/<unit key>/charts.csv} (file without extension, Chinese title, indicator id or
 * empty) listing them in display order, for the dashboard. Every unit of the store gets its
 * folder and its charts.csv, even when no chart has data. The datasets are read once for all
 * units; units are drawn in parallel, each into its own folder, so the files are the same
 * whatever the thread count.
 */
@Component
@Order(30)
class ChartsPart implements OutputPart {

	static final String FOLDER = "charts";

	static final String INDEX = "charts.csv";

	private static final Logger logger = LoggerFactory.getLogger(ChartsPart.class);

	private static final CSVFormat CSV = CSVFormat.DEFAULT.builder()
		.setHeader("file", "title", "indicator")
		.setRecordSeparator("\n")
		.get();

	private final DataSource dataSource;

	private final ChartTargets targets;

	private final int threads;

	@Autowired
	ChartsPart(DataSource dataSource, Environment environment) {
		this(dataSource, ChartTargets.from(environment),
				environment.getProperty("learnstats.charts.threads", Integer.class, defaultThreads()));
	}

	ChartsPart(DataSource dataSource, ChartTargets targets, int threads) {
		this.dataSource = dataSource;
		this.targets = targets;
		this.threads = Math.max(1, threads);
	}

	@Override
	public void write(OutputContext context) throws IOException {
		long start = System.nanoTime();
		UnitForest forest = UnitForest.load(this.dataSource);
		IndicatorValues values = IndicatorValues.load(this.dataSource, ChartPlan.INDICATORS);
		PeopleDistributions people = PeopleDistributions.load(this.dataSource, forest, context.asOf(), this.targets);
		ChartPlan plan = new ChartPlan(forest, values, people, context.asOf());
		long loaded = System.nanoTime();
		Path root = context.dir().resolve(FOLDER);
		Files.createDirectories(root);
		List<UnitForest.Unit> units = forest.units();
		int charts = 0;
		ExecutorService pool = Executors.newFixedThreadPool(this.threads, (r) -> {
			Thread t = new Thread(r, "charts");
			t.setDaemon(true);
			return t;
		});
		try {
			List<Future<Integer>> done = new ArrayList<>();
			for (UnitForest.Unit unit : units) {
				done.add(pool.submit(() -> writeUnit(root.resolve(UnitKey.of(unit.code())), plan.plan(unit))));
			}
			for (Future<Integer> f : done) {
				charts += f.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while drawing charts", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof IOException io) {
				throw io;
			}
			if (ex.getCause() instanceof UncheckedIOException io) {
				throw io.getCause();
			}
			throw new IllegalStateException("drawing charts failed", ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
		long end = System.nanoTime();
		logger.info("Charts: {} charts for {} units in {} ms (datasets {} ms, {} ms per unit, {} threads)", charts,
				units.size(), (end - start) / 1_000_000, (loaded - start) / 1_000_000,
				units.isEmpty() ? 0 : (end - loaded) / 1_000_000 / units.size(), this.threads);
	}

	/** Draws one unit's charts into its folder; returns how many. */
	static int writeUnit(Path dir, List<ChartPlan.Planned> planned) throws IOException {
		Files.createDirectories(dir);
		List<String[]> rows = new ArrayList<>();
		for (ChartPlan.Planned p : planned) {
			JFreeChart chart = p.chart().get();
			Files.write(dir.resolve(p.file() + ".png"), ChartMedia.png(chart, p.width(), p.height()));
			Files.writeString(dir.resolve(p.file() + ".svg"), ChartMedia.svg(chart, p.width(), p.height()),
					StandardCharsets.UTF_8);
			rows.add(new String[] { p.file(), chart.getTitle().getText(), p.indicator() });
		}
		try (Writer w = Files.newBufferedWriter(dir.resolve(INDEX), StandardCharsets.UTF_8);
				CSVPrinter csv = new CSVPrinter(w, CSV)) {
			for (String[] row : rows) {
				csv.printRecord((Object[]) row);
			}
		}
		return rows.size();
	}

	private static int defaultThreads() {
		return Math.min(4, Runtime.getRuntime().availableProcessors());
	}

}
