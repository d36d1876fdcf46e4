package org.learnstats.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.learnstats.ingest.attendance.AttendanceExport;
import org.learnstats.ingest.research.ResearchExport;
import org.learnstats.ingest.responses.ResponsesExport;
import org.learnstats.ingest.training.TrainingExport;
import org.learnstats.store.YearPartitions;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh, migrated store for one test: an in-memory H2 database, or a schema of its own in the
 * local PostgreSQL (so tests and parallel builds never see each other's rows).
 * <p>
 * PostgreSQL tests are skipped with a clear message when no server answers, unless the build runs
 * in CI ({@code CI=true}) or with {@code -Dlearnstats.require-postgres=true}, where they fail instead.
 */
public record TestDatabase(String vendor, String url, String username, String schema) {

	public static final String PG_BASE_URL = System.getProperty("learnstats.test.pg-url",
			"jdbc:postgresql://127.0.0.1:5432/test");

	public static final String PG_USER = System.getProperty("learnstats.test.pg-user", "postgres");

	public static TestDatabase create(String vendor) {
		return "postgresql".equals(vendor) ? postgres() : h2();
	}

	/** A new in-memory H2 store, kept until the JVM ends. */
	public static TestDatabase h2() {
		String name = "t" + UUID.randomUUID().toString().replace("-", "");
		TestDatabase db = new TestDatabase("h2", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", null);
		db.migrate();
		return db;
	}

	/** A new schema in the local PostgreSQL, migrated; skipped or failed when none answers. */
	public static TestDatabase postgres() {
		requirePostgres();
		String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toLowerCase(Locale.ROOT);
		try (Connection c = DriverManager.getConnection(PG_BASE_URL, PG_USER, "");
				Statement s = c.createStatement()) {
			s.execute("CREATE SCHEMA " + schema);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		TestDatabase db = new TestDatabase("postgresql", PG_BASE_URL + "?currentSchema=" + schema, PG_USER, schema);
		db.migrate();
		return db;
	}

	/** Skips the calling test when PostgreSQL is unreachable, or fails it when CI requires it. */
	public static void requirePostgres() {
		String problem = postgresProblem();
		if (problem == null) {
			return;
		}
		String message = "PostgreSQL not reachable at " + PG_BASE_URL + " (" + problem + ")";
		if (Requirement.strict("postgres")) {
			Assertions.fail(message + ", and CI (or -Dlearnstats.require-postgres=true) requires it");
		}
		Assumptions.abort(message + ": PostgreSQL test skipped");
	}

	private static String postgresProblem() {
		try (Connection c = DriverManager.getConnection(PG_BASE_URL, PG_USER, "")) {
			return null;
		}
		catch (SQLException ex) {
			return ex.getMessage();
		}
	}

	public boolean isPostgres() {
		return "postgresql".equals(this.vendor);
	}

	/**
	 * Adds the event tables' partitions through a year (PostgreSQL; nothing on H2), as a run does
	 * for its as-of year before it ingests: for tests that write event rows straight into the store.
	 */
	public TestDatabase eventYearsThrough(int year) {
		new YearPartitions(dataSource(), List.of(new AttendanceExport(), new TrainingExport(), new ResearchExport(),
				new ResponsesExport())).ensureThrough(year);
		return this;
	}

	public DataSource dataSource() {
		DriverManagerDataSource ds = new DriverManagerDataSource(this.url, this.username, "");
		return ds;
	}

	/** The command-line arguments that point the application at this store. */
	public String[] springArgs() {
		return new String[] { "--spring.datasource.url=" + this.url, "--spring.datasource.username=" + this.username,
				"--spring.datasource.password=" };
	}

	private void migrate() {
		Flyway.configure()
			.dataSource(this.url, this.username, "")
			.locations("classpath:db/migration/common", "classpath:db/migration/" + this.vendor)
			.load()
			.migrate();
	}

}
