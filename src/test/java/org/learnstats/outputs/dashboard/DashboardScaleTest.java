package org.learnstats.outputs.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.learnstats.indicators.IndicatorCatalog;
import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.outputs.OutputContext;
import org.learnstats.outputs.tables.TablesPart;
import org.learnstats.readmodel.ReadModels;
import org.learnstats.support.TestDatabase;
import org.learnstats.vocabulary.Period;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A province-sized tree (1 + 20 + 200 + 1,800 units): every unit gets its page, and the store is
 * read with the same handful of statements as for a tree of six units (no query per unit).
 * With {@code -Dlearnstats.dashboard.preview=DIR} the site is also left in DIR to look at.
 */
class DashboardScaleTest {

	@TempDir
	Path tmp;

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void aProvinceTakesTheSameQueriesAsSixUnits(String vendor) throws IOException {
		TestDatabase small = TestDatabase.create(vendor);
		DashboardFixture.load(small);
		int smallStatements = statements(small, this.tmp.resolve("small"));

		TestDatabase big = TestDatabase.create(vendor);
		int units = province(big);
		Path out = this.tmp.resolve("big");
		int bigStatements = statements(big, out);

		assertThat(units).isEqualTo(2021);
		try (Stream<Path> pages = Files.list(out.resolve("units"))) {
			assertThat(pages.count()).isEqualTo(units);
		}
		assertThat(bigStatements).isEqualTo(smallStatements).isLessThanOrEqualTo(10);
		new TablesPart().write(new OutputContext(DashboardFixture.RUN, DashboardFixture.AS_OF, out, null,
				new ReadModels(big.dataSource()).open()));
		try (var in = Files.newInputStream(out.resolve("tables/attendance_rate.xlsx"));
				var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
			assertThat(wb.getSheet("月度").getLastRowNum()).isEqualTo(units);
		}
		assertThat(Files.readAllLines(out.resolve("tables/attendance_rate-monthly.csv"))).hasSize(units + 1);
		String root = Files.readString(out.resolve("units/P.html"));
		assertThat(root).contains("直属下级 20 个 · 全部下属单位 2020 个");
		String preview = System.getProperty("learnstats.dashboard.preview");
		if (preview != null) {
			DashboardFixture.fakeCharts(out);
			copy(out, Path.of(preview));
		}
	}

	private static int statements(TestDatabase db, Path out) throws IOException {
		AtomicInteger count = new AtomicInteger();
		Files.createDirectories(out);
		new DashboardPart().write(new OutputContext(DashboardFixture.RUN, DashboardFixture.AS_OF, out, null,
				new ReadModels(counting(db.dataSource(), count)).open()));
		return count.get();
	}

	/** Builds the province and values of every indicator for the current and previous periods. */
	static int province(TestDatabase db) {
		JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
		List<Object[]> units = new ArrayList<>();
		units.add(new Object[] { "P", "某省委", null, "committee" });
		for (int i = 1; i <= 20; i++) {
			String c = String.format("P%02d", i);
			units.add(new Object[] { c, "第" + i + "市委", "P", "committee" });
			for (int j = 1; j <= 10; j++) {
				String d = c + String.format("%02d", j);
				units.add(new Object[] { d, "第" + i + "市第" + j + "局机关党委", c, (j % 3 == 0) ? "office" : "committee" });
				for (int k = 1; k <= 9; k++) {
					units.add(new Object[] { d + k, "第" + i + "市第" + j + "局第" + k + "党支部", d, "branch" });
				}
			}
		}
		jdbc.batchUpdate("INSERT INTO unit (unit_code, unit_name, parent_code, unit_type, delivery_id) VALUES (?, ?, ?, ?, 1)",
				units);
		Random random = new Random(42);
		List<Object[]> values = new ArrayList<>();
		for (Object[] unit : units) {
			for (IndicatorDefinition ind : IndicatorCatalog.ALL) {
				for (char g : ind.granularities().toCharArray()) {
					Period current = Period.of(DashboardFixture.AS_OF, g);
					for (Period p : List.of(current, current.previous())) {
						values.add(value(p, (String) unit[0], ind, random));
					}
				}
			}
		}
		jdbc.batchUpdate("INSERT INTO indicator_value (period, unit_code, indicator, numerator, denominator, val)"
				+ " VALUES (?, ?, ?, ?, ?, ?)", values);
		DashboardFixture.delivery(jdbc, 2, "2025/考勤-3月.csv", "attendance", 10, 7, 3, 2, null, DashboardFixture.RUN);
		DashboardFixture.reject(jdbc, 2, 4L, "attendance", "P0101", "BAD_DATE");
		DashboardFixture.attendance(jdbc, "P0101", "S1", DashboardFixture.AS_OF.minusDays(3));
		return units.size();
	}

	private static Object[] value(Period p, String unit, IndicatorDefinition ind, Random random) {
		return switch (ind.type()) {
			case RATE -> {
				int den = 5 + random.nextInt(40);
				int num = Math.max(0, den - random.nextInt(den / 3 + 2));
				yield new Object[] { p.toString(), unit, ind.id(), num, den,
						BigDecimal.valueOf(num).divide(BigDecimal.valueOf(den), 4, RoundingMode.HALF_UP) };
			}
			case MEAN -> {
				int den = 5 + random.nextInt(40);
				BigDecimal mean = BigDecimal.valueOf(3 + random.nextInt(1500), 2);
				if (ind.id().equals("satisfaction_mean")) {
					mean = BigDecimal.valueOf(300 + random.nextInt(200), 2);
				}
				yield new Object[] { p.toString(), unit, ind.id(), mean.multiply(BigDecimal.valueOf(den)), den, mean };
			}
			case COUNT -> {
				int n = random.nextInt(4);
				yield new Object[] { p.toString(), unit, ind.id(), n, null, n };
			}
		};
	}

	/** A data source whose connections count the statements they prepare or create. */
	static DataSource counting(DataSource target, AtomicInteger count) {
		InvocationHandler sources = (proxy, method, args) -> {
			Object result = invoke(method, target, args);
			if (result instanceof Connection connection) {
				return Proxy.newProxyInstance(DashboardScaleTest.class.getClassLoader(),
						new Class<?>[] { Connection.class }, (p, m, a) -> {
							if (m.getName().equals("prepareStatement") || m.getName().equals("createStatement")
									|| m.getName().equals("prepareCall")) {
								count.incrementAndGet();
							}
							return invoke(m, connection, a);
						});
			}
			return result;
		};
		return (DataSource) Proxy.newProxyInstance(DashboardScaleTest.class.getClassLoader(),
				new Class<?>[] { DataSource.class }, sources);
	}

	private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	private static void copy(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path p : files.toList()) {
				Path target = to.resolve(from.relativize(p).toString());
				if (Files.isDirectory(p)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

}
