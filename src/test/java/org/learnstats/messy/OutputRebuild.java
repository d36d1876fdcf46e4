package org.learnstats.messy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.learnstats.LearnstatsApplication;
import org.learnstats.outputs.OutputContext;
import org.learnstats.outputs.OutputPart;
import org.learnstats.readmodel.ReadModels;
import org.learnstats.run.OutputParts;
import org.learnstats.support.TestDatabase;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outputs' twin: every output part of the job, in the job's order, rebuilt from the store as it
 * is into an empty folder (no published folder to carry charts or packs over from, no previous
 * fingerprints trusted) for the last run, must give the same bytes as the night's incremental build.
 */
final class OutputRebuild {

	/** Files that tell about the run that wrote them (its timings), not about the store. */
	private static final List<String> ABOUT_THE_RUN = List.of("run.json");

	private OutputRebuild() {
	}

	static void assertSameAsPublished(SoftAssertions soft, TestDatabase db, LocalDate asOf, Path published, Path rebuilt,
			String night) {
		long runId = new JdbcTemplate(db.dataSource()).queryForObject("SELECT MAX(run_id) FROM ls_run WHERE as_of = ?",
				Long.class, java.sql.Date.valueOf(asOf));
		List<String> args = new ArrayList<>(List.of("status"));
		args.addAll(List.of(db.springArgs()));
		SpringApplication app = new SpringApplication(LearnstatsApplication.class);
		app.setRegisterShutdownHook(false);
		try (ConfigurableApplicationContext context = app.run(args.toArray(String[]::new))) {
			OutputContext output = new OutputContext(runId, asOf, Files.createDirectories(rebuilt), null,
					context.getBean(ReadModels.class).open());
			for (OutputPart part : context.getBean(OutputParts.class).inOrder()) {
				part.write(output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<String, byte[]> incremental = files(published);
		Map<String, byte[]> scratch = files(rebuilt);
		soft.assertThat(incremental.keySet()).as(night + ": files of the night = files rebuilt from scratch")
			.containsExactlyElementsOf(scratch.keySet());
		incremental.forEach((name, bytes) -> {
			if (!ABOUT_THE_RUN.contains(name) && scratch.containsKey(name)) {
				soft.assertThat(bytes).as(night + ": " + name + " of the night = rebuilt from scratch")
					.isEqualTo(scratch.get(name));
			}
		});
	}

	/** Every regular file below a folder (links followed), by its path relative to it. */
	private static Map<String, byte[]> files(Path root) {
		Map<String, byte[]> files = new TreeMap<>();
		try (Stream<Path> walk = Files.walk(root.toRealPath())) {
			Path real = root.toRealPath();
			for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
				files.put(real.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return files;
	}

}
