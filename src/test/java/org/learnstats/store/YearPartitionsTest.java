package org.learnstats.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.learnstats.ingest.ExportKind;
import org.learnstats.ingest.attendance.AttendanceExport;
import org.learnstats.support.Inbox;
import org.learnstats.support.TestApp;
import org.learnstats.support.TestDatabase;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Event tables partitioned by year on PostgreSQL (V76): a key delivered again with a date in
 * another year replaces its row, on the append path and the merge path alike, and the store holds
 * what H2's plain tables hold; a run adds the partitions of its as-of year.
 */
class YearPartitionsTest {

	private static final String ATT = "unit_code,session_id,session_date,session_type,duration_hours,person_id,status\n";

	private static final String TRAINING = "unit_code,record_id,person_id,course_name,course_type,credits,completed_on\n";

	private static final String RESEARCH = "unit_code,trip_id,person_id,start_date,end_date,topic,report_submitted\n";

	private static final String RESPONSES = "unit_code,survey_id,response_id,submitted_on,q1,q2,q3,suggestion\n";

	private static final String SURVEYS = "unit_code,survey_id,title,opened_on,distributed\nROOT,S1,调查,2025-12-01,10\n";

	@TempDir
	Path tmp;

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void aKeyDeliveredAgainWithADateInAnotherYearReplacesItsRow(String vendor) throws IOException {
		Inbox night1 = new Inbox(this.tmp.resolve("n1")).file("u.csv", IngestJobTest.UNITS_EN)
			.file("p.csv", IngestJobTest.PEOPLE_EN)
			.file("s.csv", SURVEYS)
			.file("a/att.csv", ATT + "BR1,S1,2025-12-30,branch_study,2,P1,present\nBR1,S1,2025-12-30,branch_study,2,P2,present\n")
			.file("t/training.csv", TRAINING + "BR1,T1,P1,课程,online,2,2025-06-01\nBR1,T2,P2,课程,online,3,2025-06-02\n")
			.file("r/research.csv", RESEARCH + "OFF1,R1,P1,2025-12-30,2025-12-31,调研,Y\n")
			.file("q/responses.csv", RESPONSES + "ROOT,S1,A1,2025-12-31,5,4,,\n");
		// night 2, one file a chunk: each correction moves its key into 2026 (a chunk of its own,
		// straight in unless the check sees the other year); x/ and y/ bring a new key twice, in 2025
		// then in 2026, in one night (y/ comes later and wins)
		Inbox night2 = new Inbox(this.tmp.resolve("n2"))
			.file("a/att.csv", ATT + "BR1,S1,2026-01-02,branch_study,3,P1,excused\nBR1,S9,2026-03-01,branch_study,2,P1,present\n")
			.file("x/att.csv", ATT + "BR1,S7,2025-11-11,branch_study,1,P2,present\n")
			.file("y/att.csv", ATT + "BR1,S7,2026-02-02,branch_study,1,P2,late\n")
			.file("t/training.csv", TRAINING + "BR1,T1,P1,课程,online,2,2026-02-01\n")
			.file("r/research.csv", RESEARCH + "OFF1,R1,P1,2026-01-05,2026-01-06,调研,N\n")
			.file("q/responses.csv", RESPONSES + "ROOT,S1,A1,2026-01-03,3,3,,\n");
		LocalDate asOf = LocalDate.of(2026, 11, 20);
		try (TestApp app = TestApp.start(TestDatabase.create(vendor), "--learnstats.ingest.files-per-chunk=1")) {
			app.run(asOf, night1.dir(), this.tmp.resolve("out"));
			app.run(asOf, night2.dir(), this.tmp.resolve("out"));
			JdbcTemplate jdbc = app.jdbc();
			assertThat(jdbc.queryForList("SELECT session_id || ' ' || person_id || ' ' || session_date || ' ' || status"
					+ " FROM attendance ORDER BY 1", String.class))
				.containsExactly("S1 P1 2026-01-02 excused", "S1 P2 2025-12-30 present", "S7 P2 2026-02-02 late",
						"S9 P1 2026-03-01 present");
			assertThat(jdbc.queryForList("SELECT record_id || ' ' || completed_on FROM training ORDER BY 1", String.class))
				.containsExactly("T1 2026-02-01", "T2 2025-06-02");
			assertThat(jdbc.queryForList("SELECT trip_id || ' ' || start_date || ' ' || report_submitted FROM research",
					String.class))
				.containsExactly("R1 2026-01-05 " + (vendor.equals("h2") ? "FALSE" : "false"));
			assertThat(jdbc.queryForList("SELECT response_id || ' ' || submitted_on || ' ' || score_sum FROM response",
					String.class))
				.containsExactly("A1 2026-01-03 6");
			if (vendor.equals("postgresql")) {
				assertThat(jdbc.queryForList("SELECT tableoid::regclass::text FROM attendance WHERE session_id IN ('S1', 'S7')"
						+ " AND session_date >= '2026-01-01'", String.class))
					.containsOnly("attendance_y2026");
			}
		}
	}

