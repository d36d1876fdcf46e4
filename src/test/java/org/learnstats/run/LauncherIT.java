package org.learnstats.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnstats.support.Inbox;
import org.learnstats.support.JarRun;
import org.learnstats.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code jobs/learnstats}, the script cron and systemd start the jar with: the first run from a
 * newly extracted jar writes the class-data archive as it exits (named after its own pid: the
 * script ends in exec, so the pid is java's), the next run keeps it and maps it, and an archive
 * the JVM cannot map is removed and written again, the run going on as plain java would; a run
 * with a flight recording from the start runs the plain jar (Java 17 crashes mapping the archive
 * then).
 */
class LauncherIT {

	@TempDir
	Path tmp;

	@Test
	void theFirstRunWritesTheArchiveTheNextMapsItARecordedRunLeavesIt() throws Exception {
		Path cache = this.tmp.resolve("cache");
		Path inbox = Inbox.small(this.tmp);
		TestDatabase db = TestDatabase.postgres();
		String[] run = { "run", "--inbox", inbox.toString(), "--out", this.tmp.resolve("out").toString(),
				"--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
				"--spring.datasource.password=" };

		JarRun first = JarRun.start(this.tmp, log("first"), env(cache), concat(run, "--as-of", "2026-11-20"));
		assertThat(first.process().waitFor()).as(read("first")).isZero();
		Path folder = onlyFolder(cache);
		assertThat(folder.resolve("learnstats.jar")).isRegularFile();
		assertThat(folder.resolve("lib")).isDirectory();
		assertThat(files(folder, "classes.jsa*")).containsExactly("classes.jsa." + first.process().pid());
		assertThat(Files.size(folder.resolve("classes.jsa." + first.process().pid()))).isGreaterThan(1_000_000);
		assertThat(read("first")).doesNotContain("[cds]");

		// -Xshare:on: the JVM stops at once if it cannot map the archive
		int second = JarRun.run(this.tmp, log("second"), env(cache),
				concat(new String[] { "-Xshare:on", "-Xlog:cds=info" }, concat(run, "--as-of", "2026-11-21")));
		assertThat(second).as(read("second")).isZero();
		assertThat(files(folder, "classes.jsa*")).containsExactly("classes.jsa");
		assertThat(read("second")).contains("Mapped dynamic region").contains("exit code  0 (done)");
		assertThat(onlyFolder(cache)).isEqualTo(folder);

		// a flight recording from the start: Java 17 would crash loading the archived driver classes
		Path recording = this.tmp.resolve("night.jfr");
		int recorded = JarRun.run(this.tmp, log("recorded"), env(cache), concat(
				new String[] { "-XX:StartFlightRecording=filename=" + recording }, concat(run, "--as-of", "2026-11-22")));
		assertThat(recorded).as(read("recorded")).isZero();
		assertThat(recording).isNotEmptyFile();
		assertThat(files(folder, "classes.jsa*")).containsExactly("classes.jsa");
	}

	@Test
	void anArchiveTheJvmCannotMapIsRemovedAndWrittenAgain() throws Exception {
		Path cache = this.tmp.resolve("cache");
		JarRun.run(this.tmp, log("extract"), env(cache), "--help");
		Path folder = onlyFolder(cache);
		for (String name : files(folder, "classes.jsa*")) {
			Files.delete(folder.resolve(name));
		}
		// left by a run that died while writing it: no such process any more
		Files.writeString(folder.resolve("classes.jsa.2147483646"), "not an archive");

		JarRun help = JarRun.start(this.tmp, log("help"), env(cache), "--help");
		assertThat(help.process().waitFor()).isZero();
		assertThat(read("help")).contains("Usage: java -jar learnstats.jar");
		assertThat(files(folder, "classes.jsa*")).containsExactly("classes.jsa." + help.process().pid());
	}

	private static Map<String, String> env(Path cache) {
		return Map.of("LEARNSTATS_CACHE", cache.toString());
	}

	private static Path onlyFolder(Path cache) throws IOException {
		try (Stream<Path> folders = Files.list(cache)) {
			List<Path> all = folders.toList();
			assertThat(all).hasSize(1);
			return all.get(0);
		}
	}

	private static List<String> files(Path folder, String glob) throws IOException {
		List<String> names = new ArrayList<>();
		try (DirectoryStream<Path> found = Files.newDirectoryStream(folder, glob)) {
			found.forEach((p) -> names.add(p.getFileName().toString()));
		}
		Collections.sort(names);
		return names;
	}

	private Path log(String name) {
		return this.tmp.resolve(name + ".log");
	}

	private String read(String name) throws IOException {
		return Files.readString(log(name), StandardCharsets.UTF_8);
	}

	private static String[] concat(String[] first, String... more) {
		return Stream.concat(Stream.of(first), Stream.of(more)).toArray(String[]::new);
	}

}
