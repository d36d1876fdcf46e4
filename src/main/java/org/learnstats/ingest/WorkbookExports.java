package org.learnstats.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.learnstats.ingest.excel.BadWorkbookException;
import org.learnstats.ingest.excel.SheetRows;
import org.learnstats.ingest.excel.WorkbookFile;
import org.learnstats.vocabulary.RejectDetail;
import org.learnstats.vocabulary.RejectDetail.Text;

/**
 * The exports of a workbook (spec section 2.4): each sheet holding rows is one, named
 * {@code file.xlsx#Sheet}; an empty sheet is ignored. The workbook is one delivery: every sheet
 * carries the workbook's SHA-256, so a re-delivered workbook skips all its sheets. Each sheet's
 * bytes are read through once here ({@link WorkbookFile#check}), so that what would stop its
 * reading (corrupt zip data, a zip bomb, more than {@link WorkbookFile#MAX_ROWS} rows) is
 * quarantined now as BAD_WORKBOOK, not met by the ingest: the whole workbook when it cannot be
 * opened (or has no sheet with rows: EMPTY_FILE), else the sheet. The limits of
 * {@link IngestLimits} hold as for a text file: a workbook larger than the file size limit is
 * not opened, and a sheet whose header row is longer than the record limit or has more columns
 * than allowed is TOO_LARGE.
 */
final class WorkbookExports {

	private final List<ExportKind> kinds;

	private final IngestLimits limits;

	WorkbookExports(List<ExportKind> kinds, IngestLimits limits) {
		this.kinds = kinds;
		this.limits = limits;
	}

	static boolean isWorkbook(Path p) {
		String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
		return name.endsWith(".xlsx") || name.endsWith(".xls");
	}

	List<InboxFile> inspect(Path path, String relativePath) throws IOException {
		TextEncoding bytes = TextEncoding.ofWorkbook(path, null);
		if (bytes.size() > this.limits.maxFileSize().toBytes()) {
			return List.of(new InboxFile(path, relativePath, bytes, ',', null,
					Rejection.of(RejectDetail.FILE_TOO_LARGE, bytes.size(), this.limits.maxFileSize().toBytes())));
		}
		List<InboxFile> exports = new ArrayList<>();
		try (WorkbookFile workbook = WorkbookFile.open(path)) {
			TextEncoding identity = new TextEncoding(bytes.sha256(), bytes.size(), workbook.format());
			List<String> names = workbook.sheetNames();
			for (int i = 0; i < names.size(); i++) {
				InboxFile sheet = inspectSheet(workbook, i, path, relativePath + "#" + names.get(i), identity);
				if (sheet != null) {
					exports.add(sheet);
				}
			}
			if (exports.isEmpty()) {
				exports.add(new InboxFile(path, relativePath, identity, ',', null,
						Rejection.of(RejectDetail.NO_SHEET_WITH_ROWS)));
			}
			return exports;
		}
		catch (BadWorkbookException ex) {
			return List.of(new InboxFile(path, relativePath, bytes, ',', null,
					Rejection.of(ex.detail())));
		}
	}

	/** A sheet's export, or null when the sheet holds no row. */
	private InboxFile inspectSheet(WorkbookFile workbook, int index, Path path, String name, TextEncoding identity) {
		try (SheetRows sheet = workbook.sheet(index)) {
			SheetRecords rows = new SheetRecords(null, sheet, 0);
			List<List<String>> top = new ArrayList<>();
			List<Long> lines = new ArrayList<>();
			Text firstBeyond = null;
			while (top.size() < HeaderMatch.HEADER_SEARCH_ROWS && rows.next()) {
				// a row beyond the limits matches no kind; judged as the header, the sheet is TOO_LARGE
				Text beyond = beyondLimits(rows);
				if (top.isEmpty()) {
					firstBeyond = beyond;
				}
				top.add(beyond == null ? List.copyOf(rows.fields()) : List.of());
				lines.add(rows.line());
			}
			if (top.isEmpty()) {
				return null;
			}
			if (sheet.declaredLastRow() > WorkbookFile.MAX_ROWS) {
				return badSheet(path, name, identity,
						RejectDetail.SHEET_DECLARES_ROWS.text(sheet.declaredLastRow(), WorkbookFile.MAX_ROWS));
			}
			workbook.check(index);
			HeaderMatch.Found found = HeaderMatch.find(top, this.kinds);
			if (found.match().kind() == null && firstBeyond != null) {
				return new InboxFile(path, name, identity, ',', null, Rejection.of(firstBeyond),
						0, index);
			}
			return new InboxFile(path, name, identity, '\t', found.match(), found.match().rejection(),
					lines.get(found.index()), index);
		}
		catch (BadWorkbookException ex) {
			return badSheet(path, name, identity, ex.detail());
		}
		catch (IOException ex) {
			for (Throwable t = ex.getCause(); t != null; t = t.getCause()) {
				if (t instanceof BadWorkbookException bad) {
					return badSheet(path, name, identity, bad.detail());
				}
			}
			return badSheet(path, name, identity, RejectDetail.SHEET_UNREADABLE.text(ex.getMessage()));
		}
	}

	/** Why the row, taken as a header, is beyond the limits; null when it is not. */
	private Text beyondLimits(RecordSource row) {
		if (row.fields().size() > this.limits.maxColumns()) {
			return RejectDetail.HEADER_TOO_WIDE.text(row.fields().size(), this.limits.maxColumns());
		}
		if (row.length() > this.limits.maxRecordChars()) {
			return RejectDetail.HEADER_TOO_LONG.text(this.limits.maxRecordChars());
		}
		return null;
	}

	private static InboxFile badSheet(Path path, String name, TextEncoding identity, Text detail) {
		return new InboxFile(path, name, identity, ',', null, Rejection.of(detail), 0, -1);
	}

}