	@Test
	void theEventKindsAreTheTablesPartitionedByYearAndARunAddsItsYear() throws IOException {
		Inbox inbox = new Inbox(this.tmp.resolve("n")).file("u.csv", IngestJobTest.UNITS_EN)
			.file("a.csv", ATT + "BR1,S1,2030-02-03,branch_study,2,P1,present\n");
		try (TestApp app = TestApp.start(TestDatabase.create("postgresql"))) {
			JdbcTemplate jdbc = app.jdbc();
			List<String> partitioned = jdbc.queryForList(
					"SELECT c.relname FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid"
							+ " WHERE c.relnamespace = current_schema()::regnamespace ORDER BY 1",
					String.class);
			assertThat(partitioned).containsExactlyElementsOf(app.beans(ExportKind.class)
				.stream()
				.filter(ExportKind::appendsEvents)
				.map(ExportKind::table)
				.sorted()
				.toList());
			app.run(LocalDate.of(2031, 1, 10), inbox.dir(), this.tmp.resolve("out"));
			assertThat(jdbc.queryForObject("SELECT tableoid::regclass::text FROM attendance", String.class))
				.isEqualTo("attendance_y2030");
			for (String table : partitioned) {
				assertThat(jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class, table + "_y2031"))
					.as(table).isTrue();
			}
		}
	}


	@Test
	void theMigrationMovesAStoresEventsIntoYearlyPartitionsKeyedAsBefore() throws Exception {
		TestDatabase.requirePostgres();
		String schema = "t_v76_" + Long.toHexString(System.nanoTime());
		String url = TestDatabase.PG_BASE_URL + "?currentSchema=" + schema;
		JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url,
				TestDatabase.PG_USER, ""));
		jdbc.execute("CREATE SCHEMA " + schema);
		FluentConfiguration flyway = Flyway.configure()
			.dataSource(url, TestDatabase.PG_USER, "")
			.locations("classpath:db/migration/common", "classpath:db/migration/postgresql");
		flyway.target("75").load().migrate();
		jdbc.update("INSERT INTO attendance VALUES ('U', 'S1', 'P1', '2019-05-01', 'branch_study', 2, 'present', 1),"
				+ " ('U', 'S2', 'P1', '2025-05-01', 'branch_study', 2, 'present', 2)");
		jdbc.update("INSERT INTO training VALUES ('U', 'T1', 'P1', 'c', 'online', 2, '2024-05-01', 1)");
		flyway.target("latest").load().migrate();
		assertThat(jdbc.queryForList("SELECT tableoid::regclass::text || ' ' || session_id FROM attendance ORDER BY 1",
				String.class))
			.containsExactly("attendance_y2019 S1", "attendance_y2025 S2");
		assertThat(jdbc.queryForObject("SELECT tableoid::regclass::text FROM training", String.class))
			.isEqualTo("training_y2024");
		int thisYear = LocalDate.now().getYear();
		assertThat(jdbc.queryForObject("SELECT to_regclass('attendance_y' || ?) IS NOT NULL", Boolean.class, thisYear))
			.isTrue();
		// each partition keeps the natural key: the same key again in its year is refused
		assertThatThrownBy(() -> jdbc.update("INSERT INTO attendance VALUES ('U', 'S2', 'P1', '2025-06-01',"
					+ " 'branch_study', 1, 'late', 3)"))
			.isInstanceOf(DuplicateKeyException.class);
		jdbc.execute("DROP SCHEMA " + schema + " CASCADE");
	}


	@Test
	void afterWorkersTheEarlierDeliveryOfAKeyInTwoYearsGoes() {
		// the migration partitions from last year on: a year before that is in the _before partition
		int y = LocalDate.now().getYear();
		TestDatabase db = TestDatabase.create("postgresql");
		JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
		// what two workers leave when each appended the same key in another year before the other committed
		jdbc.update(("INSERT INTO attendance VALUES ('U', 'S1', 'P1', '%1$d-05-01', 'branch_study', 2, 'present', 1),"
				+ " ('U', 'S1', 'P1', '%2$d-05-01', 'branch_study', 2, 'late', 7),"
				+ " ('U', 'S1', 'P2', '%3$d-05-01', 'branch_study', 2, 'present', 9),"
				+ " ('U', 'S1', 'P2', '%2$d-05-01', 'branch_study', 2, 'absent', 8),"
				+ " ('U', 'S2', 'P1', '%1$d-05-01', 'branch_study', 2, 'present', 2)").formatted(y - 1, y, y - 5));
		YearPartitions partitions = new YearPartitions(db.dataSource(),
				List.of(new AttendanceExport()));
		assertThat(partitions.dropReplacedAcrossYears(new AttendanceExport(), 7))
			.isEqualTo(2);
		assertThat(jdbc.queryForList("SELECT session_id || ' ' || person_id || ' ' || status FROM attendance ORDER BY 1",
				String.class))
			.containsExactly("S1 P1 late", "S1 P2 present", "S2 P1 present");
	}

}
