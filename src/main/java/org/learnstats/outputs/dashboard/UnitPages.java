package org.learnstats.outputs.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.learnstats.indicators.IndicatorCatalog;
import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.indicators.PaceStates;
import org.learnstats.outputs.UnitKey;
import org.learnstats.outputs.dashboard.ChartManifest.Chart;
import org.learnstats.outputs.dashboard.Layout.Nav;
import org.learnstats.outputs.fonts.WebFont;
import org.learnstats.outputs.tables.TableFiles;
import org.learnstats.store.UnitForest;
import org.learnstats.store.UnitForest.Unit;

/** Writes {@code index.html} and {@code units/<key>.html} for every unit, from data loaded once. */
final class UnitPages {

	/** The folder of the unit pages, inside the output folder. */
	static final String DIR = "units";

	private final UnitForest forest;

	private final KeyIndicators keys;

	private final Layout layout;

	private final Path outDir;

	private final Map<String, Integer> subtreeSizes = new HashMap<>();

	private final Map<String, Integer> tableRows = new HashMap<>();

	/** The characters beyond ASCII of the pages written, for the web font. */
	private final SortedSet<Integer> characters = new TreeSet<>();

	UnitPages(UnitForest forest, IndicatorValues values, PaceStates paces, LocalDate asOf, Layout layout, Path outDir) {
		this.forest = forest;
		this.keys = new KeyIndicators(values, paces, asOf);
		this.layout = layout;
		this.outDir = outDir;
		Set<String> seen = new HashSet<>();
		for (Unit root : forest.roots()) {
			size(root, seen);
		}
	}

	/** Subtree sizes and table rows (header is row 1) in the tree order of the wide tables. */
	private int size(Unit unit, Set<String> seen) {
		if (!seen.add(unit.code())) {
			return 0;
		}
		this.tableRows.put(unit.code(), this.tableRows.size() + 2);
		int size = 1;
		for (Unit child : this.forest.children(unit.code())) {
			size += size(child, seen);
		}
		this.subtreeSizes.put(unit.code(), size);
		return size;
	}

	/** The overview's delivery notice; none by default. */
	private DeliveryNotice notice;

	void notice(DeliveryNotice notice) {
		this.notice = notice;
	}

	/** What {@code index.jte} shows: the tree of units beside each top unit's key indicators. */
	record Index(List<TreeNode> tree, DeliveryNotice notice, List<Root> roots) {
	}

	/** A top unit on the overview, with the number of units it holds (itself included). */
	record Root(UnitLink link, String code, String type, int size, KeyIndicators.View keys) {
	}

	/**
	 * A unit in the overview's tree ({@code tree.jte}); a leaf when it has no children shown. A
	 * branch has its link beside the summary, not in it: a link inside the control that opens the
	 * branch is a control within a control (nested-interactive), which keyboards and screen readers
	 * skip.
	 * @param search the text the tree's filter matches
	 * @param below the number of units below it
	 * @param open whether its branch starts open (the top units')
	 */
	record TreeNode(UnitLink link, String search, int below, boolean open, List<TreeNode> children) {
	}

	void writeIndex() throws IOException {
		List<Root> roots = new ArrayList<>();
		List<TreeNode> tree = new ArrayList<>();
		for (Unit root : this.forest.roots()) {
			tree.add(node(root, 0));
			roots.add(new Root(UnitLink.of(root), root.code(), Labels.unitType(root.type()),
					this.subtreeSizes.getOrDefault(root.code(), 1), this.keys.view(root.code(), "")));
		}
		Index index = new Index(tree, this.notice, roots);
		writePage(this.outDir.resolve("index.html"),
				this.layout.page("总览", "", Nav.INDEX, Templates.content("outputs/dashboard/index.jte", index)));
	}

