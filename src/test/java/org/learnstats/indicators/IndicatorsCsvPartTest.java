package org.learnstats.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.learnstats.outputs.OutputContext;
import org.learnstats.outputs.tables.IndicatorsCsvPart;
import org.learnstats.readmodel.ReadModels;
import org.learnstats.support.TestDatabase;

import org.springframework.jdbc.core.JdbcTemplate;

class IndicatorsCsvPartTest {

	@TempDir
	Path dir;

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void writesHeaderOrdinalOrderAndPlainNumbers(String vendor) throws Exception {
		TestDatabase db = TestDatabase.create(vendor);
		JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
		// inserted in an order that is neither ordinal nor linguistic
		insert(jdbc, "2026", "b1", "suggestion_count", "12.000000", null, "12");
		insert(jdbc, "2025-Q1", "a10", "avg_credits", "36.250000", "1", "36.25");
		insert(jdbc, "2025-10", "A2", "attendance_rate", "1", "3", "0.3333");
		insert(jdbc, "2025", "b1", "attendance_rate", "0", "7", "0");
		insert(jdbc, "2025", "A2", "attendance_rate.lecture", "2", "4", "0.5");
		insert(jdbc, "2025", "A2", "attendance_rate", "2", "3", "0.6667");
		insert(jdbc, "2025", "a10", "degree_program_count", "0", null, "0");
		insert(jdbc, "2025", "\uD840\uDC00", "degree_program_count", "3", null, "3");
		insert(jdbc, "2025", "\uFF5E", "degree_program_count", "1", null, "1");
		insert(jdbc, "2025", "中", "degree_program_count", "2", null, "2");
		insert(jdbc, "2025", "=1", "degree_program_count", "2", null, "2");
		insert(jdbc, "2025-01", "b1", "avg_credits", "1", "8", "0.125");
		insert(jdbc, "2025-Q4", "b1", "satisfaction_mean", "2", "3", "0.6667");
		// a stored value is never trusted: the file's value is numerator / denominator rounded here
		insert(jdbc, "2025-Q4", "b1", "survey_response_rate", "1", "20000", "0");

		new IndicatorsCsvPart().write(new OutputContext(1, LocalDate.of(2026, 5, 15), this.dir, null,
				new ReadModels(db.dataSource()).open()));

		byte[] bytes = Files.readAllBytes(this.dir.resolve("indicators.csv"));
		assertThat(bytes[0]).isEqualTo((byte) 'p'); // no BOM
		assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("""
				period,unit_code,indicator,numerator,denominator,value
				2025,'=1,degree_program_count,2,,2
				2025,A2,attendance_rate,2,3,0.6667
				2025,A2,attendance_rate.lecture,2,4,0.5
				2025,a10,degree_program_count,0,,0
				2025,b1,attendance_rate,0,7,0
				2025,中,degree_program_count,2,,2
				2025,\uFF5E,degree_program_count,1,,1
				2025,\uD840\uDC00,degree_program_count,3,,3
				2025-01,b1,avg_credits,1,8,0.125
				2025-10,A2,attendance_rate,1,3,0.3333
				2025-Q1,a10,avg_credits,36.25,1,36.25
				2025-Q4,b1,satisfaction_mean,2,3,0.6667
				2025-Q4,b1,survey_response_rate,1,20000,0.0001
				2026,b1,suggestion_count,12,,12
				""");
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void writesTheSmallOrganizationIdenticallyOnBothDatabases(String vendor) throws Exception {
		TestDatabase db = TestDatabase.create(vendor);
		JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
		SmallOrganization.load(jdbc);
		long rows = new IndicatorRefresher(db.dataSource(), new TargetsProperties()).refresh(SmallOrganization.AS_OF);
		new IndicatorsCsvPart().write(new OutputContext(1, SmallOrganization.AS_OF, this.dir, null,
				new ReadModels(db.dataSource()).open()));
		String csv = Files.readString(this.dir.resolve("indicators.csv"));
		assertThat(csv.lines().count()).isEqualTo(rows + 1);
		assertThat(csv).contains("\n2026-Q2,P,attendance_rate,12,17,0.7059\n",
				"\n2025,P,avg_credits,56.9,4,14.225\n", "\n2025,C1,remedial_count,1,,1\n",
				"\n2026-Q2,P,survey_response_rate,3,2,1.5\n");
		// the same bytes as the reference written from H2
		String reference = reference();
		if (reference != null) {
			assertThat(csv).isEqualTo(reference);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void copiesThePeriodsNoRefreshRecomputedFromThePublishedFile(String vendor) throws Exception {
		TestDatabase db = TestDatabase.create(vendor);
		JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
		SmallOrganization.load(jdbc);
		IndicatorRefresher refresher = new IndicatorRefresher(db.dataSource(), new TargetsProperties());
		refresher.refresh(SmallOrganization.AS_OF);
		Path first = write(db, 1, null, "first");
		LocalDate next = SmallOrganization.AS_OF.plusDays(1);
		refresher.refresh(next); // D moved: the open periods are recomputed and stamped, 2025 is not

		Path incremental = write(db, 2, first, "incremental");
		Path full = write(db, 2, null, "full");
		assertThat(Files.readAllBytes(incremental.resolve(IndicatorsCsvPart.FILE)))
			.isEqualTo(Files.readAllBytes(full.resolve(IndicatorsCsvPart.FILE)));
		assertThat(Files.readString(incremental.resolve(".indicators.csv.periods")))
			.isEqualTo(Files.readString(full.resolve(".indicators.csv.periods")));

		// a value changed behind the refreshes' back (no stamp) in a period they do not recompute
		// (2025-10: SmallOrganization's rows keep 18 periods "with new data" every night): its lines
		// are copied as they were; with a manifest that is not this code's, every period is read
		refresher.refresh(next.plusDays(1));
		assertThat(PeriodChanges.load(db.dataSource()).lastChange(List.of("2025-10"))).isEqualTo(1);
		Map<String, Object> row = jdbc.queryForMap("SELECT unit_code, indicator, numerator FROM indicator_value "
				+ "WHERE period = '2025-10' ORDER BY unit_code, indicator FETCH FIRST 1 ROWS ONLY");
		String line = "\n2025-10," + row.get("unit_code") + "," + row.get("indicator") + ",";
		String before = line + IndicatorNumbers.plain((BigDecimal) row.get("numerator")) + ",";
		jdbc.update("UPDATE indicator_value SET numerator = 1234 WHERE period = '2025-10' AND unit_code = ? "
				+ "AND indicator = ?", row.get("unit_code"), row.get("indicator"));
		String copied = Files.readString(write(db, 3, incremental, "copied").resolve(IndicatorsCsvPart.FILE));
		assertThat(copied).contains(before).doesNotContain(line + "1234,");
		// a published folder of a run not before tonight's (a store restored or created afresh,
		// whose stamps count again): every period is read
		String restored = Files.readString(write(db, 2, incremental, "restored").resolve(IndicatorsCsvPart.FILE));
		assertThat(restored).contains(line + "1234,").doesNotContain(before);
		Path manifest = incremental.resolve(".indicators.csv.periods");
		Files.writeString(manifest, Files.readString(manifest).replaceFirst("indicators-csv-1", "indicators-csv-0"));
		String reread = Files.readString(write(db, 3, incremental, "reread").resolve(IndicatorsCsvPart.FILE));
		assertThat(reread).contains(line + "1234,").doesNotContain(before);
	}

	private Path write(TestDatabase db, long run, Path previous, String name) throws Exception {
		Path out = Files.createDirectories(this.dir.resolve(name));
		new IndicatorsCsvPart().write(new OutputContext(run, SmallOrganization.AS_OF, out, previous,
				new ReadModels(db.dataSource()).open()));
		return out;
	}

	private static String h2Reference;

	private synchronized String reference() throws Exception {
		if (h2Reference == null) {
			TestDatabase h2 = TestDatabase.h2();
			SmallOrganization.load(new JdbcTemplate(h2.dataSource()));
			new IndicatorRefresher(h2.dataSource(), new TargetsProperties()).refresh(SmallOrganization.AS_OF);
			Path other = Files.createTempDirectory(this.dir, "h2");
			new IndicatorsCsvPart().write(new OutputContext(1, SmallOrganization.AS_OF, other, null,
				new ReadModels(h2.dataSource()).open()));
			h2Reference = Files.readString(other.resolve("indicators.csv"));
		}
		return h2Reference;
	}

	private static void insert(JdbcTemplate jdbc, String period, String unit, String indicator, String numerator,
			String denominator, String val) {
		jdbc.update("INSERT INTO indicator_value (period, unit_code, indicator, numerator, denominator, val) "
				+ "VALUES (?, ?, ?, ?, ?, ?)", period, unit, indicator, new BigDecimal(numerator),
				(denominator == null) ? null : new BigDecimal(denominator), new BigDecimal(val));
	}

}
