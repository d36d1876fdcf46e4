package org.learnstats.outputs.charts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jfree.chart.JFreeChart;
import org.learnstats.indicators.TargetsProperties;
import org.learnstats.outputs.Fingerprints;
import org.learnstats.outputs.NumberedPiece;
import org.learnstats.outputs.OutputContext;
import org.learnstats.outputs.OutputFolder;
import org.learnstats.outputs.OutputPart;
import org.learnstats.outputs.OutputThreads;
import org.learnstats.outputs.UnitGroups;
import org.learnstats.outputs.UnitKey;
import org.learnstats.readmodel.ReadModel;
import org.learnstats.store.UnitForest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Writes every unit's charts: {@code charts/<unit key>/<NN>-<name>.png} and {@code .svg}, and
 * {@code charts/<unit key>/charts.csv} (file without extension, Chinese title, indicator id or
 * empty) listing them in display order, for the dashboard. Every unit of the store gets its
 * folder and its charts.csv, even when no chart has data. The datasets are read once for all
 * units; units are drawn in parallel, each into its own folder, so the files are the same
 * whatever the thread count.
 *
 * <p>A chart whose fingerprint (its dataset and subtitle, file name, size and {@link #RENDERING})
 * is the one recorded for it in the published folder's {@code charts/.fingerprints} is
 * hard-linked from there rather than drawn again (see {@link Fingerprints}): on a night that
 * changes the data of a few units, only their charts and their ancestors' are drawn.
 *
 * <p>The people's distributions the charts were drawn from are kept in {@code charts/.people}
 * ({@link PeopleSnapshot}), so the next night reads them from there when nothing they sum changed.
 *
 * <p>With workers the charts are written in pieces, a group of whole unit subtrees each
 * ({@link UnitGroups}): a piece draws only its units' folders and records their fingerprints in a
 * manifest of its own, and the pieces' manifests are merged into {@code charts/.fingerprints} at
 * the end, so pieces drawn at once never write the same file and the folder is the one a single
 * process writes.
 */
@Component
public class ChartsPart implements OutputPart {

	static final String FOLDER = "charts";

	static final String INDEX = "charts.csv";

	private static final String PIECE = "units ";

	private static final Logger logger = LoggerFactory.getLogger(ChartsPart.class);

	private static final CSVFormat CSV = CSVFormat.DEFAULT.builder()
		.setHeader("file", "title", "indicator")
		.setRecordSeparator("\n")
		.get();

	/**
	 * The version of the drawing code, part of every chart's fingerprint: a digest of the classes
	 * that draw (builders, theme, media, encoders, and the JFreeChart and JFreeSVG entry classes), so
	 * a change to any of them redraws every chart; {@link #RENDERING_VERSION} for changes elsewhere
	 * (the font, a library's internals).
	 */
	static final String RENDERING;

	/** Bump to redraw every chart after a change that {@link #RENDERING}'s class digest misses. */
	static final int RENDERING_VERSION = 1;

	static {
		List<Class<?>> drawing = List.of(Charts.class, TrendChart.class, RankingChart.class, PeopleCharts.class,
				ChartParts.class, ChartFormats.class, ChartStyle.class, PeriodLines.class, ChartTheme.class, RateAxis.class,
				ChartMedia.class, PngEncoder.class, ScanlineDeflater.class, Huffman.class, SvgGlyphs.class, JFreeChart.class, org.jfree.svg.SVGGraphics2D.class);
		StringBuilder classes = new StringBuilder("charts-" + RENDERING_VERSION);
		for (Class<?> c : drawing) {
			classes.append(' ').append(Fingerprints.ofClass(c, c.getSimpleName()));
			// anonymous classes (RankingChart$1, ChartFormats$1) while they exist
			for (int i = 1; i < 50; i++) {
				String nested = c.getSimpleName() + "$" + i;
				if (c.getResource(nested + ".class") == null) {
					break;
				}
				classes.append(' ').append(Fingerprints.ofClass(c, nested));
			}
		}
		classes.append(' ').append(Fingerprints.ofClass(ChartTheme.class, "ChartTheme$Theme"));
		classes.append(' ').append(Fingerprints.ofClass(RateAxis.class, "RateAxis$UpToOne"));
		RENDERING = Fingerprints.digest(classes);
	}

	private final ChartTargets targets;

	private final int threads;

	private final Consumer<String> beforeUnit;

	@Autowired
	ChartsPart(TargetsProperties targets, Environment environment) {
		this(ChartTargets.of(targets),
				OutputThreads.orDefault(environment.getProperty("learnstats.charts.threads", Integer.class, 0)));
	}

	ChartsPart(ChartTargets targets, int threads) {
		this(targets, threads, (code) -> {
		});
	}

	/** With a seam called before each unit's charts (tests make one unit fail). */
	ChartsPart(ChartTargets targets, int threads, Consumer<String> beforeUnit) {
		this.targets = targets;
		this.threads = Math.max(1, threads);
		this.beforeUnit = beforeUnit;
	}

	/** Draws a made-up unit's charts ({@link ChartRehearsal}) and keeps nothing. */
	@Override
	public void rehearse() {
		ChartRehearsal.draw();
	}

	@Override
	public List<String> files() {
		return List.of(FOLDER);
	}

	@Override
	public void write(OutputContext context) throws IOException {
		draw(context, context.read().forest().units(), Fingerprints.FILE, "", true);
	}

	/**
	 * With workers: the units in {@link UnitGroups#PIECES} groups of whole subtrees, one piece each,
	 * named {@code units <n>/<count>}.
	 */
	@Override
	public List<String> pieces(OutputContext context) {
		return NumberedPiece.names(PIECE, UnitGroups.of(context.read().forest(), UnitGroups.PIECES, (u) -> 1).size());
	}

	/** Draws one group's units; its fingerprints go into the group's own manifest, merged at the end. */
	@Override
	public void writePiece(OutputContext context, String piece) throws IOException {
		NumberedPiece n = NumberedPiece.of(piece);
		List<UnitForest.Unit> group = UnitGroups.group(context.read().forest(), UnitGroups.PIECES, (u) -> 1,
				n.index() - 1, n.count());
		// every piece reads the distributions of all units; the first keeps them for the next night
		draw(context, group, Fingerprints.pieceFile(n.index()), " (" + piece + ")", n.index() == 1);
	}

	@Override
	public void finishPieces(OutputContext context) throws IOException {
		Fingerprints.merge(context.dir().resolve(FOLDER));
	}

	/**
	 * Draws the charts of {@code units}, writing their fingerprints into {@code manifest}, and the
	 * people's distributions for the next night when {@code keepPeople}.
	 */
	private void draw(OutputContext context, List<UnitForest.Unit> units, String manifest, String piece,
			boolean keepPeople) throws IOException {
		long start = System.nanoTime();
		ReadModel read = context.read();
		UnitForest forest = read.forest();
		IndicatorValues values = IndicatorValues.load(read.values(), ChartPlan.INDICATORS);
		PeopleSnapshot.Loaded people = PeopleSnapshot.load(context, this.targets);
		ChartPlan plan = new ChartPlan(forest, values, people.people(), context.asOf());
		long loaded = System.nanoTime();
		Path root = context.dir().resolve(FOLDER);
		Files.createDirectories(root);
		if (keepPeople) {
			PeopleSnapshot.save(context, people);
		}
		Fingerprints prints = Fingerprints.open(context, FOLDER);
		int charts = 0;
		ExecutorService pool = Executors.newFixedThreadPool(this.threads, (r) -> {
			Thread t = new Thread(r, "charts");
			t.setDaemon(true);
			return t;
		});
		try {
			List<Future<Integer>> done = new ArrayList<>();
			for (UnitForest.Unit unit : units) {
				done.add(pool.submit(() -> writeUnitOrKeep(context, root, unit, plan, prints)));
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
		prints.save(manifest);
		long end = System.nanoTime();
		logger.info("Charts{}: {} charts for {} units in {} ms ({} drawn, {} unchanged and linked; datasets {} ms,"
				+ " people {}; {} threads)", piece, charts, units.size(), (end - start) / 1_000_000, prints.drawn(),
				prints.reused(), (loaded - start) / 1_000_000, people.kept() ? "as the last night kept them" : "read",
				this.threads);
	}

	/**
	 * Draws one unit's charts; when that fails (other than a full disk), records it and keeps the
	 * unit's published charts, so one unit's data never withholds the others' charts.
	 */
	private int writeUnitOrKeep(OutputContext context, Path root, UnitForest.Unit unit, ChartPlan plan,
			Fingerprints prints) throws IOException {
		String key = UnitKey.of(unit.code());
		try {
			this.beforeUnit.accept(unit.code());
			return writeUnit(root, key, plan.plan(unit), prints);
		}
		catch (IOException | RuntimeException ex) {
			if (OutputFolder.isDiskFull(ex)) {
				throw ex;
			}
			context.failures().add("charts of unit " + unit.code(), ex);
			logger.error("Charts of unit {} could not be drawn, the previous night's are kept: {}", unit.code(),
					ex.toString(), ex);
			OutputFolder.keepPrevious(context, FOLDER + "/" + key);
			prints.keepPrevious(key + "/");
			return 0;
		}
	}

	/**
	 * Draws one unit's charts into {@code root/key}, or links those whose fingerprint is unchanged;
	 * returns how many.
	 */
	static int writeUnit(Path root, String key, List<ChartPlan.Planned> planned, Fingerprints prints)
			throws IOException {
		Path dir = root.resolve(key);
		Files.createDirectories(dir);
		List<String[]> rows = new ArrayList<>();
		for (ChartPlan.Planned p : planned) {
			String fingerprint = Fingerprints.digest(RENDERING, p.file(), p.width(), p.height(), p.inputs());
			List<String> files = List.of(key + "/" + p.file() + ".png", key + "/" + p.file() + ".svg");
			if (!prints.reuse(files, fingerprint)) {
				JFreeChart chart = p.chart().get();
				// CREATE_NEW: never write through a name linked to a published file
				Files.write(dir.resolve(p.file() + ".png"), ChartMedia.png(chart, p.width(), p.height()),
						StandardOpenOption.CREATE_NEW);
				Files.write(dir.resolve(p.file() + ".svg"),
						ChartMedia.svg(chart, p.width(), p.height()).getBytes(StandardCharsets.UTF_8),
						StandardOpenOption.CREATE_NEW);
				prints.record(files, fingerprint);
			}
			rows.add(new String[] { p.file(), p.title(), p.indicator() });
		}
		try (Writer w = Files.newBufferedWriter(dir.resolve(INDEX), StandardCharsets.UTF_8);
				CSVPrinter csv = new CSVPrinter(w, CSV)) {
			for (String[] row : rows) {
				csv.printRecord((Object[]) row);
			}
		}
		return rows.size();
	}

}