	private TreeNode node(Unit unit, int depth) {
		List<TreeNode> children = new ArrayList<>();
		if (depth <= 200) {
			for (Unit child : this.forest.children(unit.code())) {
				children.add(node(child, depth + 1));
			}
		}
		return new TreeNode(UnitLink.of(unit), unit.name() + " " + unit.code(),
				this.subtreeSizes.getOrDefault(unit.code(), 1) - 1, depth == 0, children);
	}

	void writeUnits() throws IOException {
		Path dir = Files.createDirectories(this.outDir.resolve(DIR));
		for (Unit unit : this.forest.units()) {
			writePage(dir.resolve(UnitKey.of(unit.code()) + ".html"), this.layout.page(unit.name(), "../", Nav.UNIT,
					Templates.content("outputs/dashboard/unit.jte", unitView(unit))));
		}
	}

	/**
	 * What {@code unit.jte} shows of one unit.
	 * @param path the units from the top one down to it
	 * @param children its direct children (their count), below: all units under it
	 * @param attention the children at risk; null without children
	 * @param childrenTable the table of children; null without children
	 * @param row its row in the wide tables (null: none)
	 */
	record UnitView(List<Crumb> path, String name, String type, String code, int children, int below,
			KeyIndicators.View keys, PaceView.Attention attention, List<ChartLink> charts,
			ChildrenTable.View childrenTable, Integer row, List<TableLinks> tables) {
	}

	/** A step of the unit page's path: a link, or the unit itself. */
	record Crumb(UnitLink link, boolean self) {
	}

	/** A chart of the unit page: its picture and vector file, relative to the page. */
	record ChartLink(String png, String svg, String title) {
	}

	/** An indicator's wide tables: a CSV per granularity (null where it is not computed) and the workbook. */
	record TableLinks(String label, String id, List<String> csv, String xlsx) {
	}

	private UnitView unitView(Unit unit) {
		List<Crumb> path = this.forest.path(unit.code()).stream()
			.map((step) -> new Crumb(UnitLink.of(step), step.code().equals(unit.code()))).toList();
		List<Unit> children = this.forest.children(unit.code());
		String key = UnitKey.of(unit.code());
		List<ChartLink> charts = new ArrayList<>();
		for (Chart chart : ChartManifest.read(this.outDir, unit.code())) {
			charts.add(new ChartLink("../" + Html.href("charts", key, chart.file() + ".png"),
					"../" + Html.href("charts", key, chart.file() + ".svg"), chart.title()));
		}
		List<TableLinks> tables = new ArrayList<>();
		for (IndicatorDefinition ind : IndicatorCatalog.ALL) {
			List<String> csv = new ArrayList<>();
			for (char g : "MQY".toCharArray()) {
				csv.add(ind.computedFor(g) ? "../" + Html.href(TableFiles.csv(ind.id(), g).split("/")) : null);
			}
			tables.add(new TableLinks(ind.label(), ind.id(), Collections.unmodifiableList(csv),
					"../" + Html.href(TableFiles.xlsx(ind.id()).split("/"))));
		}
		boolean parent = !children.isEmpty();
		return new UnitView(path, unit.name(), Labels.unitType(unit.type()), unit.code(), children.size(),
				this.subtreeSizes.getOrDefault(unit.code(), 1) - 1, this.keys.view(unit.code(), "../"),
				parent ? PaceView.attention(this.keys, children) : null, charts,
				parent ? ChildrenTable.view(this.keys, children, this.subtreeSizes) : null,
				this.tableRows.get(unit.code()), tables);
	}

	static void write(Path file, String html) throws IOException {
		Files.writeString(file, html, StandardCharsets.UTF_8);
	}

	/** Writes a page whose characters the web font must hold. */
	void writePage(Path file, String html) throws IOException {
		WebFont.addNonAscii(html, this.characters);
		write(file, html);
	}

	/** The characters beyond ASCII of every page written with {@link #writePage}. */
	SortedSet<Integer> characters() {
		return this.characters;
	}

}
