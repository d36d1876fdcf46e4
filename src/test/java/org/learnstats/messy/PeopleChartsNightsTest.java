package org.learnstats.messy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.learnstats.outputs.UnitKey;
import org.learnstats.support.TestDatabase;

/**
 * The person-based charts through the real job, three nights of one month on the sample: a night
 * that brings nothing for an ended month keeps the distributions the night before read (the charts
 * folder's {@code .people}, linked) and links the charts; a late credit dated in an ended month is
 * stamped by the refresh, so the next night reads the store again and draws the root's credit
 * distribution anew. Every night's outputs are those every output part rebuilt from scratch gives.
 */
class PeopleChartsNightsTest {

	@TempDir
	Path tmp;

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void aLateCreditOfAnEndedMonthRedrawsTheDistributionsAndANightWithoutOneReadsNothing(String vendor)
			throws IOException {
		TestDatabase db = TestDatabase.create(vendor);
		Path inbox = copy(Path.of("sample-data", "inbox"), this.tmp.resolve("inbox"));
		Path out = this.tmp.resolve("out");
		SoftAssertions soft = new SoftAssertions();
		String chart = "charts/" + UnitKey.of("SWB") + "/05-credits-distribution.png";

		LocalDate first = LocalDate.of(2026, 11, 20);
		assertThat(JobLaunch.run(db, first, inbox, out)).isEqualTo(3);
		Object people1 = inode(out.resolve("charts/.people"));
		Object chart1 = inode(out.resolve(chart));
		assertThat(Files.readString(out.resolve("charts/.people"), StandardCharsets.UTF_8))
			.startsWith("people-snapshot 1 day=2026-10-31 ");

		// the next night, with a credit of the running month: the same distributions, read from .people
		Files.writeString(inbox.resolve("SWB/学时学分_补报1.csv"),
				"unit_code,record_id,person_id,course_name,course_type,credits,completed_on\n"
						+ "SWB,LATE-1,P0004,本月课程,网络培训,20,2026-11-19\n", StandardCharsets.UTF_8);
		LocalDate second = first.plusDays(1);
		assertThat(JobLaunch.run(db, second, inbox, out)).isEqualTo(3);
		Object people2 = inode(out.resolve("charts/.people"));
		assertThat(people2).as(".people kept").isEqualTo(people1);
		assertThat(inode(out.resolve(chart))).as("the distribution linked").isEqualTo(chart1);
		OutputRebuild.assertSameAsPublished(soft, db, second, out, this.tmp.resolve("rebuilt-2"), "night 2");
		byte[] before = Files.readAllBytes(out.resolve(chart));

		// a late credit of October (ended): the refresh stamps the month, the distributions are read again
		Files.writeString(inbox.resolve("SWB/学时学分_补报2.csv"),
				"unit_code,record_id,person_id,course_name,course_type,credits,completed_on\n"
						+ "SWB,LATE-2,P0004,补报课程,网络培训,20,2026-10-15\n", StandardCharsets.UTF_8);
		LocalDate third = second.plusDays(1);
		assertThat(JobLaunch.run(db, third, inbox, out)).isEqualTo(3);
		assertThat(inode(out.resolve("charts/.people"))).as(".people read again").isNotEqualTo(people2);
		assertThat(Files.readAllBytes(out.resolve(chart))).as("the root's credit distribution").isNotEqualTo(before);
		OutputRebuild.assertSameAsPublished(soft, db, third, out, this.tmp.resolve("rebuilt-3"), "night 3");
		soft.assertAll();
	}

	/** The file's identity (device and inode), which outlives the folder it was published in. */
	private static Object inode(Path file) throws IOException {
		return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
	}

	private static Path copy(Path from, Path to) throws IOException {
		try (Stream<Path> walk = Files.walk(from)) {
			for (Path p : (Iterable<Path>) walk::iterator) {
				Path target = to.resolve(from.relativize(p).toString());
				if (Files.isDirectory(p)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(p, target);
				}
			}
		}
		return to;
	}

}
