package org.learnstats.outputs.dashboard;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;

import javax.imageio.ImageIO;

import org.learnstats.outputs.OutputContext;
import org.learnstats.outputs.UnitKey;
import org.learnstats.outputs.tables.TablesPart;
import org.learnstats.readmodel.ReadModels;
import org.learnstats.support.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small store for the dashboard tests: a three-level tree with a unit named like a script and
 * a unit with a Chinese code, indicator values around the as-of date, this run's deliveries
 * with rejects, warnings and a skipped re-delivery (and an older run's, which must not show),
 * events for the delivery matrix, and fake charts as the charts part would write them.
 */
final class DashboardFixture {

	static final LocalDate AS_OF = LocalDate.of(2025, 3, 15);

	static final long RUN = 7;

	static final String EVIL = "<script>alert(1)</script>";

	static final String CHINESE_CODE = "单位/甲";

	private DashboardFixture() {
	}

	static void load(TestDatabase db) {
		JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
		unit(jdbc, "ROOT", "某省委", null, "committee");
		unit(jdbc, "A", "机关党委", "ROOT", "committee");
		unit(jdbc, "X", EVIL, "ROOT", "office");
		unit(jdbc, "B1", "第一支部", "A", "branch");
		unit(jdbc, "B2", "第二支部 & \"其他\"", "A", "branch");
		unit(jdbc, CHINESE_CODE, "甲单位", "X", "office");

		value(jdbc, "2025-03", "ROOT", "attendance_rate", "12", "13", "0.9231");
		value(jdbc, "2025-02", "ROOT", "attendance_rate", "4", "5", "0.8");
		value(jdbc, "2025-03", "ROOT", "branch_study_compliance", "1", "2", "0.5");
		value(jdbc, "2025-Q1", "ROOT", "suggestion_count", "7", null, "7");
		value(jdbc, "2024-Q4", "ROOT", "suggestion_count", "9", null, "9");
		value(jdbc, "2025", "ROOT", "avg_credits", "37.5", "3", "12.5");
		value(jdbc, "2024", "ROOT", "remedial_count", "2", null, "2");
		value(jdbc, "2025-03", "B1", "attendance_rate", "1", "2", "0.5");
		// B1 missed February's goal and is behind in March and in the year (the children table)
		value(jdbc, "2025-02", "B1", "attendance_rate", "3", "5", "0.6");
		value(jdbc, "2025", "B1", "attendance_rate", "4", "7", "0.5714");

		delivery(jdbc, 1, "units/units.csv", "units", 6, 6, 0, 0, null, 6);
		delivery(jdbc, 2, "2025/考勤-3月.csv", "attendance", 10, 7, 3, 2, null, RUN);
		delivery(jdbc, 3, "junk/<img src=x onerror=alert(2)>.csv", null, 4, 0, 4, 0, "UNKNOWN_KIND", RUN);
		delivery(jdbc, 4, "training.csv", "training", 5, 5, 0, 1, null, RUN);
		reject(jdbc, 1, 3L, "units", "Q", "UNKNOWN_UNIT");
		reject(jdbc, 2, 4L, "attendance", "B1", "BAD_DATE");
		reject(jdbc, 2, 5L, "attendance", "B1", "BAD_DATE");
		reject(jdbc, 2, 9L, "attendance", "NOPE", "UNKNOWN_UNIT");
		reject(jdbc, 3, null, null, null, "UNKNOWN_KIND");
		warning(jdbc, 2, 2, "attendance", "B1", "P404");
		warning(jdbc, 2, 3, "attendance", "B1", "P404");
		warning(jdbc, 4, 2, "training", "A", "=P9");
		warning(jdbc, 1, 2, "training", "A", "OLDRUN");
		jdbc.update("INSERT INTO delivery_skip (run_id, path, sha256, delivery_id) VALUES (?, ?, ?, ?)", RUN,
				"copy/units-again.csv", "a".repeat(64), 1);

		attendance(jdbc, "B1", "S1", LocalDate.of(2025, 3, 2));
		attendance(jdbc, "B1", "S0", LocalDate.of(2025, 1, 9));
		attendance(jdbc, "B2", "S2", LocalDate.of(2025, 2, 2));
		jdbc.update("INSERT INTO training (unit_code, record_id, person_id, course_name, course_type, credits,"
				+ " completed_on, delivery_id) VALUES ('A', 'T1', 'P1', '课', 'online', 2, ?, 4)",
				Date.valueOf(LocalDate.of(2025, 3, 1)));
		// and its month, as the indicator refresh counts it (where outputs read training from)
		jdbc.update("INSERT INTO ind_training_month (unit_code, y, m, n) VALUES ('A', 2025, 3, 1)");
	}

	/** Charts as the charts part writes them: for ROOT (two) and B1 (one), none for the others. */
	static void fakeCharts(Path out) throws IOException {
		chart(out, "ROOT", "01-trend", "学习出勤率趋势", "attendance_rate");
		chart(out, "ROOT", "02-ranking", "下级单位排名 <b>", "");
		chart(out, "B1", "01-trend", "学习出勤率趋势", "attendance_rate");
	}

	static void chart(Path out, String unit, String file, String title, String indicator) throws IOException {
		Path dir = Files.createDirectories(out.resolve("charts").resolve(UnitKey.of(unit)));
		BufferedImage image = new BufferedImage(480, 300, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, 480, 300);
		g.setColor(new Color(0x9b1c1c));
		g.fillRect(40, 100, 60, 180);
		g.fillRect(140, 60, 60, 220);
		g.dispose();
		ImageIO.write(image, "png", dir.resolve(file + ".png").toFile());
		Files.writeString(dir.resolve(file + ".svg"),
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>");
		Path manifest = dir.resolve("charts.csv");
		String line = file + ",\"" + title.replace("\"", "\"\"") + "\"," + indicator + "\n";
		if (!Files.exists(manifest)) {
			Files.writeString(manifest, "file,title,indicator\n", StandardCharsets.UTF_8);
		}
		Files.writeString(manifest, line, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
	}

	/** Runs the tables and the dashboard as a run would, after fake charts. */
	static Path run(TestDatabase db, Path out) throws IOException {
		Files.createDirectories(out);
		fakeCharts(out);
		OutputContext context = new OutputContext(RUN, AS_OF, out, null, new ReadModels(db.dataSource()).open());
		new TablesPart().write(context);
		new DashboardPart().write(context);
		return out;
	}

	static void unit(JdbcTemplate jdbc, String code, String name, String parent, String type) {
		jdbc.update("INSERT INTO unit (unit_code, unit_name, parent_code, unit_type, delivery_id) VALUES (?, ?, ?, ?, 1)",
				code, name, parent, type);
	}

	static void value(JdbcTemplate jdbc, String period, String unit, String indicator, String numerator,
			String denominator, String value) {
		jdbc.update("INSERT INTO indicator_value (period, unit_code, indicator, numerator, denominator, val)"
				+ " VALUES (?, ?, ?, ?, ?, ?)", period, unit, indicator, new BigDecimal(numerator),
				(denominator != null) ? new BigDecimal(denominator) : null, new BigDecimal(value));
	}

	static void delivery(JdbcTemplate jdbc, long id, String path, String kind, long read, long applied, long rejected,
			long unknownPersons, String fileReason, long run) {
		jdbc.update("INSERT INTO delivery (delivery_id, sha256, path, kind, encoding, delimiter_char, byte_size,"
				+ " rows_read, rows_applied, rows_rejected, unknown_persons, file_reason, run_id, ingested_at, millis)"
				+ " VALUES (?, ?, ?, ?, 'UTF-8', ',', 100, ?, ?, ?, ?, ?, ?, ?, 5)", id,
				String.format("%064d", id), path, kind, read, applied, rejected, unknownPersons, fileReason, run,
				Timestamp.valueOf("2025-03-15 02:00:00"));
	}

	static void reject(JdbcTemplate jdbc, long delivery, Long line, String kind, String unit, String reason) {
		jdbc.update("INSERT INTO reject_row (delivery_id, line_no, kind, unit_code, reason, detail, raw_text)"
				+ " VALUES (?, ?, ?, ?, ?, 'd', 'raw')", delivery, line, kind, unit, reason);
	}

	static void warning(JdbcTemplate jdbc, long delivery, long line, String kind, String unit, String person) {
		jdbc.update("INSERT INTO person_warning (delivery_id, line_no, kind, unit_code, person_id) VALUES (?, ?, ?, ?, ?)",
				delivery, line, kind, unit, person);
	}

	static void attendance(JdbcTemplate jdbc, String unit, String session, LocalDate date) {
		jdbc.update("INSERT INTO attendance (unit_code, session_id, person_id, session_date, session_type,"
				+ " duration_hours, status, delivery_id) VALUES (?, ?, 'P1', ?, 'branch_study', 2, 'present', 2)", unit,
				session, Date.valueOf(date));
		// and its session, as the indicator refresh summarizes it (where outputs read attendance from)
		jdbc.update("INSERT INTO ind_att_session (unit_code, session_id, session_date, session_type, duration_hours,"
				+ " n_all, n_present) VALUES (?, ?, ?, 'branch_study', 2, 1, 1)", unit, session, Date.valueOf(date));
	}

}
