package org.learnstats.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnstats.LearnstatsApplication;
import org.learnstats.support.TestDatabase;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code pack} command without {@code --as-of} is dated as the last night (the real job over
 * {@link TinyOrganization} as of 2025-10-08), not today: it rebuilds that night's pack byte for
 * byte, dates a pack the night did not build with the night's cut-off, and refuses a quarter that
 * closed after the night (2025-Q4, long before today) as {@code --as-of 2025-10-08} does.
 */
class PackAsOfTest {

	@TempDir
	Path dir;

	private final List<String> errors = new ArrayList<>();

	@Test
	void packWithoutAsOfIsDatedAsTheLastNight() throws IOException {
		TestDatabase db = TestDatabase.h2();
		TinyOrganization.write(this.dir.resolve("inbox"));
		Path out = this.dir.resolve("out");
		assertThat(launch(db, "run", "--as-of", TinyOrganization.AS_OF.toString()))
			.isEqualTo(ExitCodes.DONE_WITH_REJECTS);
		byte[] pdf = Files.readAllBytes(out.resolve("packs/2025-Q3/pack.pdf"));
		byte[] zip = Files.readAllBytes(out.resolve("packs/2025-Q3/pack.zip"));
		String index = Files.readString(out.resolve("packs.html"));
		assertThat(index).contains(TinyOrganization.AS_OF.toString());

		// the night's pack again, and the index dated as the night, not today
		assertThat(launch(db, "pack", "--quarter", "2025-Q3")).isEqualTo(ExitCodes.DONE);
		assertThat(out.resolve("packs/2025-Q3/pack.pdf")).hasBinaryContent(pdf);
		assertThat(out.resolve("packs/2025-Q3/pack.zip")).hasBinaryContent(zip);
		assertThat(out.resolve("packs.html")).hasContent(index);

		// a branch's pack, which no night built (only committees get one): the night's cut-off
		assertThat(launch(db, "pack", "--quarter", "2025-Q3", "--unit", "SWB-BGS")).isEqualTo(ExitCodes.DONE);
		assertThat(entryDays(out.resolve("packs/2025-Q3/SWB-BGS/pack.zip"))).containsOnly(TinyOrganization.AS_OF);

		// 2025-Q4 ended before today but after the night: refused, as with --as-of the night
		assertThat(LocalDate.now()).isAfter(LocalDate.of(2026, 1, 1));
		assertThat(launch(db, "pack", "--quarter", "2025-Q4")).isEqualTo(ExitCodes.USAGE);
		assertThat(launch(db, "pack", "--quarter", "2025-Q4", "--as-of", TinyOrganization.AS_OF.toString()))
			.isEqualTo(ExitCodes.USAGE);
		assertThat(this.errors).hasSize(2)
			.containsOnly("learnstats: quarter 2025-Q4 is not closed on 2025-10-08: a pack is built once the quarter's "
					+ "last day (2025-12-31) is reached");
		assertThat(out.resolve("packs/2025-Q4")).doesNotExist();

		// every pack row of the ledger carries the night's date
		assertThat(JdbcClient.create(db.dataSource())
			.sql("SELECT as_of FROM ls_run WHERE command = 'pack' ORDER BY run_id")
			.query(LocalDate.class)
			.list()).hasSize(4).containsOnly(TinyOrganization.AS_OF);
	}

	private static List<LocalDate> entryDays(Path zip) throws IOException {
		try (ZipFile file = new ZipFile(zip.toFile())) {
			return Collections.list(file.entries())
				.stream()
				.map(ZipEntry::getTimeLocal)
				.map(LocalDateTime::toLocalDate)
				.toList();
		}
	}

	private int launch(TestDatabase db, String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of(db.springArgs()));
		all.add("--learnstats.inbox=" + this.dir.resolve("inbox"));
		all.add("--learnstats.out=" + this.dir.resolve("out"));
		SpringApplication app = new SpringApplication(LearnstatsApplication.class);
		app.setRegisterShutdownHook(false);
		PrintStream err = System.err;
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
		try {
			ConfigurableApplicationContext context = app.run(all.toArray(String[]::new));
			return SpringApplication.exit(context);
		}
		finally {
			System.setErr(err);
			bytes.toString(StandardCharsets.UTF_8).lines().filter((l) -> l.startsWith("learnstats: ")).forEach(this.errors::add);
		}
	}

}
