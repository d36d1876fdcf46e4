package org.learnstats.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.learnstats.vocabulary.RejectDetail;
import org.learnstats.vocabulary.RejectDetail.Text;

/**
 * Finds the exports below an inbox (every *.csv, *.tsv and *.txt file, recursively, any letter
 * case of the extension, and every sheet of every *.xlsx and *.xls workbook: see
 * {@link WorkbookExports}) and reads what each is: hash, encoding, delimiter, kind. Files come
 * back in the order they are applied (spec section 2.2): by kind, then by the byte order of
 * their path relative to the inbox; quarantined files last, in path order.
 * <p>
 * The file system is not trusted (spec section 2): an inbox given as a symbolic link is
 * resolved; links are followed only where their target stays inside the inbox; a FIFO, device
 * or socket is never opened; a file reached through several links is read once, under its
 * first path; a file whose name the JVM cannot tell (its file name encoding is not UTF-8) or
 * that cannot be read is set aside. Each of those is reported as an {@link UnreadFile}, and
 * none stops the scan.
 */
public final class InboxScanner {

	private static final Log logger = LogFactory.getLog(InboxScanner.class);

	/** The buffer of the reader of a file's first record: a header row fits, a longer one is read on. */
	private static final int HEADER_BUFFER_CHARS = 4096;

	private final List<ExportKind> kinds;

	private final IngestLimits limits;

	private final WorkbookExports workbooks;

	/** A scanner with the default limits. */
	public InboxScanner(List<ExportKind> kinds) {
		this(kinds, IngestLimits.defaults());
	}

	public InboxScanner(List<ExportKind> kinds, IngestLimits limits) {
		this.kinds = kinds.stream().sorted(Comparator.comparingInt(ExportKind::order)).toList();
		this.limits = limits;
		this.workbooks = new WorkbookExports(this.kinds, limits);
	}

	/** What a scan found: the exports in application order, and the files it did not read. */
	public record Scan(List<InboxFile> files, List<UnreadFile> unread) {
	}

