package org.learnstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.learnstats.ingest.UnreadFile.Cause;
import org.learnstats.support.Inbox;

/** The inbox as a file system: links, special files, unreadable files and names (spec section 2). */
class InboxScannerTest {

	static final String UNITS = "unit_code,unit_name,parent_code,unit_type\nROOT,省委某部,,党委\n";

	static final String PEOPLE = "person_id,name,unit_code,rank,education,birth_date\nP1,张伟,ROOT,科员,本科,1980-01-01\n";

	@TempDir
	Path tmp;

	private final InboxScanner scanner = new InboxScanner(Kinds.ALL);

	@Test
	void anInboxGivenAsASymbolicLinkIsResolved() throws IOException {
		Inbox inbox = new Inbox(this.tmp.resolve("real")).file("u/units.csv", UNITS);
		Path link = Files.createSymbolicLink(this.tmp.resolve("inbox"), inbox.dir());
		InboxScanner.Scan scan = this.scanner.scan(link);
		assertThat(scan.files()).extracting(InboxFile::relativePath).containsExactly("u/units.csv");
		assertThat(scan.unread()).isEmpty();
	}

	@Test
	void linksAreFollowedOnlyInsideTheInboxAndEveryOtherIsReported() throws IOException {
		Inbox outside = new Inbox(this.tmp.resolve("etc")).file("passwd", "root:x:0:0:root:/root:/bin/bash\n")
			.file("secret/people.csv", PEOPLE);
		Inbox inbox = new Inbox(this.tmp.resolve("inbox")).file("units/units.csv", UNITS);
		Files.createSymbolicLink(inbox.dir().resolve("passwd.csv"), outside.dir().resolve("passwd"));
		Files.createSymbolicLink(inbox.dir().resolve("elsewhere"), outside.dir().resolve("secret"));
		// a unit folder linked from inside the inbox is followed; a file linked inside too
		Files.createDirectories(inbox.dir().resolve("people"));
		Files.writeString(inbox.dir().resolve("people/roster.csv"), PEOPLE);
		Files.createSymbolicLink(inbox.dir().resolve("unit-b"), inbox.dir().resolve("people"));
		Files.createSymbolicLink(inbox.dir().resolve("units-link.csv"), Path.of("units/units.csv"));
		InboxScanner.Scan scan = this.scanner.scan(inbox.dir());
		// the same file reached twice is read once, under its first path in byte order
		assertThat(scan.files()).extracting(InboxFile::relativePath)
			.containsExactly("units-link.csv", "people/roster.csv");
		assertThat(scan.unread()).extracting(UnreadFile::path, UnreadFile::cause)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("elsewhere", Cause.OUTSIDE_INBOX),
					org.assertj.core.groups.Tuple.tuple("passwd.csv", Cause.OUTSIDE_INBOX),
					org.assertj.core.groups.Tuple.tuple("unit-b/roster.csv", Cause.SAME_FILE),
					org.assertj.core.groups.Tuple.tuple("units/units.csv", Cause.SAME_FILE));
		assertThat(scan.unread().get(3).detail()).contains("units-link.csv");
	}

	@Test
	@Timeout(value = 30, unit = TimeUnit.SECONDS)
	void linkLoopsEndTheWalkAndAreReported() throws IOException {
		Inbox inbox = new Inbox(this.tmp.resolve("inbox")).file("a/units.csv", UNITS);
		Files.createSymbolicLink(inbox.dir().resolve("a/up"), inbox.dir());
		Files.createSymbolicLink(inbox.dir().resolve("x.csv"), inbox.dir().resolve("y.csv"));
		Files.createSymbolicLink(inbox.dir().resolve("y.csv"), inbox.dir().resolve("x.csv"));
		Files.createSymbolicLink(inbox.dir().resolve("gone.csv"), inbox.dir().resolve("nothing.csv"));
		InboxScanner.Scan scan = this.scanner.scan(inbox.dir());
		assertThat(scan.files()).extracting(InboxFile::relativePath).containsExactly("a/units.csv");
		assertThat(scan.unread()).extracting(UnreadFile::path, UnreadFile::cause)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("a/up", Cause.BROKEN_LINK),
					org.assertj.core.groups.Tuple.tuple("gone.csv", Cause.BROKEN_LINK),
					org.assertj.core.groups.Tuple.tuple("x.csv", Cause.BROKEN_LINK),
					org.assertj.core.groups.Tuple.tuple("y.csv", Cause.BROKEN_LINK));
	}

	@Test
	@Timeout(value = 30, unit = TimeUnit.SECONDS)
	void aFifoNamedLikeAnExportIsNeverOpened() throws Exception {
		Inbox inbox = new Inbox(this.tmp.resolve("inbox")).file("units.csv", UNITS);
		Process mkfifo = new ProcessBuilder("mkfifo", inbox.dir().resolve("x.csv").toString()).start();
		assertThat(mkfifo.waitFor()).isZero();
		InboxScanner.Scan scan = this.scanner.scan(inbox.dir());
		assertThat(scan.files()).extracting(InboxFile::relativePath).containsExactly("units.csv");
		assertThat(scan.unread()).singleElement()
			.satisfies((u) -> assertThat(u.cause()).isEqualTo(Cause.NOT_REGULAR))
			.satisfies((u) -> assertThat(u.path()).isEqualTo("x.csv"));
	}

	@Test
	void aNameTheJvmCannotTellIsSetAsideNotMangled() throws Exception {
		Inbox inbox = new Inbox(this.tmp.resolve("inbox")).file("units.csv", UNITS);
		gbkNamedFile(inbox);
		InboxScanner.Scan scan = this.scanner.scan(inbox.dir());
		assertThat(scan.files()).extracting(InboxFile::relativePath).containsExactly("units.csv");
		assertThat(scan.unread()).singleElement().satisfies((u) -> {
			assertThat(u.cause()).isEqualTo(Cause.NAME_ENCODING);
			assertThat(u.detail()).contains("sun.jnu.encoding=").contains("LANG=C.UTF-8");
		});
	}

	/**
	 * Under cron's empty locale the JVM decodes file names as ASCII: a Chinese name comes back as
	 * U+FFFD. The scan, in such a JVM, neither mangles nor orders by that text: it sets the file aside.
	 */
	@Test
	void underAnAsciiLocaleChineseNamesAreSetAsideNotMangled() throws Exception {
		Inbox inbox = new Inbox(this.tmp.resolve("inbox")).file("units.csv", UNITS).file("学习/人员.csv", PEOPLE);
		ProcessBuilder java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), InboxScannerTest.class.getName(), inbox.dir().toString());
		java.environment().keySet().removeIf((k) -> k.startsWith("LC_") || k.equals("LANG"));
		java.redirectErrorStream(true);
		Process child = java.start();
		String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
		assertThat(child.waitFor()).as(out).isZero();
		assertThat(out).contains("jnu=ANSI_X3.4-1968").contains("file units.csv").contains("unread NAME_ENCODING");
		assertThat(out.lines().filter((l) -> l.startsWith("file "))).as(out).containsExactly("file units.csv");
	}

	/** For the test above: scans an inbox in a JVM started without a locale, prints what it found. */
	public static void main(String[] args) throws IOException {
		System.out.println("jnu=" + System.getProperty("sun.jnu.encoding"));
		InboxScanner.Scan scan = new InboxScanner(Kinds.ALL).scan(Path.of(args[0]));
		scan.files().forEach((f) -> System.out.println("file " + f.relativePath()));
		scan.unread().forEach((u) -> System.out.println("unread " + u.cause()));
	}

	/** 中文.csv with its name in GBK bytes, as a zip made on Windows unpacks: not UTF-8. */
	private static void gbkNamedFile(Inbox inbox) throws Exception {
		Process touch = new ProcessBuilder("sh", "-c",
				"printf '%s' \"$1\" > \"$2/$(printf '\\326\\320\\316\\304.csv')\"", "sh", PEOPLE,
				inbox.dir().toString())
			.start();
		assertThat(touch.waitFor()).isZero();
		try (var files = Files.list(inbox.dir())) {
			assertThat(files.count()).isEqualTo(2);
		}
	}

	@Test
	void aFileThatCannotBeReadDoesNotStopTheScan() throws IOException {
		assumeThat(System.getProperty("user.name")).as("root reads a file of mode 000").isNotEqualTo("root");
		Inbox inbox = new Inbox(this.tmp.resolve("inbox")).file("units.csv", UNITS).file("people.csv", PEOPLE);
		Files.setPosixFilePermissions(inbox.dir().resolve("people.csv"), PosixFilePermissions.fromString("---------"));
		InboxScanner.Scan scan = this.scanner.scan(inbox.dir());
		assertThat(scan.files()).extracting(InboxFile::relativePath).containsExactly("units.csv");
		assertThat(scan.unread()).extracting(UnreadFile::cause).containsExactly(Cause.UNREADABLE);
	}

	@Test
	void readingAFileThatChangedSinceTheScanFails() throws IOException {
		Inbox inbox = new Inbox(this.tmp.resolve("inbox")).file("people.csv", PEOPLE);
		InboxFile file = this.scanner.scan(inbox.dir()).files().get(0);
		Files.writeString(file.path(), PEOPLE.replace("张伟", "李娜"));
		assertThatThrownBy(() -> readAll(file)).isInstanceOf(UnreadFile.FileChangedException.class)
			.hasMessageContaining("other bytes");
		Files.writeString(file.path(), PEOPLE + "P2,李娜,ROOT,科员,本科,1980-01-01\n");
		assertThatThrownBy(() -> readAll(file)).isInstanceOf(UnreadFile.FileChangedException.class)
			.hasMessageContaining("bytes read");
		Files.writeString(file.path(), PEOPLE);
		assertThat(readAll(file)).isEqualTo(PEOPLE);
		assertThat(UnreadFile.of("people.csv", new java.nio.file.NoSuchFileException("x")).cause())
			.isEqualTo(Cause.UNREADABLE);
		assertThat(UnreadFile.of("people.csv", new java.nio.charset.MalformedInputException(1)).cause())
			.isEqualTo(Cause.CHANGED);
	}

	@Test
	void filesAreOrderedByTheUtf8BytesOfTheirPath() throws IOException {
		Inbox inbox = new Inbox(this.tmp.resolve("inbox")).file("单位/b.csv", PEOPLE)
			.file("Z/a.csv", PEOPLE.replace("P1", "P2"))
			.file("z/a.csv", PEOPLE.replace("P1", "P3"))
			.file("\uD83D\uDE00/a.csv", PEOPLE.replace("P1", "P4"))
			.file("\uFF21/a.csv", PEOPLE.replace("P1", "P5"));
		List<String> paths = this.scanner.scan(inbox.dir()).files().stream().map(InboxFile::relativePath).toList();
		// UTF-16 order would put the emoji (a surrogate pair, 0xD83D) before U+FF21; UTF-8 puts it after
		assertThat(paths).containsExactly("Z/a.csv", "z/a.csv", "单位/b.csv", "\uFF21/a.csv", "\uD83D\uDE00/a.csv");
	}

	private static String readAll(InboxFile file) throws IOException {
		try (Reader reader = file.text().open(file.path())) {
			StringBuilder text = new StringBuilder();
			char[] buf = new char[7];
			int n;
			while ((n = reader.read(buf)) > 0) {
				text.append(buf, 0, n);
			}
			return text.toString();
		}
	}

}
