package org.learnstats.outputs.tables;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;


import org.apache.commons.csv.CSVPrinter;
import org.learnstats.indicators.IndicatorCatalog;
import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.outputs.Fingerprints;
import org.learnstats.outputs.NumberedPiece;
import org.learnstats.outputs.OutputContext;
import org.learnstats.outputs.OutputPart;
import org.learnstats.outputs.tables.WideTable.UnitRow;
import org.learnstats.readmodel.IndicatorValueReader;
import org.learnstats.store.UnitForest;
import org.learnstats.store.UnitForest.Unit;
import org.learnstats.vocabulary.Period;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes {@code tables/}: for every indicator of the catalogue, a wide table of units (tree
 * order) by periods (every period of its granularity from the earliest event to the as-of
 * date), one CSV per granularity and one workbook with a sheet per granularity.
 *
 * <p>An indicator's files follow the delta: their fingerprint (the bytes of its CSVs, which hold
 * its units, names, depths, periods and values; its label and type; the workbook's document date;
 * {@link #WRITING}) is kept in {@code tables/.fingerprints}, and when the published folder holds
 * them with the same fingerprint they are hard-linked from there instead of written again (see
 * {@link Fingerprints}): the workbook, the costly part, is only made for an indicator that changed.
 *
 * <p>With workers the tables are written in pieces of consecutive indicators, each recording its
 * fingerprints in a manifest of its own, merged into {@code tables/.fingerprints} at the end.
 */
@Component
public class TablesPart implements OutputPart {

	private static final Logger log = LoggerFactory.getLogger(TablesPart.class);

	/** Bump to rewrite every table after a change that {@link #WRITING}'s class digest misses. */
	static final int WRITING_VERSION = 1;

	/**
	 * The version of the code that writes the files, part of every fingerprint: a digest of the
	 * writers' classes (the workbook's own writer, {@link XlsxWriter}, too) and of the CSV
	 * library's entry class.
	 */
	static final String WRITING = Fingerprints.digest("tables-" + WRITING_VERSION,
			Fingerprints.ofClass(CsvTableWriter.class, "CsvTableWriter"),
			Fingerprints.ofClass(XlsxTableWriter.class, "XlsxTableWriter"),
			Fingerprints.ofClass(XlsxWriter.class, "XlsxWriter"), Fingerprints.ofClass(XlsxSheet.class, "XlsxSheet"),
			Fingerprints.ofClass(XlsxStyles.class, "XlsxStyles"), Fingerprints.ofClass(XlsxStyle.class, "XlsxStyle"),
			Fingerprints.ofClass(WideTable.class, "WideTable"), Fingerprints.ofClass(SpreadsheetText.class, "SpreadsheetText"),
			Fingerprints.ofClass(CSVPrinter.class, "CSVPrinter"));

	/** How many pieces the tables are written in with workers, at most: each reads every value. */
	static final int PIECES = 4;

	private static final String PIECE = "indicators ";

	public TablesPart() {
	}

	@Override
	public List<String> files() {
		return List.of(TableFiles.DIR);
	}

	@Override
	public void write(OutputContext context) throws IOException {
		write(context, IndicatorCatalog.ALL, Fingerprints.FILE, "");
	}

	/**
	 * With workers: the indicators in {@link #PIECES} groups (consecutive in the catalogue), one
	 * piece each, named {@code indicators <n>/<count>}.
	 */
	@Override
	public List<String> pieces(OutputContext context) {
		return NumberedPiece.names(PIECE, Math.min(PIECES, IndicatorCatalog.ALL.size()));
	}

	/** Writes one group's tables; its fingerprints go into the group's own manifest, merged at the end. */
	@Override
	public void writePiece(OutputContext context, String piece) throws IOException {
		NumberedPiece n = NumberedPiece.of(piece);
		int size = IndicatorCatalog.ALL.size();
		write(context, IndicatorCatalog.ALL.subList((n.index() - 1) * size / n.count(), n.index() * size / n.count()),
				Fingerprints.pieceFile(n.index()), " (" + piece + ")");
	}

	@Override
	public void finishPieces(OutputContext context) throws IOException {
		Fingerprints.merge(context.dir().resolve(TableFiles.DIR));
	}

	/**
	 * Writes the tables of {@code indicators}, recording their fingerprints in {@code manifest}; the
	 * columns are those of every indicator's values, so a group's tables are the whole part's.
	 */
	private static void write(OutputContext context, List<IndicatorDefinition> indicators, String manifest,
			String piece) throws IOException {
		long started = System.nanoTime();
		Files.createDirectories(context.dir().resolve(TableFiles.DIR));
		Fingerprints prints = Fingerprints.open(context, TableFiles.DIR);
		List<UnitRow> rows = treeOrder(context.read().forest());
		long read = System.nanoTime();
		Map<String, Map<String, Map<String, BigDecimal>>> all = values(context.read().values());
		long reading = System.nanoTime() - read;
		Map<Character, List<Period>> periods = periods(context.read().earliestEvent(), context.asOf(), all);
		for (IndicatorDefinition indicator : indicators) {
			Map<String, Map<String, BigDecimal>> values = all.getOrDefault(indicator.id(), Map.of());
			List<WideTable> tables = new ArrayList<>();
			for (char g : indicator.granularities().toCharArray()) {
				tables.add(WideTable.of(indicator, g, rows, periods.get(g), values));
			}
			writeOrCarry(context.dir(), indicator, tables, prints);
		}
		prints.save(manifest);
		log.info("Tables{}: {} indicators for {} units in {} ms ({} written, {} unchanged and linked; values read in {} ms)",
				piece, indicators.size(), rows.size(), (System.nanoTime() - started) / 1_000_000, prints.drawn(),
				prints.reused(), reading / 1_000_000);
	}

	/** Links the indicator's CSVs and workbook when their fingerprint is unchanged, else writes them. */
	private static void writeOrCarry(Path out, IndicatorDefinition indicator, List<WideTable> tables,
			Fingerprints prints) throws IOException {
		List<byte[]> csvs = new ArrayList<>();
		List<String> files = new ArrayList<>();
		List<Object> shown = new ArrayList<>(List.of(WRITING, indicator.id(), indicator.label(), indicator.type(),
				XlsxTableWriter.documentDate(tables)));
		for (WideTable table : tables) {
			byte[] csv = CsvTableWriter.bytes(table);
			csvs.add(csv);
			files.add(inFolder(TableFiles.csv(indicator.id(), table.granularity())));
			shown.add(table.granularity() + " " + Fingerprints.digest(csv));
		}
		files.add(inFolder(TableFiles.xlsx(indicator.id())));
		String fingerprint = Fingerprints.digest(shown.toArray());
		if (prints.reuse(files, fingerprint)) {
			return;
		}
		for (int i = 0; i < tables.size(); i++) {
			// CREATE_NEW: never write through a name linked to a published file
			Files.write(out.resolve(TableFiles.csv(indicator.id(), tables.get(i).granularity())), csvs.get(i),
					StandardOpenOption.CREATE_NEW);
		}
		XlsxTableWriter.write(tables, out.resolve(TableFiles.xlsx(indicator.id())));
		prints.record(files, fingerprint);
	}

	private static String inFolder(String path) {
		return path.substring(TableFiles.DIR.length() + 1);
	}

	/** Units depth first from each root, children by code; units out of reach of any root last. */
	static List<UnitRow> treeOrder(UnitForest forest) {
		List<UnitRow> rows = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Unit root : forest.roots()) {
			collect(forest, root, 0, rows, seen);
		}
		for (Unit unit : forest.units()) {
			if (!seen.contains(unit.code())) {
				collect(forest, unit, 0, rows, seen);
			}
		}
		return rows;
	}

	private static void collect(UnitForest forest, Unit unit, int depth, List<UnitRow> rows, Set<String> seen) {
		if (!seen.add(unit.code())) {
			return;
		}
		rows.add(new UnitRow(unit.code(), unit.name(), depth));
		for (Unit child : forest.children(unit.code())) {
			collect(forest, child, depth + 1, rows, seen);
		}
	}

	/**
	 * The columns of each granularity: every period from the one holding the earliest event up
	 * to the one holding the as-of date, and any other period the indicators hold.
	 */
	private static Map<Character, List<Period>> periods(LocalDate earliest, LocalDate asOf,
			Map<String, Map<String, Map<String, BigDecimal>>> all) {
		Map<Character, TreeSet<Period>> sets = new HashMap<>();
		for (char g : "MQY".toCharArray()) {
			TreeSet<Period> set = new TreeSet<>();
			if (earliest != null && !earliest.isAfter(asOf)) {
				set.addAll(Period.range(earliest, asOf, g));
			}
			sets.put(g, set);
		}
		Set<String> held = new HashSet<>();
		all.values().forEach((byPeriod) -> held.addAll(byPeriod.keySet()));
		for (String text : held) {
			Period p = Period.parse(text);
			if (p != null) {
				sets.get(p.granularity()).add(p);
			}
		}
		Map<Character, List<Period>> out = new HashMap<>();
		sets.forEach((g, set) -> out.put(g, List.copyOf(set)));
		return out;
	}

	/** Every value of the store, by indicator, period and unit: one read of indicator_value for all tables. */
	private static Map<String, Map<String, Map<String, BigDecimal>>> values(IndicatorValueReader reader) {
		Map<String, Map<String, Map<String, BigDecimal>>> byIndicator = new HashMap<>();
		reader.all((indicator, period, unitCode, value) -> byIndicator
			.computeIfAbsent(indicator, (k) -> new HashMap<>())
			.computeIfAbsent(period, (k) -> new HashMap<>())
			.put(unitCode, value));
		return byIndicator;
	}

}
