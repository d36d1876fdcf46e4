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
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code jobs/learnstats}, the script cron and systemd start the jar with: before the first night
 * from a newly extracted jar, a training run of the same command that stops once Spring is up
 * writes the class-data archive, which that night and the next map; other commands never write
 * it; what a killed training left is removed; a night with a flight recording from the start runs
 * the plain jar (Java 17 crashes mapping the archive then).
 */
class LauncherIT {

	@TempDir
	Path tmp;

	@Test
	void theFirstNightIsPrecededByATrainingRunTheNightsMapItsArchiveARecordedNightDoesNot() throws Exception {
		Path cache = this.tmp.resolve("cache");
		TestDatabase db = TestDatabase.postgres();
		String[] run = run(db);

		// -Xshare:on: the JVM stops at once if it cannot map the archive
		JarRun first = JarRun.start(this.tmp, log("first"), env(cache),
				concat(new String[] { "-Xshare:on", "-Xlog:cds=info" }, concat(run, "--as-of", "2026-11-20")));
		assertThat(first.process().waitFor()).as(read("first")).isZero();
		Path folder = onlyFolder(cache);
		assertThat(folder.resolve("learnstats.jar")).isRegularFile();
		assertThat(folder.resolve("lib")).isDirectory();
		assertThat(files(folder, "classes.jsa*")).containsExactly("classes.jsa");
		assertThat(Files.size(folder.resolve("classes.jsa"))).isGreaterThan(10_000_000);
		assertThat(read("first")).contains("Mapped dynamic region").contains("Run 1 started")
			.contains("exit code  0 (done)");
		// the training stopped once Spring was up: it started no run, and the night was run 1
		String training = Files.readString(folder.resolve("training.log"));
		assertThat(training).contains("Starting LearnstatsApplication").doesNotContain("Run 1 started");
		assertThat(new JdbcTemplate(db.dataSource()).queryForObject("SELECT COUNT(*) FROM ls_run", Long.class))
			.isEqualTo(1);

		int second = JarRun.run(this.tmp, log("second"), env(cache),
				concat(new String[] { "-Xshare:on", "-Xlog:cds=info" }, concat(run, "--as-of", "2026-11-21")));
		assertThat(second).as(read("second")).isZero();
		assertThat(read("second")).contains("Mapped dynamic region").contains("Run 2 started");
		assertThat(Files.readString(folder.resolve("training.log"))).isEqualTo(training);
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
	void onlyANightWritesTheArchiveAndWhatAKilledTrainingLeftIsRemoved() throws Exception {
		Path cache = this.tmp.resolve("cache");
		assertThat(JarRun.run(this.tmp, log("help"), env(cache), "--help")).isZero();
		assertThat(read("help")).contains("Usage: java -jar learnstats.jar");
		Path folder = onlyFolder(cache);
		assertThat(files(folder, "classes.jsa*")).isEmpty();
		// left by a training killed while writing it: no such process any more
		Files.writeString(folder.resolve("classes.jsa.2147483646"), "not an archive");

		String[] run = concat(new String[] { "-Xshare:on", "-Xlog:cds=info" },
				concat(run(TestDatabase.postgres()), "--as-of", "2026-11-20"));
		assertThat(JarRun.run(this.tmp, log("night"), env(cache), run)).as(read("night")).isZero();
		assertThat(files(folder, "classes.jsa*")).containsExactly("classes.jsa");
		assertThat(read("night")).contains("Mapped dynamic region");
	}

	@Test
	void prepareWritesTheArchiveWithoutAStoreAndTheFirstNightMapsIt() throws Exception {
		Path cache = this.tmp.resolve("cache");
		assertThat(JarRun.run(this.tmp, log("prepare"), env(cache), "prepare")).as(read("prepare")).isZero();
		Path folder = onlyFolder(cache);
		assertThat(files(folder, "classes.jsa*")).containsExactly("classes.jsa");
		assertThat(read("prepare")).contains("learnstats: prepared " + folder);
		assertThat(Files.readString(folder.resolve("training.log"))).contains("Starting LearnstatsApplication")
			.doesNotContain("Run 1 started");
		assertThat(this.tmp.resolve("data")).as("no H2 store of the working directory").doesNotExist();
		TestDatabase db = TestDatabase.postgres();
		String training = Files.readString(folder.resolve("training.log"));
		String[] night = concat(new String[] { "-Xshare:on", "-Xlog:cds=info" },
				concat(run(db), "--as-of", "2026-11-20"));
		assertThat(JarRun.run(this.tmp, log("night"), env(cache), night)).as(read("night")).isZero();
		assertThat(read("night")).contains("Mapped dynamic region").contains("Run 1 started");
		assertThat(Files.readString(folder.resolve("training.log"))).isEqualTo(training);
		// prepared already: nothing to do
		assertThat(JarRun.run(this.tmp, log("again"), env(cache), "prepare")).isZero();
		assertThat(onlyFolder(cache)).isEqualTo(folder);
	}

	private String[] run(TestDatabase db) {
		Path inbox = Inbox.small(this.tmp);
		return new String[] { "run", "--inbox", inbox.toString(), "--out", this.tmp.resolve("out").toString(),
				"--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
				"--spring.datasource.password=" };
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
