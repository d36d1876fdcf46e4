package org.learnstats.messy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnstats.support.Inbox;
import org.learnstats.support.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL an event kind's files are applied by two threads ({@code learnstats.ingest.threads},
 * run.ParallelIngest): whatever order the threads meet the files in, the store, its ledger and the
 * outputs are what one thread applying them in the scan's order leaves.
 */
class ParallelIngestTest {

	@TempDir
	Path tmp;

	/** Every night of the messy organization's two years, delivered at once: encodings, rejects, re-deliveries, quarantines. */
	@Test
	void twoThreadsLeaveTheStoreAndOutputsOneThreadLeaves() throws IOException {
		Path inbox = this.tmp.resolve("inbox");
		List<Night> nights = MessyInbox.plain(MessyNightsTest.SEED).nights();
		nights.forEach((night) -> night.deliverTo(inbox));
		LocalDate asOf = nights.get(nights.size() - 1).asOf();
		TestDatabase one = TestDatabase.create("postgresql");
		TestDatabase two = TestDatabase.create("postgresql");
		assertThat(JobLaunch.run(one, asOf, inbox, this.tmp.resolve("out-1"), "--learnstats.ingest.threads=1"))
			.isEqualTo(3);
		assertThat(JobLaunch.run(two, asOf, inbox, this.tmp.resolve("out-2"), "--learnstats.ingest.threads=2"))
			.isEqualTo(3);
		assertThat(contents(two)).isEqualTo(contents(one)).hasSizeGreaterThan(8);
		for (String file : List.of("indicators.csv", "data-quality/rejects.csv", "data-quality/open.csv", "data-quality/warnings.csv")) {
			assertThat(Files.readString(this.tmp.resolve("out-2").resolve(file))).as(file)
				.isEqualTo(Files.readString(this.tmp.resolve("out-1").resolve(file)));
		}
	}

	/**
	 * Two unit folders bring the same sign-ins, the later one dated in the next year: the two threads
	 * put them into two yearly partitions at once, and only the later delivery's rows stay.
	 */
	@Test
	void aKeyTwoThreadsBringInTwoYearsKeepsTheLaterDeliverysRow() throws IOException {
		Inbox inbox = new Inbox(this.tmp.resolve("inbox")).file("a/units.csv", """
				unit_code,unit_name,parent_code,unit_type
				ROOT,省委某部,,党委
				BR1,第一党支部,ROOT,党支部
				""");
		String header = "unit_code,session_id,session_date,session_type,duration_hours,person_id,status\n";
		for (int f = 1; f <= 40; f++) {
			StringBuilder december = new StringBuilder(header);
			StringBuilder january = new StringBuilder(header);
			for (int p = 1; p <= 3; p++) {
				december.append("BR1,S-%02d,2025-12-%02d,branch_study,2,P%d,absent\n".formatted(f, 1 + f % 28, p));
				january.append("BR1,S-%02d,2026-01-%02d,branch_study,2,P%d,present\n".formatted(f, 1 + f % 28, p));
			}
			inbox.file("b/att-%02d.csv".formatted(f), december.toString());
			inbox.file("c/att-%02d.csv".formatted(f), january.toString());
		}
		LocalDate asOf = LocalDate.of(2026, 2, 1);
		TestDatabase one = TestDatabase.create("postgresql");
		TestDatabase two = TestDatabase.create("postgresql");
		JobLaunch.run(one, asOf, inbox.dir(), this.tmp.resolve("out-1"), "--learnstats.ingest.threads=1");
		JobLaunch.run(two, asOf, inbox.dir(), this.tmp.resolve("out-2"), "--learnstats.ingest.threads=2");
		JdbcTemplate jdbc = new JdbcTemplate(two.dataSource());
		assertThat(jdbc.queryForList("SELECT DISTINCT status || ' ' || EXTRACT(YEAR FROM session_date) FROM attendance",
				String.class)).containsExactly("present 2026");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM attendance", Long.class)).isEqualTo(120);
		assertThat(contents(two)).isEqualTo(contents(one));
	}

	/** The store's rows and ledger, in a fixed order, without the times it took. */
	private static List<String> contents(TestDatabase db) {
		JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
		List<String> rows = new ArrayList<>();
		for (String table : List.of("attendance", "training", "research", "response", "unit", "person", "survey")) {
			rows.add(table + " " + jdbc.queryForObject(
					"SELECT COUNT(*) || ' ' || COALESCE(md5(string_agg(t::text, '|' ORDER BY t::text)), '-') FROM " + table
							+ " t",
					String.class));
		}
		rows.addAll(jdbc.queryForList("""
				SELECT delivery_id || '|' || sha256 || '|' || path || '|' || COALESCE(kind, '-') || '|' || rows_read
				       || '|' || rows_applied || '|' || rows_rejected || '|' || rows_skipped || '|' || unknown_persons
				       || '|' || COALESCE(file_reason, '-') || '|' || run_id
				FROM delivery ORDER BY delivery_id""", String.class));
		rows.addAll(jdbc.queryForList("""
				SELECT delivery_id || '|' || line_no || '|' || reason || '|' || COALESCE(unit_code, '-') || '|'
				       || COALESCE(detail, '-') FROM reject_row ORDER BY delivery_id, line_no""", String.class));
		rows.addAll(jdbc.queryForList("""
				SELECT delivery_id || '|' || line_no || '|' || person_id FROM person_warning
				ORDER BY delivery_id, line_no""", String.class));
		return rows;
	}

}
