package org.learnstats.outputs.pack;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import org.learnstats.indicators.IndicatorCatalog;
import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.indicators.IndicatorDefinition.Type;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A realistic little province for pack tests: a root, a dozen top units with branches below,
 * people, dated rows of every kind, deliveries with rejects, and indicator values of the roots and
 * top units for every quarter and year (the indicators engineer fills indicator_value in the real
 * flow; here plausible values are inserted directly, from a fixed seed).
 */
final class SampleStore {

	static final String ROOT = "R";

	static final String ROOT_NAME = "省直机关工委";

	static final String[] TOP = { "省发展和改革委员会党组", "省教育厅党组", "省财政厅党组", "省人力资源和社会保障厅党组", "省自然资源厅党组",
			"省生态环境厅党组", "省住房和城乡建设厅党组", "省交通运输厅党组", "省农业农村厅党组", "省卫生健康委员会党组",
			"省市场监督管理局（省知识产权局）党组", "省统计局党组" };

	private final JdbcTemplate jdbc;

	private final Random random = new Random(20250930L);

	private final List<String> topCodes = new ArrayList<>();

	private final List<String[]> units = new ArrayList<>();

	SampleStore(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/** Fills the store with data from the first day of {@code from} to {@code to}, both quarters included. */
	SampleStore fill(Quarter from, Quarter to, String... extraTopNames) {
		unit(ROOT, ROOT_NAME, null, "committee");
		List<String> names = new ArrayList<>(List.of(TOP));
		names.addAll(List.of(extraTopNames));
		for (int i = 0; i < names.size(); i++) {
			String code = String.format("T%02d", i + 1);
			this.topCodes.add(code);
			unit(code, names.get(i), ROOT, "committee");
			unit(code + "-B1", "机关第一党支部", code, "branch");
			unit(code + "-B2", "机关第二党支部", code, "branch");
			unit(code + "-O", "办公室", code, "office");
		}
		people();
		long run = 1;
		for (Quarter q = from; q.compareTo(to) <= 0; q = q.next()) {
			events(q);
			for (int m = 0; m < 3; m++) {
				deliveries(run++, q.firstDay().plusMonths(m).plusDays(7));
			}
		}
		values(from, to);
		return this;
	}

	List<String> topCodes() {
		return this.topCodes;
	}

	/**
	 * Stamps periods as an indicator refresh that recomputed them would ({@code ind_period_change}):
	 * the tests change the store directly, where a night's refresh stamps what it recomputes.
	 */
	static void refreshed(JdbcTemplate jdbc, String... periods) {
		Long last = jdbc.queryForObject("SELECT MAX(changed_seq) FROM ind_period_change", Long.class);
		long next = (last == null) ? 1 : last + 1;
		for (String period : periods) {
			jdbc.update("DELETE FROM ind_period_change WHERE period = ?", period);
			jdbc.update("INSERT INTO ind_period_change (period, changed_seq, present) VALUES (?, ?, TRUE)", period, next);
		}
	}

	private void unit(String code, String name, String parent, String type) {
		this.jdbc.update("INSERT INTO unit (unit_code, unit_name, parent_code, unit_type, delivery_id) VALUES (?,?,?,?,1)",
				code, name, parent, type);
		this.units.add(new String[] { code, type });
	}

	private void people() {
		String[] ranks = { "bureau", "division", "division", "section", "section", "staff" };
		String[] edu = { "postgraduate", "bachelor", "bachelor", "college", "secondary" };
		int n = 0;
		for (String[] u : this.units) {
			for (int i = 0; i < 4; i++) {
				n++;
				this.jdbc.update("""
						INSERT INTO person (person_id, person_name, unit_code, person_rank, education, birth_date,
						    joined_on, left_on, in_degree_program, delivery_id) VALUES (?,?,?,?,?,?,?,?,?,1)""",
						String.format("P%04d", n), "人员" + n, u[0], ranks[this.random.nextInt(ranks.length)],
						edu[this.random.nextInt(edu.length)], Date.valueOf(LocalDate.of(1965 + this.random.nextInt(35), 3, 1)),
						Date.valueOf(LocalDate.of(2010, 1, 1)), null, this.random.nextInt(10) == 0);
			}
		}
	}

	private void events(Quarter q) {
		int n = 0;
		for (String[] u : this.units) {
			String code = u[0];
			if (!"office".equals(u[1]) && this.random.nextInt(10) < 9) {
				for (int s = 0; s < 3; s++) {
					this.jdbc.update("""
							INSERT INTO attendance (unit_code, session_id, person_id, session_date, session_type,
							    duration_hours, status, delivery_id) VALUES (?,?,?,?,?,?,?,1)""", code,
							q.id() + "-S" + s, "P0001", Date.valueOf(q.firstDay().plusDays(10 + 25 * s)),
							"committee".equals(u[1]) ? "central_group" : "branch_study", new BigDecimal("6"), "present");
					// and its session, as the indicator refresh summarizes it (where the pack reads attendance from)
					this.jdbc.update("""
							INSERT INTO ind_att_session (unit_code, session_id, session_date, session_type, duration_hours,
							    n_all, n_present) VALUES (?,?,?,?,?,1,1)""", code, q.id() + "-S" + s,
							Date.valueOf(q.firstDay().plusDays(10 + 25 * s)),
							"committee".equals(u[1]) ? "central_group" : "branch_study", new BigDecimal("6"));
				}
			}
			if (this.random.nextInt(10) < 7) {
				this.jdbc.update("""
						INSERT INTO training (unit_code, record_id, person_id, course_name, course_type, credits,
						    completed_on, delivery_id) VALUES (?,?,?,?,?,?,?,1)""", code, q.id() + "-" + (n++), "P0002",
						"专题培训", "online", new BigDecimal("3"), Date.valueOf(q.firstDay().plusDays(20)));
			}
			if ("committee".equals(u[1]) && this.random.nextInt(10) < 6) {
				this.jdbc.update("""
						INSERT INTO research (unit_code, trip_id, person_id, start_date, end_date, topic,
						    report_submitted, delivery_id) VALUES (?,?,?,?,?,?,?,1)""", code, q.id() + "-R",
						personOf(code), Date.valueOf(q.firstDay().plusDays(5)),
						Date.valueOf(q.firstDay().plusDays(5 + this.random.nextInt(20))), "基层调研", true);
			}
			if ("committee".equals(u[1]) && this.random.nextInt(10) < 5) {
				this.jdbc.update("""
						INSERT INTO survey (unit_code, survey_id, title, opened_on, distributed, delivery_id)
						VALUES (?,?,?,?,?,1)""", code, q.id() + "-V", "学习满意度调查", Date.valueOf(q.firstDay().plusDays(30)),
						40);
				this.jdbc.update("""
						INSERT INTO response (unit_code, survey_id, response_id, submitted_on, answered, score_sum,
						    answers, suggestion, delivery_id) VALUES (?,?,?,?,?,?,?,?,1)""", code, q.id() + "-V", "A1",
						Date.valueOf(q.firstDay().plusDays(33)), 2, 9, "q1=4;q2=5", null);
			}
		}
	}

	private String personOf(String unitCode) {
		return this.jdbc.queryForObject("SELECT MIN(person_id) FROM person WHERE unit_code = ?", String.class, unitCode);
	}

	private void deliveries(long run, LocalDate asOf) {
		this.jdbc.update("""
				INSERT INTO ls_run (run_id, command, as_of, started_at, status) VALUES (?,?,?,?,?)""", run, "run",
				Date.valueOf(asOf), Timestamp.valueOf(asOf.atTime(2, 0)), "done");
		String[] kinds = { "attendance", "training", "research", "surveys", "responses" };
		String[] reasons = { "BAD_DATE", "MISSING_VALUE", "UNKNOWN_UNIT", "DUPLICATE_KEY", "OUT_OF_RANGE" };
		for (int k = 0; k < kinds.length; k++) {
			long id = run * 100 + k;
			int read = 200 + this.random.nextInt(300);
			int rejected = this.random.nextInt(4) == 0 ? 0 : this.random.nextInt(6);
			this.jdbc.update("""
					INSERT INTO delivery (delivery_id, sha256, path, kind, encoding, delimiter_char, byte_size,
					    rows_read, rows_applied, rows_rejected, unknown_persons, file_reason, run_id, ingested_at, millis)
					VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""", id, String.format("%064d", id), kinds[k] + "-" + run + ".csv",
					kinds[k], "UTF-8", ",", 1000L, read, read - rejected, rejected, 0, null, run,
					Timestamp.valueOf(asOf.atTime(2, 0)), 10);
			for (int r = 0; r < rejected; r++) {
				this.jdbc.update("""
						INSERT INTO reject_row (delivery_id, line_no, kind, unit_code, reason, detail, raw_text)
						VALUES (?,?,?,?,?,?,?)""", id, r + 2L, kinds[k], "T01", reasons[this.random.nextInt(reasons.length)],
						"detail", "raw");
			}
		}
	}

	private void values(Quarter from, Quarter to) {
		List<String> scopes = new ArrayList<>();
		scopes.add(ROOT);
		scopes.addAll(this.topCodes);
		for (String unit : scopes) {
			double skill = this.random.nextDouble();
			int people = ROOT.equals(unit) ? 1800 : 90 + this.random.nextInt(120);
			int step = 0;
			for (Quarter q = from; q.compareTo(to) <= 0; q = q.next()) {
				step++;
				for (IndicatorDefinition d : IndicatorCatalog.ALL) {
					if (d.computedFor('Q')) {
						value(q.id(), unit, d, skill, step, people, q.number());
					}
				}
				if (q.number() == 4 || q.equals(to)) {
					for (IndicatorDefinition d : IndicatorCatalog.ALL) {
						if (d.computedFor('Y')) {
							value(Integer.toString(q.year()), unit, d, skill, step, people, 4);
						}
					}
				}
			}
		}
	}

	private void value(String period, String unit, IndicatorDefinition d, double skill, int step, int people,
			int quarterNumber) {
		double trend = 0.012 * step;
		long den;
		double share;
		switch (d.id()) {
			case "central_group_compliance" -> {
				den = ROOT.equals(unit) ? 13 : 1;
				share = Math.min(1, 0.55 + 0.3 * skill + trend + noise(0.1));
			}
			case "survey_response_rate" -> {
				den = ROOT.equals(unit) ? 2400 : 160;
				share = Math.min(1, 0.62 + 0.2 * skill + trend + noise(0.05));
			}
			case "bachelor_rate" -> {
				den = people;
				share = 0.6 + 0.2 * skill + trend / 4;
			}
			case "college_rate" -> {
				den = people;
				share = 0.85 + 0.1 * skill + trend / 6;
			}
			default -> {
				den = ROOT.equals(unit) ? 12000 : 800;
				share = Math.min(1, 0.78 + 0.12 * skill + trend + noise(0.04));
			}
		}
		BigDecimal num;
		BigDecimal denominator;
		BigDecimal val;
		if (d.type() == Type.RATE) {
			if (d.id().startsWith("credit") || d.id().startsWith("research")) {
				den = people;
			}
			denominator = BigDecimal.valueOf(den);
			num = BigDecimal.valueOf(Math.round(Math.max(0, share) * den));
			val = num.divide(denominator, 4, RoundingMode.HALF_UP);
		}
		else if (d.type() == Type.MEAN) {
			denominator = BigDecimal.valueOf(d.id().equals("satisfaction_mean") ? people * 5L : people);
			double mean = switch (d.id()) {
				case "avg_credits" -> (3.5 + 1.5 * skill) * quarterNumber + noise(0.8);
				case "avg_research_days" -> 35 + 30 * skill + noise(5);
				default -> 3.8 + 0.8 * skill + trend / 3 + noise(0.1);
			};
			num = BigDecimal.valueOf(mean).multiply(denominator).setScale(0, RoundingMode.HALF_UP);
			val = num.divide(denominator, 4, RoundingMode.HALF_UP);
		}
		else {
			denominator = null;
			int base = switch (d.id()) {
				case "remedial_count" -> ROOT.equals(unit) ? 14 : this.random.nextInt(3);
				case "under_age_limit_without_college" -> ROOT.equals(unit) ? 40 : this.random.nextInt(6);
				case "degree_program_count" -> ROOT.equals(unit) ? 85 : 3 + this.random.nextInt(8);
				default -> ROOT.equals(unit) ? 300 + this.random.nextInt(60) : 10 + this.random.nextInt(30);
			};
			num = BigDecimal.valueOf(base);
			val = num;
		}
		this.jdbc.update("""
				INSERT INTO indicator_value (period, unit_code, indicator, numerator, denominator, val)
				VALUES (?,?,?,?,?,?)""", period, unit, d.id(), num, denominator, val);
	}

	private double noise(double amplitude) {
		return (this.random.nextDouble() * 2 - 1) * amplitude;
	}

}