	public Scan scan(Path inbox) throws IOException {
		Path root = inbox.toRealPath();
		Walk walk = new Walk(root);
		Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, walk);
		List<UnreadFile> unread = new ArrayList<>(walk.unread);
		List<Found> found = new ArrayList<>();
		Map<Path, Found> byTarget = new HashMap<>();
		walk.found.sort(Comparator.comparing(Found::relativePath, InboxScanner::byUtf8));
		for (Found f : walk.found) {
			Found first = byTarget.putIfAbsent(f.real(), f);
			if (first != null) {
				unread.add(new UnreadFile(f.relativePath(), UnreadFile.Cause.SAME_FILE,
						"a link to " + first.relativePath() + ", which is read under that name"));
			}
			else {
				found.add(f);
			}
		}
		// hashing and sniffing read every byte of the inbox: both cores share the files; a file
		// that cannot be read is set aside, the others go on
		List<Inspected> inspected = found.parallelStream().map((f) -> {
			try {
				return new Inspected(WorkbookExports.isWorkbook(f.path())
						? this.workbooks.inspect(f.path(), f.relativePath()) : List.of(inspect(f.path(), f.relativePath())),
						null);
			}
			catch (IOException ex) {
				return new Inspected(null, UnreadFile.of(f.relativePath(), ex));
			}
			catch (UncheckedIOException ex) {
				return new Inspected(null, UnreadFile.of(f.relativePath(), ex.getCause()));
			}
		}).toList();
		List<InboxFile> files = new ArrayList<>();
		for (Inspected i : inspected) {
			if (i.files() != null) {
				files.addAll(i.files());
			}
			else {
				unread.add(i.unread());
			}
		}
		files.sort(Comparator.comparingInt(InboxScanner::rank)
			.thenComparing(InboxFile::relativePath, InboxScanner::byUtf8));
		unread.sort(Comparator.comparing(UnreadFile::path, InboxScanner::byUtf8));
		for (UnreadFile u : unread) {
			logger.warn("not read: %s: %s (%s)".formatted(u.path(), u.cause(), u.detail()));
		}
		return new Scan(files, unread);
	}

	private static int byUtf8(String a, String b) {
		return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
	}

	/** What inspecting one file gave: its exports (a workbook's sheets), or why it could not be read. */
	private record Inspected(List<InboxFile> files, UnreadFile unread) {
	}

	/** An export-named regular file inside the inbox, by the path the walk reached it. */
	private record Found(Path path, String relativePath, Path real) {
	}

	/** Walks the real inbox, following links only where they stay inside it. */
	private static final class Walk extends SimpleFileVisitor<Path> {

		private final Path root;

		private final List<Found> found = new ArrayList<>();

		private final List<UnreadFile> unread = new ArrayList<>();

		Walk(Path root) {
			this.root = root;
		}

		@Override
		public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
			if (dir.equals(this.root)) {
				return FileVisitResult.CONTINUE;
			}
			String name = relative(this.root, dir);
			if (!nameIsExact(this.root, dir, name)) {
				this.unread.add(nameUnknown(name));
				return FileVisitResult.SKIP_SUBTREE;
			}
			try {
				if (!dir.toRealPath().startsWith(this.root)) {
					this.unread.add(outside(name));
					return FileVisitResult.SKIP_SUBTREE;
				}
			}
			catch (IOException ex) {
				this.unread.add(UnreadFile.of(name, ex));
				return FileVisitResult.SKIP_SUBTREE;
			}
			return FileVisitResult.CONTINUE;
		}

		@Override
		public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
			if (!isExport(file) && !WorkbookExports.isWorkbook(file)) {
				return FileVisitResult.CONTINUE;
			}
			String name = relative(this.root, file);
			if (!nameIsExact(this.root, file, name)) {
				this.unread.add(nameUnknown(name));
				return FileVisitResult.CONTINUE;
			}
			if (attrs.isSymbolicLink()) {
				// following it failed: it leads nowhere, or into a loop of links
				this.unread.add(new UnreadFile(name, UnreadFile.Cause.BROKEN_LINK,
						"a symbolic link that leads to no file (missing target or a loop of links)"));
				return FileVisitResult.CONTINUE;
			}
			if (!attrs.isRegularFile()) {
				this.unread.add(new UnreadFile(name, UnreadFile.Cause.NOT_REGULAR,
						"not a regular file (a FIFO, device or socket): never opened"));
				return FileVisitResult.CONTINUE;
			}
			try {
				Path real = file.toRealPath();
				if (!real.startsWith(this.root)) {
					this.unread.add(outside(name));
				}
				else {
					this.found.add(new Found(file, name, real));
				}
			}
			catch (IOException ex) {
				this.unread.add(UnreadFile.of(name, ex));
			}
			return FileVisitResult.CONTINUE;
		}

		@Override
		public FileVisitResult visitFileFailed(Path file, IOException ex) {
			String name = relative(this.root, file);
			if (ex instanceof FileSystemLoopException) {
				this.unread.add(new UnreadFile(name, UnreadFile.Cause.BROKEN_LINK,
						"a symbolic link back to a folder that holds it: not followed again"));
			}
			else {
				this.unread.add(UnreadFile.of(name, ex));
			}
			return FileVisitResult.CONTINUE;
		}

		@Override
		public FileVisitResult postVisitDirectory(Path dir, IOException ex) {
			if (ex != null) {
				this.unread.add(UnreadFile.of(relative(this.root, dir), ex));
			}
			return FileVisitResult.CONTINUE;
		}

		private static UnreadFile outside(String name) {
			return new UnreadFile(name, UnreadFile.Cause.OUTSIDE_INBOX,
					"a symbolic link to a place outside the inbox: never followed");
		}

		private static UnreadFile nameUnknown(String name) {
			return new UnreadFile(name, UnreadFile.Cause.NAME_ENCODING,
					"the name is not valid in the JVM's file name encoding (sun.jnu.encoding="
							+ System.getProperty("sun.jnu.encoding")
							+ "): start the run under LANG=C.UTF-8, or rename the file in UTF-8");
		}

	}

	/**
	 * Whether {@code name} tells the file exactly: the JVM decodes a file name's bytes with its file
	 * name encoding, and a name that encoding cannot hold comes back with '?' or U+FFFD, the same
	 * text for different files. Such a name, turned back into a path, is not the path walked.
	 */
	static boolean nameIsExact(Path root, Path path, String name) {
		try {
			return root.resolve(name.replace('/', java.io.File.separatorChar)).equals(path);
		}
		catch (InvalidPathException ex) {
			return false;
		}
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
					Rejection.of(RejectDetail.NOT_TEXT));
		}
		if (text.size() > this.limits.maxFileSize().toBytes()) {
			return tooLarge(path, relativePath, text,
					RejectDetail.FILE_TOO_LARGE.text(text.size(), this.limits.maxFileSize().toBytes()));
		}
		int max = this.limits.maxRecordChars();
		List<Line> lines = firstNonBlankLines(text, path, max);
		if (lines.isEmpty()) {
			return new InboxFile(path, relativePath, text, ',', null,
					Rejection.of(RejectDetail.NO_HEADER));
		}
		// spec 2.4: the header is the first of these lines that matches a kind. Each is split by its
		// own delimiter; the first is read as a record, so a header with a quoted line break reads as
		// before. A line beyond the limits (too long, too many columns) is not split further and
		// matches no kind; when it is the first line and no later one matches, it is the header
		// judged, and the file is TOO_LARGE.
		List<List<String>> rows = new ArrayList<>();
		Text firstBeyond = null;
		for (int i = 0; i < lines.size(); i++) {
			Line line = lines.get(i);
			Text beyond = line.length() > max ? RejectDetail.HEADER_TOO_LONG.text(max) : null;
			List<String> fields = List.of();
			if (beyond == null) {
				// the first line is read from the file as a record (a quoted header may go on), the
				// others from their text; a few kilobytes of buffer read either
				try (Reader reader = (i == 0) ? text.open(path) : new java.io.StringReader(line.text());
						CsvRecordReader records = new CsvRecordReader(reader, delimiterOf(line.text()), max,
								(i == 0) ? Math.min(text.size(), HEADER_BUFFER_CHARS) : line.text().length())) {
					records.next();
					if (records.tooLong()) {
						beyond = RejectDetail.HEADER_TOO_LONG.text(max);
					}
					else if (records.fields().size() > this.limits.maxColumns()) {
						beyond = RejectDetail.HEADER_TOO_WIDE.text(records.fields().size(), this.limits.maxColumns());
					}
					else {
						fields = List.copyOf(records.fields());
					}
				}
			}
			if (i == 0) {
				firstBeyond = beyond;
			}
			rows.add(fields);
		}
		HeaderMatch.Found found = HeaderMatch.find(rows, this.kinds);
		if (found.match().kind() == null && firstBeyond != null) {
			return tooLarge(path, relativePath, text, firstBeyond);
		}
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

	/** A file the scan does not read further: no header, no rows (TOO_LARGE). */
	private static InboxFile tooLarge(Path path, String relativePath, TextEncoding text, Text detail) {
		return new InboxFile(path, relativePath, text, ',', null, Rejection.of(detail));
	}

	/**
	 * A physical line of a text file: its number (1-based), its text (only its first
	 * {@code max + 1} characters are kept) and its whole length.
	 */
	private record Line(long number, String text, long length) {
	}

	/**
	 * The first lines that are not blank, as many as may hold the header (spec 2.4). Lines end at
	 * LF, CRLF or CR, as {@link CsvRecordReader} counts them; memory stays bounded by the limit.
	 */
	private static List<Line> firstNonBlankLines(TextEncoding text, Path path, int max) throws IOException {
		List<Line> lines = new ArrayList<>();
		try (java.io.BufferedReader reader = new java.io.BufferedReader(text.open(path))) {
			StringBuilder line = new StringBuilder();
			long number = 1;
			long length = 0;
			boolean blank = true;
			boolean afterCr = false;
			while (lines.size() < HeaderMatch.HEADER_SEARCH_ROWS) {
				int c = reader.read();
				if (c == '\n' && afterCr) {
					afterCr = false;
					continue;
				}
				afterCr = c == '\r';
				if (c < 0 || c == '\n' || c == '\r') {
					if (!blank) {
						lines.add(new Line(number, line.toString(), length));
					}
					if (c < 0) {
						break;
					}
					number++;
					line.setLength(0);
					length = 0;
					blank = true;
					continue;
				}
				blank &= Character.isWhitespace(c);
				length++;
				if (line.length() <= max) {
					line.append((char) c);
				}
			}
		}
		return lines;
	}

}
