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
 * case of the extension) and reads what each is: hash, encoding, delimiter, kind. Files come
 * back in the order they are applied (spec section 2.2): by kind, then by the byte order of
 * their path relative to the inbox; quarantined files last, in path order.
 */
public final class InboxScanner {

	private final List<ExportKind> kinds;

	private final IngestLimits limits;

	/** A scanner with the default limits. */
	public InboxScanner(List<ExportKind> kinds) {
		this(kinds, IngestLimits.defaults());
	}

	public InboxScanner(List<ExportKind> kinds, IngestLimits limits) {
		this.kinds = kinds.stream().sorted(Comparator.comparingInt(ExportKind::order)).toList();
		this.limits = limits;
	}

	public List<InboxFile> scan(Path inbox) throws IOException {
		List<Path> paths;
		try (Stream<Path> walk = Files.walk(inbox)) {
			paths = walk.filter(Files::isRegularFile).filter(InboxScanner::isExport).toList();
		}
		// hashing and sniffing read every byte of the inbox: both cores share the files
		List<InboxFile> files;
		try {
			files = new ArrayList<>(paths.parallelStream().map((p) -> {
				try {
					return inspect(p, relative(inbox, p));
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
		if (text.size() > this.limits.maxFileSize().toBytes()) {
			return tooLarge(path, relativePath, text, "the file is " + text.size() + " bytes, more than the limit of "
					+ this.limits.maxFileSize().toBytes() + " (learnstats.ingest.max-file-size)");
		}
		int max = this.limits.maxRecordChars();
		String firstLine = firstNonBlankLine(text, path, max);
		if (firstLine == null) {
			return new InboxFile(path, relativePath, text, ',', null,
					Rejection.of(Reason.EMPTY_FILE, "the file has no header row"));
		}
		String headerTooLong = "the header row is longer than " + max + " characters (learnstats.ingest.max-record-chars)";
		if (firstLine.length() > max) {
			return tooLarge(path, relativePath, text, headerTooLong);
		}
		char delimiter = delimiterOf(firstLine);
		List<String> header;
		try (Reader reader = text.open(path); CsvRecordReader records = new CsvRecordReader(reader, delimiter, max)) {
			records.next();
			if (records.tooLong()) {
				return tooLarge(path, relativePath, text, headerTooLong);
			}
			header = List.copyOf(records.fields());
		}
		if (header.size() > this.limits.maxColumns()) {
			return tooLarge(path, relativePath, text, "the header row has " + header.size()
					+ " columns, more than the limit of " + this.limits.maxColumns() + " (learnstats.ingest.max-columns)");
		}
		HeaderMatch match = HeaderMatch.of(header, this.kinds);
		return new InboxFile(path, relativePath, text, delimiter, match, match.rejection());
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

	/** A file the scan does not read further: no header, no rows (TOO_LARGE). */
	private static InboxFile tooLarge(Path path, String relativePath, TextEncoding text, String detail) {
		return new InboxFile(path, relativePath, text, ',', null, Rejection.of(Reason.TOO_LARGE, detail));
	}

	/**
	 * The first line that is not blank, or null when there is none. Only {@code max + 1}
	 * characters of a line are kept: a longer result means the line is longer than {@code max}.
	 */
	private static String firstNonBlankLine(TextEncoding text, Path path, int max) throws IOException {
		try (java.io.BufferedReader reader = new java.io.BufferedReader(text.open(path))) {
			StringBuilder line = new StringBuilder();
			boolean blank = true;
			int c;
			while ((c = reader.read()) >= 0) {
				if (c == '\n' || c == '\r') {
					if (!blank) {
						return line.toString();
					}
					line.setLength(0);
					continue;
				}
				blank &= Character.isWhitespace(c);
				if (line.length() <= max) {
					line.append((char) c);
				}
			}
			return blank ? null : line.toString();
		}
	}

}
