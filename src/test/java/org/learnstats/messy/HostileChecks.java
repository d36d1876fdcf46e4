package org.learnstats.messy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.learnstats.support.TestDatabase;

import org.springframework.jdbc.core.JdbcTemplate;

/** What each hostile case must leave behind besides a good night: its own rule, in one place. */
final class HostileChecks {

	private HostileChecks() {
	}

	static void after(Hostile hostile, SoftAssertions soft, TestDatabase db, Path work, Path out) throws IOException {
		JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
		String indicators = read(soft, out.resolve("indicators.csv"));
		switch (hostile) {
			case SYMLINK_OUT -> new PublishedNight(out, MessyInbox.NIGHTS.get(1)).nowhereHolds(soft, "root:x:0:0");
			case EXCEL_DAY_ZERO -> {
				List<String> lines = indicators.lines().toList();
				soft.assertThat(lines.stream().skip(1).filter((l) -> l.compareTo("2000") < 0).limit(3).toList())
					.as("periods before the programme's earliest date (2000-01-01)")
					.isEmpty();
			}
			case TINY_DURATION -> jdbc.queryForList("SELECT duration_hours FROM attendance WHERE session_id = 'TINY'",
					BigDecimal.class)
				.forEach((d) -> soft.assertThat(d.signum()).as("a duration judged > 0 is stored > 0, not " + d).isPositive());
			case CREDITS_NINES -> jdbc.queryForList("SELECT credits FROM training WHERE record_id = 'NINES'",
					BigDecimal.class)
				.forEach((c) -> soft.assertThat(c).as("credits are stored as judged").isLessThan(new BigDecimal("100")));
			case UNIT_DOT_DOT, UNIT_SLASH, UNIT_TRAVERSAL, UNIT_MARKUP, UNIT_LONG_CHINESE -> {
				soft.assertThat(entries(work)).as("nothing written outside --out").isSubsetOf(Set.of("inbox", "out"));
				soft.assertThat(entries(out.getParent().getParent())).as("nothing written beside the work folder")
					.isEqualTo(Set.of(work.getFileName().toString()));
				soft.assertThat(indicators)
					.as("the committee's subtree is reported")
					.contains("," + csvField(hostile.unitCode()) + ",central_group_compliance,");
			}
			default -> {
			}
		}
	}

	private static String read(SoftAssertions soft, Path file) throws IOException {
		if (!Files.isRegularFile(file)) {
			soft.fail("no " + file + " to check");
			return "";
		}
		return Files.readString(file);
	}

	/** The visible entries of a folder (the build-aside folders of a publication are hidden). */
	private static Set<String> entries(Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map((p) -> p.getFileName().toString())
				.filter((n) -> !n.startsWith("."))
				.collect(java.util.stream.Collectors.toCollection(TreeSet::new));
		}
	}

	private static String csvField(String v) {
		return v.contains(",") || v.contains("\"") ? '"' + v.replace("\"", "\"\"") + '"' : v;
	}

}
