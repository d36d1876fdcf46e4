package org.learnstats.messy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnstats.ingest.InboxFile;
import org.learnstats.ingest.InboxScanner;
import org.learnstats.ingest.Kinds;
import org.learnstats.ingest.excel.BadWorkbookException;
import org.learnstats.ingest.excel.SheetRows;
import org.learnstats.ingest.excel.WorkbookFile;

/**
 * The generator keeps its promises, read by the product's own scanner: the same seed gives the
 * same bytes, and every night holds every encoding, delimiter, kind and file-level reason, and
 * .xlsx and .xls workbooks whose sheets are exports of the kinds they were written as.
 */
class MessyInboxTest {

	@TempDir
	Path tmp;

	@Test
	void theSameSeedGivesTheSameBytes() throws InterruptedException {
		List<Night> a = MessyInbox.plain(7).nights();
		// a zip entry's date has two seconds' resolution: a workbook dated when written would differ
		Thread.sleep(2_100);
		List<Night> b = MessyInbox.plain(7).nights();
		assertThat(a).hasSameSizeAs(b);
		for (int n = 0; n < a.size(); n++) {
			assertThat(a.get(n).deliveries()).hasSameSizeAs(b.get(n).deliveries());
			for (int i = 0; i < a.get(n).deliveries().size(); i++) {
				Delivery d = a.get(n).deliveries().get(i);
				assertThat(d.bytes()).as(d.path()).isEqualTo(b.get(n).deliveries().get(i).bytes());
			}
		}
	}

	@Test
	void everyNightHoldsEveryEncodingDelimiterKindAndQuarantine() throws IOException {
		for (Night night : MessyInbox.plain(MessyNightsTest.SEED).nights()) {
			Path inbox = this.tmp.resolve(night.asOf().toString());
			night.deliverTo(inbox);
			List<InboxFile> files = new InboxScanner(Kinds.ALL).scan(inbox).files();
			assertThat(set(files.stream().map((f) -> f.text().encoding()))).as(night + " encodings")
				.containsAll(Set.of("UTF-8", "UTF-8-BOM", "GB18030", "UTF-16"));
			assertThat(set(files.stream().filter((f) -> f.kind() != null).map((f) -> String.valueOf(f.delimiter()))))
				.as(night + " delimiters")
				.containsExactlyInAnyOrder(",", "\t", ";");
			assertThat(set(files.stream().filter((f) -> f.kind() != null).map((f) -> f.kind().name())))
				.as(night + " kinds")
				.hasSize(7);
			assertThat(set(files.stream().map(InboxFile::fileRejection).filter(Objects::nonNull).map((r) -> r.reason().name())))
				.as(night + " quarantines")
				.containsExactlyInAnyOrder("UNKNOWN_KIND", "MISSING_COLUMN", "EMPTY_FILE", "NOT_TEXT");
		}
	}

	/** The kind each workbook was written as, by its file name or (two sheets) its sheet's name. */
	private static final Map<String, String> KIND_OF = Map.ofEntries(Map.entry("人员名册", "people"),
			Map.entry("学习考勤", "attendance"), Map.entry("training", "training"), Map.entry("调研", "research"),
			Map.entry("问卷发放", "surveys"), Map.entry("答卷", "responses"), Map.entry("人员", "people"),
			Map.entry("考勤", "attendance"), Map.entry("培训", "training"), Map.entry("问卷", "surveys"));

	@Test
	void everyNightHoldsXlsxAndXlsWorkbooksWhoseSheetsTheScannerRecognizes() throws IOException, BadWorkbookException {
		boolean titleRows = false;
		for (Night night : MessyInbox.plain(MessyNightsTest.SEED).nights()) {
			Path inbox = this.tmp.resolve(night.asOf().toString());
			night.deliverTo(inbox);
			List<String> workbooks = night.deliveries()
				.stream()
				.map(Delivery::path)
				.filter(ExcelExport::isWorkbook)
				.toList();
			assertThat(workbooks).as(night + " .xlsx").anyMatch((p) -> p.endsWith(".xlsx"));
			assertThat(workbooks).as(night + " .xls").anyMatch((p) -> p.endsWith(".xls"));
			Map<String, String> sheetKinds = new TreeMap<>();
			List<InboxFile> files = new InboxScanner(Kinds.ALL).scan(inbox).files();
			for (InboxFile f : files) {
				if (f.isSheet()) {
					sheetKinds.put(f.relativePath(), f.kind() == null ? String.valueOf(f.fileRejection()) : f.kind().name());
					titleRows |= f.headerLine() > 1;
				}
			}
			Map<String, String> expected = new TreeMap<>();
			for (String w : workbooks) {
				try (WorkbookFile wb = WorkbookFile.open(inbox.resolve(w))) {
					assertThat(wb.format()).as(w).isEqualTo(w.substring(w.lastIndexOf('.') + 1));
					String base = w.substring(w.lastIndexOf('/') + 1, w.lastIndexOf('.'));
					for (int i = 0; i < wb.sheetNames().size(); i++) {
						String sheet = wb.sheetNames().get(i);
						expected.put(w + "#" + sheet, kindOf(wb.sheetNames().size() > 1 ? sheet : base));
						assertThat(cells(wb, i)).as(w + "#" + sheet + ": date cells read as dates, not serial numbers")
							.noneMatch((c) -> c.matches("4\\d{4}(\\.\\d+)?"));
					}
				}
			}
			assertThat(sheetKinds).as(night + ": the sheets the scanner found, and their kinds").isEqualTo(expected);
			assertThat(set(expected.entrySet()
				.stream()
				.filter((e) -> e.getKey().contains("/学习台账.xls"))
				.map(Map.Entry::getValue))).as(night + ": a workbook of two sheets of two kinds").hasSize(2);
		}
		assertThat(titleRows).as("a sheet with a title row above its header").isTrue();
	}

	/** The kind of a sheet or file name, a re-delivery's included ("重发-1-人员名册"). */
	private static String kindOf(String name) {
		return KIND_OF.entrySet()
			.stream()
			.filter((e) -> name.endsWith(e.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

	private static List<String> cells(WorkbookFile wb, int sheet) throws BadWorkbookException {
		List<String> cells = new ArrayList<>();
		try (SheetRows rows = wb.sheet(sheet)) {
			while (rows.next()) {
				cells.addAll(rows.cells());
			}
		}
		return cells;
	}

	private static Set<String> set(java.util.stream.Stream<String> s) {
		return s.filter(Objects::nonNull).collect(Collectors.toSet());
	}

}
