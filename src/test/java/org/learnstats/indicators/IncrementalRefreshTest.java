package org.learnstats.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSetMetaData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.learnstats.support.TestDatabase;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The incremental refresh gives exactly what a refresh from scratch gives: two stores receive the
 * same changes (rows replaced as the ingest's MERGE does, each step under a new delivery id); one
 * is refreshed incrementally step after step, the other from scratch every time, and after every
 * step indicator_value, the credit and research populations and the calendar are compared whole.
 */
class IncrementalRefreshTest {

	/** Two stores, the same changes. */
	static final class Twin {

		final JdbcTemplate inc;

		final JdbcTemplate full;

		final TargetsProperties targets = new TargetsProperties();

		final IndicatorRefresher incRefresher;

		final IndicatorRefresher fullRefresher;

		private final TransactionTemplate incTx;

		private final TransactionTemplate fullTx;

		long delivery;

		LocalDate asOf = SmallOrganization.AS_OF;

		Twin(String vendor) {
			// rows are written straight into the store up to 2027, as no run adds the year's partitions
			DataSource a = single(TestDatabase.create(vendor).eventYearsThrough(2027));
			DataSource b = single(TestDatabase.create(vendor).eventYearsThrough(2027));
			this.inc = new JdbcTemplate(a);
			this.full = new JdbcTemplate(b);
			this.incRefresher = new IndicatorRefresher(a, this.targets);
			this.fullRefresher = new IndicatorRefresher(b, this.targets);
			this.incTx = new TransactionTemplate(new DataSourceTransactionManager(a));
			this.fullTx = new TransactionTemplate(new DataSourceTransactionManager(b));
		}

		private static DataSource single(TestDatabase db) {
			SingleConnectionDataSource ds = new SingleConnectionDataSource(db.url(), db.username(), "", true);
			ds.setAutoCommit(true);
			return ds;
		}

		void both(Consumer<JdbcTemplate> change) {
			change.accept(this.inc);
			change.accept(this.full);
		}

		/** A new delivery: the rows written next carry its id. */
		long deliver() {
			long id = ++this.delivery;
			both((j) -> j.update("INSERT INTO delivery (delivery_id, sha256, path, kind, byte_size, rows_read, "
					+ "rows_applied, rows_rejected, unknown_persons, run_id, ingested_at, millis) "
					+ "VALUES (?, ?, ?, 'x', 0, 0, 0, 0, 0, 1, CURRENT_TIMESTAMP, 0)", id,
					String.format("%064d", id), "f" + id));
			return id;
		}

		void attendance(String unit, String session, String person, String on, String type, String hours,
				String status) {
			both((j) -> {
				j.update("DELETE FROM attendance WHERE unit_code = ? AND session_id = ? AND person_id = ?", unit,
						session, person);
				j.update("INSERT INTO attendance (unit_code, session_id, person_id, session_date, session_type, "
						+ "duration_hours, status, delivery_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", unit, session, person,
						Date.valueOf(on), type, new BigDecimal(hours), status, this.delivery);
			});
		}

		void training(String unit, String record, String person, String credits, String on) {
			both((j) -> {
				j.update("DELETE FROM training WHERE unit_code = ? AND record_id = ?", unit, record);
				j.update("INSERT INTO training (unit_code, record_id, person_id, course_name, course_type, credits, "
						+ "completed_on, delivery_id) VALUES (?, ?, ?, '课程', 'online', ?, ?, ?)", unit, record, person,
						new BigDecimal(credits), Date.valueOf(on), this.delivery);
			});
		}

		void research(String unit, String trip, String person, String start, String end, boolean report) {
			both((j) -> {
				j.update("DELETE FROM research WHERE unit_code = ? AND trip_id = ?", unit, trip);
				j.update("INSERT INTO research (unit_code, trip_id, person_id, start_date, end_date, topic, "
						+ "report_submitted, delivery_id) VALUES (?, ?, ?, ?, ?, '调研', ?, ?)", unit, trip, person,
						Date.valueOf(start), Date.valueOf(end), report, this.delivery);
			});
		}

		void survey(String unit, String survey, String opened, long distributed) {
			both((j) -> {
				j.update("DELETE FROM survey WHERE unit_code = ? AND survey_id = ?", unit, survey);
				j.update("INSERT INTO survey (unit_code, survey_id, title, opened_on, distributed, delivery_id) "
						+ "VALUES (?, ?, '问卷', ?, ?, ?)", unit, survey, Date.valueOf(opened), distributed,
						this.delivery);
			});
		}

		void response(String unit, String survey, String id, String on, int answered, int scoreSum,
				String suggestion) {
			both((j) -> {
				j.update("DELETE FROM response WHERE unit_code = ? AND survey_id = ? AND response_id = ?", unit, survey,
						id);
				j.update("INSERT INTO response (unit_code, survey_id, response_id, submitted_on, answered, score_sum, "
						+ "answers, suggestion, delivery_id) VALUES (?, ?, ?, ?, ?, ?, '', ?, ?)", unit, survey, id,
						Date.valueOf(on), answered, scoreSum, suggestion, this.delivery);
			});
		}

		void person(String id, String unit, String rank, String education, String born, String joined, String left,
				boolean degree) {
			both((j) -> {
				j.update("DELETE FROM person WHERE person_id = ?", id);
				j.update("INSERT INTO person (person_id, person_name, unit_code, person_rank, education, birth_date, "
						+ "joined_on, left_on, in_degree_program, delivery_id) VALUES (?, '某人', ?, ?, ?, ?, ?, ?, ?, ?)",
						id, unit, rank, education, Date.valueOf(born), SmallOrganization.date(joined),
						SmallOrganization.date(left), degree, this.delivery);
			});
		}

		void unit(String code, String parent, String type) {
			both((j) -> {
				j.update("DELETE FROM unit WHERE unit_code = ?", code);
				j.update("INSERT INTO unit (unit_code, unit_name, parent_code, unit_type, delivery_id) "
						+ "VALUES (?, '单位', ?, ?, ?)", code, parent, type, this.delivery);
			});
		}

		/**
		 * Refreshes both stores as of D (each in one transaction, as the nightly job does) and
		 * compares them whole.
		 */
		IndicatorRefresher.Outcome refresh(LocalDate d) {
			this.asOf = d;
			Map<String, List<String>> before = byPeriod(this.inc);
			IndicatorRefresher.Outcome outcome = this.incTx.execute((s) -> this.incRefresher.refresh(d, false));
			assertStamped(before, outcome);
			IndicatorRefresher.Outcome scratch = this.fullTx.execute((s) -> this.fullRefresher.refresh(d, true));
			assertThat(scratch.full()).isTrue();
			for (String query : SNAPSHOT) {
				assertThat(rows(this.inc, query)).as("%s as of %s after %s", query, d, outcome)
					.containsExactlyElementsOf(rows(this.full, query));
			}
			assertThat(outcome.total()).isEqualTo(scratch.total());
			assertThat(rows(this.inc, SNAPSHOT.get(SNAPSHOT.size() - 1))).as("training by month as of %s", d)
				.containsExactlyElementsOf(rows(this.inc, TRAINING_BY_MONTH));
			return outcome;
		}

		/**
		 * What outputs rely on ({@link PeriodChanges}): every period whose indicator values the
		 * refresh changed (or dropped) carries its new stamp.
		 */
		private void assertStamped(Map<String, List<String>> before, IndicatorRefresher.Outcome outcome) {
			Map<String, List<String>> after = byPeriod(this.inc);
			PeriodChanges changes = PeriodChanges.load(this.inc.getDataSource());
			java.util.Set<String> periods = new java.util.TreeSet<>(before.keySet());
			periods.addAll(after.keySet());
			for (String period : periods) {
				if (!java.util.Objects.equals(before.get(period), after.get(period))) {
					assertThat(changes.lastChange(List.of(period))).as("stamp of %s after %s", period, outcome)
						.isEqualTo(changes.current());
				}
			}
		}

		private static Map<String, List<String>> byPeriod(JdbcTemplate jdbc) {
			Map<String, List<String>> rows = new java.util.HashMap<>();
			for (String row : rows(jdbc, SNAPSHOT.get(0))) {
				rows.computeIfAbsent(row.substring(0, row.indexOf('|')), (k) -> new java.util.ArrayList<>()).add(row);
			}
			return rows;
		}

		/** A refresh whose transaction is rolled back (a crash before the step committed). */
		void refreshAndRollBack(LocalDate d) {
			this.incTx.executeWithoutResult((s) -> {
				this.incRefresher.refresh(d, false);
				s.setRollbackOnly();
			});
		}

	}

	static final List<String> SNAPSHOT = List.of(
			"SELECT period, unit_code, indicator, numerator, denominator, val FROM indicator_value "
					+ "ORDER BY period, unit_code, indicator",
			"SELECT period, granularity, qn, person_id, unit_code, target, credits FROM ind_person_credit "
					+ "ORDER BY period, person_id",
			"SELECT period, person_id, unit_code, target, days, reports FROM ind_person_research "
					+ "ORDER BY period, person_id",
			"SELECT period, granularity, start_date, end_date, yr, qn, closed, prev_period, age_cutoff FROM ind_period "
					+ "ORDER BY period",
			"SELECT unit_code, y, m, n FROM ind_training_month ORDER BY unit_code, y, m");

	/** The coverage grid's training counts, straight from the store's training records. */
	static final String TRAINING_BY_MONTH = """
			SELECT unit_code, CAST(EXTRACT(YEAR FROM completed_on) AS INTEGER) AS y,
			       CAST(EXTRACT(MONTH FROM completed_on) AS INTEGER) AS m, COUNT(*) AS n
			FROM training GROUP BY unit_code, CAST(EXTRACT(YEAR FROM completed_on) AS INTEGER),
			       CAST(EXTRACT(MONTH FROM completed_on) AS INTEGER)
			ORDER BY unit_code, y, m""";

	static List<String> rows(JdbcTemplate jdbc, String query) {
		return jdbc.query(query, (rs, i) -> {
			ResultSetMetaData meta = rs.getMetaData();
			StringBuilder row = new StringBuilder();
			for (int c = 1; c <= meta.getColumnCount(); c++) {
				Object v = rs.getObject(c);
				row.append((v instanceof BigDecimal b) ? IndicatorNumbers.plain(b) : String.valueOf(v)).append('|');
			}
			return row.toString();
		});
	}

	private static Twin smallOrganization(String vendor) {
		Twin twin = new Twin(vendor);
		twin.deliver();
		twin.both(SmallOrganization::load);
		return twin;
	}

	/**
	 * A year's research trips have a stamp of their own ({@link PeriodChanges#trips}): set by a full
	 * refresh and by a changed trip overlapping the year, not by D moving through the year, which
	 * stamps the year itself every night.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void aYearsTripsAreStampedWhenATripChangesNotWhenDMoves(String vendor) {
		Twin t = smallOrganization(vendor);
		LocalDate d = SmallOrganization.AS_OF;
		t.refresh(d);
		PeriodChanges full = PeriodChanges.load(t.inc.getDataSource());
		assertThat(full.lastChange(List.of(PeriodChanges.trips(2026)))).isEqualTo(full.current());

		t.refresh(d = d.plusDays(1));
		PeriodChanges moved = PeriodChanges.load(t.inc.getDataSource());
		assertThat(moved.current()).isGreaterThan(full.current());
		assertThat(moved.lastChange(List.of("2026"))).isEqualTo(moved.current());
		assertThat(moved.lastChange(List.of(PeriodChanges.trips(2026)))).isEqualTo(full.current());

		// a trip across the new year: both years' trips are stamped, and only they
		t.deliver();
		t.research("B1", "r-new-year", "p03", "2025-12-30", "2026-01-02", true);
		t.refresh(d);
		PeriodChanges trip = PeriodChanges.load(t.inc.getDataSource());
		assertThat(trip.lastChange(List.of(PeriodChanges.trips(2025)))).isEqualTo(trip.current());
		assertThat(trip.lastChange(List.of(PeriodChanges.trips(2026)))).isEqualTo(trip.current());
		assertThat(trip.lastChange(List.of(PeriodChanges.trips(2024)))).isLessThan(trip.current());
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void everyKindOfChangeGivesWhatAFullRefreshGives(String vendor) {
		Twin t = smallOrganization(vendor);
		LocalDate d = SmallOrganization.AS_OF;
		assertThat(t.refresh(d).reason()).isEqualTo("no previous refresh");

		// nothing new, same D: nothing recomputed
		IndicatorRefresher.Outcome same = t.refresh(d);
		assertThat(same.full()).isFalse();
		assertThat(same.recomputed()).isZero();
		assertThat(same.rows()).isZero();

		// the common night: one day later, that day's attendance and training
		t.deliver();
		t.attendance("B1", "bs9", "p03", "2026-05-16", "branch_study", "2", "present");
		t.attendance("B1", "bs9", "p04", "2026-05-16", "branch_study", "2", "absent");
		t.training("B1", "t20", "p03", "2", "2026-05-16");
		IndicatorRefresher.Outcome night = t.refresh(d = d.plusDays(1));
		assertThat(night.full()).isFalse();
		assertThat(night.recomputed()).as("2026-05, 2026-Q2, 2026").isEqualTo(3);

		// a session re-delivered in part to another date, type and duration (it splits in two)
		t.deliver();
		t.attendance("C1", "cg1", "p02", "2026-03-03", "lecture", "2", "late");
		t.attendance("C1", "cg1", "p06", "2026-03-03", "lecture", "2", "present");
		assertThat(t.refresh(d).full()).isFalse();
		// ... and the rest of it
		t.deliver();
		t.attendance("C1", "cg1", "p07", "2026-03-03", "lecture", "2", "absent");
		assertThat(t.refresh(d).full()).isFalse();

		// a training record moved to another person and month of the year before; credits changed
		t.deliver();
		t.training("C1", "t4", "p03", "5", "2025-11-15");
		IndicatorRefresher.Outcome moved = t.refresh(d);
		assertThat(moved.full()).isFalse();
		assertThat(moved.why()).containsKey('R'); // 2026 reads 2025's credits for remedial_count

		// a late delivery for a month before the earliest event: new periods
		t.deliver();
		t.attendance("B2", "old1", "p05", "2024-10-20", "branch_study", "1", "present");
		IndicatorRefresher.Outcome late = t.refresh(d);
		assertThat(late.full()).isFalse();
		assertThat(late.why()).containsKey('N');

		// ... re-delivered later again: the earliest event moves, periods leave the calendar
		t.deliver();
		t.attendance("B2", "old1", "p05", "2025-02-20", "branch_study", "1", "present");
		IndicatorRefresher.Outcome dropped = t.refresh(d);
		assertThat(dropped.full()).isFalse();
		assertThat(dropped.why()).containsKey('X');

		// research trips changed: across New Year, report flag, a new trip of an unknown person
		t.deliver();
		t.research("C1", "r4", "p02", "2025-12-01", "2026-01-15", false);
		t.research("P", "r9", "p01", "2026-05-01", "2026-05-16", true);
		t.research("P", "r10", "p42", "2026-05-01", "2026-05-16", true);
		assertThat(t.refresh(d).full()).isFalse();

		// surveys and responses: a new survey, a late response to an old one, a changed response
		t.deliver();
		t.survey("O1", "sv4", "2026-05-02", 5);
		t.response("O1", "sv4", "rs7", "2026-05-16", 2, 8, "好");
		t.response("B1", "sv2", "rs8", "2026-05-16", 1, 3, null);
		t.response("C1", "sv1", "rs1", "2026-04-02", 1, 1, "");
		assertThat(t.refresh(d).full()).isFalse();

		// D a month later, to a quarter's last day, past it, to the year's end and past it
		for (LocalDate next : List.of(LocalDate.of(2026, 6, 16), LocalDate.of(2026, 6, 30), LocalDate.of(2026, 7, 1),
				LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 4))) {
			t.deliver();
			t.attendance("O1", "day" + next, "p06", next.toString(), "study_day", "3", "present");
			t.training("P", "tr" + next, "p01", "6.5", next.toString());
			IndicatorRefresher.Outcome o = t.refresh(d = next);
			assertThat(o.full()).as("as of %s", next).isFalse();
			assertThat(o.why().keySet()).containsAnyOf('C', 'N');
		}

		// a crash after the refresh, before the commit: the next refresh starts from the state before
		t.deliver();
		t.training("B1", "t21", "p03", "20", "2027-01-05");
		t.refreshAndRollBack(LocalDate.of(2027, 1, 5));
		assertThat(t.refresh(d = LocalDate.of(2027, 1, 5)).full()).isFalse();

		// D moves backwards: full
		assertThat(t.refresh(d = LocalDate.of(2026, 11, 30)).reason()).startsWith("D moved back");
		assertThat(t.refresh(d = LocalDate.of(2027, 1, 5)).full()).isFalse();

		// the roster re-sent as it was: incremental; a real change of it: full
		t.deliver();
		t.person("p04", "B1", "staff", "secondary", "1990-06-01", null, null, true);
		assertThat(t.refresh(d).full()).isFalse();
		t.deliver();
		t.person("p04", "B1", "section", "secondary", "1990-06-01", null, null, true);
		assertThat(t.refresh(d).reason()).isEqualTo("roster changed");
		t.deliver();
		t.person("p42", "O1", "division", "bachelor", "1980-01-01", "2025-01-01", null, false);
		assertThat(t.refresh(d).reason()).isEqualTo("roster changed");

		// units: re-sent as they were, then a new one
		t.deliver();
		t.unit("B2", "C1", "branch");
		assertThat(t.refresh(d).full()).isFalse();
		t.deliver();
		t.unit("B3", "C1", "branch");
		t.attendance("B3", "b3s", "p42", "2027-01-05", "branch_study", "2", "present");
		assertThat(t.refresh(d).reason()).isEqualTo("units changed");

		// targets
		t.targets.getCredits().put("section", new BigDecimal("10"));
		assertThat(t.refresh(d).reason()).isEqualTo("targets changed");
		t.targets.getCentralGroup().setMinSessions(1);
		assertThat(t.refresh(d).reason()).isEqualTo("targets changed");
		assertThat(t.refresh(d).recomputed()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void aRandomSequenceOfChangesGivesWhatAFullRefreshGives(String vendor) {
		Twin t = smallOrganization(vendor);
		Random random = new Random(20261122L);
		LocalDate d = SmallOrganization.AS_OF;
		t.refresh(d);
		String[] units = { "P", "C1", "B1", "B2", "O1" };
		String[] people = { "p01", "p02", "p03", "p04", "p05", "p06", "p07", "p99" };
		String[] types = { "central_group", "branch_study", "study_day", "lecture", "other" };
		String[] statuses = { "present", "late", "excused", "absent" };
		int steps = "h2".equals(vendor) ? 60 : 25;
		int incremental = 0;
		for (int step = 0; step < steps; step++) {
			t.deliver();
			int changes = 1 + random.nextInt(6);
			for (int c = 0; c < changes; c++) {
				// mostly recent dates, sometimes late ones, now and then after D
				LocalDate on = d.minusDays(random.nextInt(4) == 0 ? random.nextInt(600) : random.nextInt(10))
					.plusDays(random.nextInt(12) == 0 ? 20 : 0);
				String unit = units[random.nextInt(units.length)];
				String person = people[random.nextInt(people.length)];
				switch (random.nextInt(10)) {
					case 0, 1, 2, 3 -> {
						String session = "s" + random.nextInt(25);
						String type = types[random.nextInt(types.length)];
						String hours = String.valueOf(4 + random.nextInt(5));
						int n = 1 + random.nextInt(3);
						for (int k = 0; k < n; k++) {
							t.attendance(unit, session, people[random.nextInt(people.length)], on.toString(), type,
									hours, statuses[random.nextInt(statuses.length)]);
						}
					}
					case 4, 5 -> t.training(unit, "r" + random.nextInt(30), person,
							random.nextInt(15) + "." + random.nextInt(10), on.toString());
					case 6 -> t.research(unit, "tr" + random.nextInt(10), person, on.toString(),
							on.plusDays(random.nextInt(40)).toString(), random.nextBoolean());
					case 7 -> t.survey(unit, "sv" + random.nextInt(5), on.toString(), random.nextInt(8));
					case 8 -> {
						List<String> surveys = new ArrayList<>(t.inc.queryForList(
								"SELECT unit_code || '/' || survey_id FROM survey ORDER BY unit_code, survey_id",
								String.class));
						String[] key = surveys.get(random.nextInt(surveys.size())).split("/");
						t.response(key[0], key[1], "x" + random.nextInt(20), on.toString(), random.nextInt(4),
								random.nextInt(16), random.nextBoolean() ? "建议" : null);
					}
					default -> {
						if (random.nextInt(3) == 0) {
							t.person(person, units[random.nextInt(units.length)], "section", "college", "1980-01-01",
									null, random.nextBoolean() ? null : on.plusDays(30).toString(), false);
						}
					}
				}
			}
			int move = random.nextInt(20);
			d = switch (move) {
				case 0 -> d.minusDays(1 + random.nextInt(40));
				case 1, 2 -> d.plusMonths(1);
				case 3 -> d.plusDays(45);
				case 4 -> d;
				default -> d.plusDays(1);
			};
			if (random.nextInt(40) == 0) {
				t.targets.getBranchStudy().setMinDays(1 + random.nextInt(3));
			}
			if (!t.refresh(d).full()) {
				incremental++;
			}
		}
		assertThat(incremental).as("incremental refreshes").isGreaterThan(steps / 2);
	}

}
