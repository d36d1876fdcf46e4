package org.learnstats.run;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnstats.LearnstatsApplication;
import org.learnstats.outputs.OutputContext;
import org.learnstats.outputs.OutputPart;
import org.learnstats.support.TestDatabase;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real nightly job over a tiny inbox, with a failure injected into each output part in turn:
 * the other parts are still built and published, the failed part keeps the previous night's files,
 * the dashboard's banner, run.json and the ledger name it, and the run exits 1. A full disk leaves
 * the published folder as it was.
 */
class OutputPartFailureTest {

	/** The label of the part that fails on the next night, "DISK_FULL" for a full disk, or null. */
	static volatile String failing;

	@TempDir
	Path dir;

	@Test
	void aFailingPartKeepsItsPreviousFilesAndWithholdsNothingElse() throws Exception {
		TestDatabase db = TestDatabase.h2();
		TinyOrganization.write(this.dir.resolve("inbox"));
		Path out = this.dir.resolve("out");
		failing = null;
		assertThat(launch(db)).isEqualTo(ExitCodes.DONE_WITH_REJECTS);
		assertThat(out.resolve("packs/2025-Q3/pack.pdf")).isNotEmptyFile();

		List<String> parts = List.of("IndicatorsCsvPart", "DataQualityPart", "RestrictedListsPart", "ChartsPart",
				"TablesPart", "PackPart", "DashboardPart", "RunReportPart");
		for (String part : parts) {
			Map<String, byte[]> before = files(out);
			failing = part;
			assertThat(launch(db)).as(part).isEqualTo(ExitCodes.FAILED);
			Map<String, byte[]> after = files(out);
			// every part's files are there: nothing was withheld
			assertThat(after.keySet()).as(part).containsAll(before.keySet());
			for (String owned : FILES.get(part)) {
				before.forEach((path, bytes) -> {
					if (path.equals(owned) || path.startsWith(owned + "/")) {
						assertThat(after.get(path)).as(part + " kept " + path).isEqualTo(bytes);
					}
				});
			}
			assertThat(after.keySet()).as(part + ": its partial file was removed").noneMatch((p) -> p.endsWith(PARTIAL));
			// the dashboard is written after every part but run.json: its banner names them all
			if (!part.equals("DashboardPart") && !part.equals("RunReportPart")) {
				assertThat(new String(after.get("index.html"), java.nio.charset.StandardCharsets.UTF_8))
					.as(part)
					.contains("部分内容本次未能重建", part + " <span class=\"note\">IllegalStateException: injected");
			}
			if (!part.equals("RunReportPart")) {
				String json = new String(after.get("run.json"), java.nio.charset.StandardCharsets.UTF_8);
				assertThat(json).as(part).contains("\"part\" : \"" + part + "\"").contains("\"exit_status\" : 1");
			}
			Map<String, Object> run = JdbcClient.create(db.dataSource())
				.sql("SELECT status, exit_code, message FROM ls_run ORDER BY run_id DESC FETCH FIRST 1 ROWS ONLY")
				.query()
				.singleRow();
			assertThat(run.get("status")).isEqualTo(RunLedger.COMPLETED);
			assertThat(((Number) run.get("exit_code")).intValue()).isEqualTo(ExitCodes.FAILED);
			assertThat((String) run.get("message")).contains("not rebuilt: " + part + " (IllegalStateException");
		}

		// a night without failures clears the banner (SWB/notes.csv is quarantined again: exit 3)
		failing = null;
		assertThat(launch(db)).isEqualTo(ExitCodes.DONE_WITH_REJECTS);
		assertThat(Files.readString(out.resolve("index.html"))).doesNotContain("部分内容本次未能重建");

		// a full disk: nothing is published, the folder stays as it was, no build is left beside it
		Map<String, byte[]> before = files(out);
		failing = "DISK_FULL";
		assertThat(launch(db)).isEqualTo(ExitCodes.FAILED);
		assertThat(files(out)).containsOnlyKeys(before.keySet());
		assertThat(files(out).get("run.json")).isEqualTo(before.get("run.json"));
		try (Stream<Path> siblings = Files.list(this.dir)) {
			assertThat(siblings.map((p) -> p.getFileName().toString()).filter((n) -> n.startsWith(".out.")))
				.hasSize(1);
		}
		assertThat(JdbcClient.create(db.dataSource())
			.sql("SELECT message FROM ls_run ORDER BY run_id DESC FETCH FIRST 1 ROWS ONLY")
			.query(String.class)
			.single()).startsWith("Outputs not published: the disk is full; " + out + " is unchanged");
		failing = null;
	}

	private int launch(TestDatabase db) {
		List<String> all = new ArrayList<>(List.of("run", "--as-of", TinyOrganization.AS_OF.toString()));
		all.addAll(List.of(db.springArgs()));
		all.add("--learnstats.inbox=" + this.dir.resolve("inbox"));
		all.add("--learnstats.out=" + this.dir.resolve("out"));
		SpringApplication app = new SpringApplication(LearnstatsApplication.class, FailingParts.class);
		app.setRegisterShutdownHook(false);
		ConfigurableApplicationContext context = app.run(all.toArray(String[]::new));
		return SpringApplication.exit(context);
	}

	private static Map<String, byte[]> files(Path out) throws IOException {
		Map<String, byte[]> files = new TreeMap<>();
		Path root = out.toRealPath();
		try (Stream<Path> all = Files.walk(root)) {
			for (Path p : all.filter(Files::isRegularFile).toList()) {
				files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
			}
		}
		return files;
	}

	@Configuration(proxyBeanMethods = false)
	static class FailingParts {

		/** Every output part, proxied (same type, same order): it fails when its label is {@link #failing}. */
		@Bean
		static BeanPostProcessor failingOutputParts() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (!(bean instanceof OutputPart part)) {
						return bean;
					}
					FILES.put(part.label(), part.files());
					ProxyFactory proxy = new ProxyFactory(bean);
					proxy.setProxyTargetClass(true);
					proxy.addAdvice((MethodInterceptor) (call) -> {
						if (!call.getMethod().getName().equals("write")) {
							return call.proceed();
						}
						OutputContext context = (OutputContext) call.getArguments()[0];
						String fail = failing;
						if ("DISK_FULL".equals(fail) && part.label().equals("ChartsPart")) {
							throw new FileSystemException(context.dir().resolve("charts").toString(), null,
									"No space left on device");
						}
						Object result = call.proceed();
						if (part.label().equals(fail)) {
							// a part that wrote half of its files, then threw
							Path first = context.dir().resolve(part.files().get(0));
							Files.writeString(Files.isDirectory(first) ? first.resolve(PARTIAL) : first, "half");
							throw new IllegalStateException("injected into " + part.label());
						}
						return result;
					});
					return proxy.getProxy();
				}
			};
		}

	}

	static final String PARTIAL = "partial-of-a-failed-part.tmp";

	static final Map<String, List<String>> FILES = new java.util.concurrent.ConcurrentHashMap<>();

}
