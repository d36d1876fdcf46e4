package org.learnstats.support;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Runs the packaged jar as cron would: through {@code jobs/learnstats} (the JVM options of
 * {@code jobs/jvm.options}, the extracted jar and its class-data archive), a child JVM, no
 * terminal, no standard input, output to a log file. The jar is {@code target/learnstats.jar},
 * built by {@code ./mvnw verify} before the *IT tests run; the extracted jar and the archive are in
 * {@code target/learnstats-cache}, shared by the tests (the first run writes the archive, the
 * others map it), unless a test sets {@code LEARNSTATS_CACHE}.
 */
public final class JarRun {

	/** The script production starts the jar with (cron, systemd): the jar runs here as it does there. */
	static final Path LAUNCHER = Path.of("jobs/learnstats").toAbsolutePath();

	static final Path CACHE = Path.of("target/learnstats-cache").toAbsolutePath();

	private final Process process;

	private final Path log;

	private JarRun(Process process, Path log) {
		this.process = process;
		this.log = log;
	}

	public static Path jar() {
		return Path.of(System.getProperty("learnstats.jar", "target/learnstats.jar")).toAbsolutePath();
	}

	/**
	 * Starts {@code jobs/learnstats -Xmx512m args...} in {@code workDir}, logging to {@code log};
	 * leading {@code -X} and {@code -D} arguments are the JVM's.
	 */
	public static JarRun start(Path workDir, Path log, String... args) throws IOException {
		return start(workDir, log, java.util.Map.of(), args);
	}

	/**
	 * The same with changes to the environment: a variable mapped to "" is removed (as cron
	 * starts a job without LANG).
	 */
	public static JarRun start(Path workDir, Path log, java.util.Map<String, String> env, String... args)
			throws IOException {
		List<String> command = new ArrayList<>(List.of(LAUNCHER.toString(), "-Xmx512m"));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().put("LEARNSTATS_JAR", jar().toString());
		builder.environment().put("JAVA", javaBin());
		builder.environment().put("LEARNSTATS_CACHE", CACHE.toString());
		env.forEach((name, value) -> {
			if (value.isEmpty()) {
				builder.environment().remove(name);
			}
			else {
				builder.environment().put(name, value);
			}
		});
		Process p = builder.directory(workDir.toFile())
			.redirectInput(Redirect.from(new File("/dev/null")))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		return new JarRun(p, log);
	}

	/** Runs to the end and returns the exit code. */
	public static int run(Path workDir, Path log, String... args) throws IOException, InterruptedException {
		return run(workDir, log, java.util.Map.of(), args);
	}

	/** Runs to the end with changes to the environment (see {@link #start(Path, Path, java.util.Map, String...)}). */
	public static int run(Path workDir, Path log, java.util.Map<String, String> env, String... args)
			throws IOException, InterruptedException {
		JarRun run = start(workDir, log, env, args);
		if (!run.process.waitFor(10, TimeUnit.MINUTES)) {
			run.process.destroyForcibly();
			throw new IllegalStateException("the jar did not finish in 10 minutes: " + log);
		}
		return run.process.exitValue();
	}

	/** Waits until a line of the log matches; false when the process ended first. */
	public boolean awaitLog(Predicate<String> line, long timeoutMillis) throws IOException, InterruptedException {
		long deadline = System.currentTimeMillis() + timeoutMillis;
		while (System.currentTimeMillis() < deadline) {
			if (Files.exists(this.log)
					&& Files.readAllLines(this.log, StandardCharsets.UTF_8).stream().anyMatch(line)) {
				return true;
			}
			if (!this.process.isAlive()) {
				return false;
			}
			Thread.sleep(20);
		}
		return false;
	}

	/** kill -9: no shutdown hook, no finally block runs. */
	public void kill9() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	public Process process() {
		return this.process;
	}

	private static String javaBin() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
