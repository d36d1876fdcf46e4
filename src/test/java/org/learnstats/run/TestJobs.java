package org.learnstats.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A tiny stand-in for the nightly job, so the command line can be tested on its own: one step
 * records each {@code *.csv} of the inbox as a delivery (rows = lines after the header, rejected =
 * lines holding {@code BAD}, kind = the file name up to its first '-'), skipping files already
 * read; a file holding {@code FAIL} fails the step. Deliberately not a {@code @Configuration}, so
 * no component scan picks it up: tests add it as a source and select it with
 * {@code --learnstats.run.job=testJob}.
 */
class TestJobs {

	@Bean
	Job testJob(JobRepository jobRepository, DataSource dataSource, PlatformTransactionManager tx) {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		return new JobBuilder("testJob", jobRepository)
			.start(new StepBuilder("ingest", jobRepository).tasklet((contribution, chunk) -> {
				long runId = (Long) chunk.getStepContext().getJobParameters().get("run.id");
				Path inbox = Path.of((String) chunk.getStepContext().getJobParameters().get("inbox"));
				for (Path file : csvFiles(inbox)) {
					ingest(jdbc, runId, inbox, file);
				}
				return RepeatStatus.FINISHED;
			}, tx).build())
			.build();
	}

	static List<Path> csvFiles(Path inbox) throws IOException {
		try (Stream<Path> files = Files.walk(inbox)) {
			return files.filter((p) -> p.toString().endsWith(".csv")).sorted().toList();
		}
	}

	private static void ingest(JdbcClient jdbc, long runId, Path inbox, Path file) throws IOException {
		byte[] bytes = Files.readAllBytes(file);
		String sha = sha256(bytes);
		String path = inbox.relativize(file).toString();
		List<Long> known = jdbc.sql("SELECT delivery_id FROM delivery WHERE sha256 = ?").param(sha).query(Long.class).list();
		if (!known.isEmpty()) {
			jdbc.sql("INSERT INTO delivery_skip (run_id, path, sha256, delivery_id) VALUES (?, ?, ?, ?)")
				.params(runId, path, sha, known.get(0))
				.update();
			return;
		}
		String text = new String(bytes, StandardCharsets.UTF_8);
		if (text.contains("FAIL")) {
			throw new IllegalStateException("test job told to fail by " + path);
		}
		List<String> lines = text.lines().filter((l) -> !l.isBlank()).toList();
		long read = Math.max(0, lines.size() - 1);
		long rejected = lines.stream().skip(1).filter((l) -> l.contains("BAD")).count();
		String reason = lines.isEmpty() ? "EMPTY_FILE" : null;
		String name = file.getFileName().toString();
		String kind = (reason != null) ? null : name.substring(0, Math.max(name.indexOf('-'), 0));
		long id = jdbc.sql("SELECT COALESCE(MAX(delivery_id), 0) + 1 FROM delivery").query(Long.class).single();
		jdbc.sql("""
				INSERT INTO delivery (delivery_id, sha256, path, kind, encoding, delimiter_char, byte_size, rows_read,
				  rows_applied, rows_rejected, unknown_persons, file_reason, run_id, ingested_at, millis)
				VALUES (?, ?, ?, ?, 'UTF-8', ',', ?, ?, ?, ?, 0, ?, ?, ?, 5)""")
			.params(id, sha, path, kind, bytes.length, read, read - rejected, rejected, reason, runId,
					LocalDateTime.now())
			.update();
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
