package org.learnstats.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds the exports below an inbox (every *.csv, *.tsv and *.txt file, recursively, any letter
 * case of the extension, and every sheet of every *.xlsx and *.xls workbook: see
 * {@link WorkbookExports}) and reads what each is: hash, encoding, delimiter, kind. Files come
 * back in the order they are applied (spec section 2.2): by kind, then by the byte order of
 * their path relative to the inbox; quarantined files last, in path order.
 */
public final class InboxScanner {

	private final List<ExportKind> kinds;

	private final WorkbookExports workbooks;

	public InboxScanner(List<ExportKind> kinds) {
		this.kinds = kinds.stream().sorted(Comparator.comparingInt(ExportKind::order)).toList();
		this.workbooks = new WorkbookExports(this.kinds);
	}

	public List<InboxFile> scan(Path inbox) throws IOException {
		List<Path> paths;
		try (Stream<Path> walk = Files.walk(inbox)) {
			paths = walk.filter(Files::isRegularFile)
				.filter((p) -> isExport(p) || WorkbookExports.isWorkbook(p))
				.toList();
		}
		// hashing and sniffing read every byte of the inbox: both cores share the files
		List<InboxFile> files;
		try {
			files = new ArrayList<>(paths.parallelStream().flatMap((p) -> {
				try {
					return WorkbookExports.isWorkbook(p) ? this.workbooks.inspect(p, relative(inbox, p)).stream()
							: Stream.of(inspect(p, relative(inbox, p)));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}).toList());
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		files.sort(Comparator.comparingInt(InboxScanner::rank)
			.thenComparing((a, b) -> Arrays.compareUnsigned(a.relativePath().getBytes(StandardCharsets.UTF_8),
					b.relativePath().getBytes(StandardCharsets.UTF_8))));
		return files;
	}

	private static int rank(InboxFile f) {
		return f.kind() == null ? Integer.MAX_VALUE : f.kind().order();
	}

	static boolean isExport(Path p) {
		String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
		return name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt");
	}

	static String relative(Path inbox, Path file) {
		return inbox.relativize(file).toString().replace(java.io.File.separatorChar, '/');
	}

	InboxFile inspect(Path path, String relativePath) throws IOException {
		TextEncoding text = TextEncoding.of(path);
		if (text.encoding() == null) {
			return new InboxFile(path, relativePath, text, ',', null,
					Rejection.of(Reason.NOT_TEXT, "the file holds NUL bytes or bytes that are not UTF-8, UTF-16 or GB18030"));
		}
		List<Line> lines = firstNonBlankLines(text, path);
		if (lines.isEmpty()) {
			return new InboxFile(path, relativePath, text, ',', null,
					Rejection.of(Reason.EMPTY_FILE, "the file has no header row"));
		}
		// each line that may be the header is split by its own delimiter; the first is read as a
		// record, so a header with a quoted line break reads as before
		List<List<String>> rows = new ArrayList<>();
		try (Reader reader = text.open(path);
				CsvRecordReader records = new CsvRecordReader(reader, delimiterOf(lines.get(0).text()))) {
			records.next();
			rows.add(List.copyOf(records.fields()));
		}
		for (int i = 1; i < lines.size(); i++) {
			try (CsvRecordReader records = new CsvRecordReader(new java.io.StringReader(lines.get(i).text()),
					delimiterOf(lines.get(i).text()))) {
				records.next();
				rows.add(List.copyOf(records.fields()));
			}
		}
		HeaderMatch.Found found = HeaderMatch.find(rows, this.kinds);
		Line header = lines.get(found.index());
		return new InboxFile(path, relativePath, text, delimiterOf(header.text()), found.match(),
				found.match().rejection(), header.number(), -1);
	}

	/** The most frequent of comma, tab and semicolon; a tie goes to the comma (then the tab). */
	static char delimiterOf(String headerLine) {
		int comma = 0;
		int tab = 0;
		int semicolon = 0;
		for (int i = 0; i < headerLine.length(); i++) {
			switch (headerLine.charAt(i)) {
				case ',' -> comma++;
				case '\t' -> tab++;
				case ';' -> semicolon++;
				default -> {
				}
			}
		}
		int most = Math.max(comma, Math.max(tab, semicolon));
		if (comma == most) {
			return ',';
		}
		return tab == most ? '\t' : ';';
	}

	/** A physical line of a text file and its number (1-based). */
	private record Line(long number, String text) {
	}

	/** The first lines that are not blank, as many as may hold the header. */
	private static List<Line> firstNonBlankLines(TextEncoding text, Path path) throws IOException {
		List<Line> lines = new ArrayList<>();
		try (java.io.BufferedReader reader = new java.io.BufferedReader(text.open(path))) {
			String line;
			long number = 0;
			while (lines.size() < HeaderMatch.HEADER_SEARCH_ROWS && (line = reader.readLine()) != null) {
				number++;
				if (!line.isBlank()) {
					lines.add(new Line(number, line));
				}
			}
		}
		return lines;
	}

}
