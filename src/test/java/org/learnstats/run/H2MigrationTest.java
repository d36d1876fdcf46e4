package org.learnstats.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * An embedded H2 store is migrated aside and renamed into place: a store file is never half
 * migrated, whatever moment a kill comes (H2 commits each DDL statement, so Flyway cannot take a
 * killed migration back).
 */
class H2MigrationTest {

	static final String[] LOCATIONS = { "classpath:db/migration/common", "classpath:db/migration/h2" };

	@TempDir
	Path tmp;

	@Test
	void aNewStoreIsMigratedAsideAndRenamedIntoPlaceAfterWhatAKilledAttemptLeft() throws Exception {
		Path base = this.tmp.resolve("data/learnstats");
		Files.createDirectories(base.getParent());
		// a killed attempt's half-migrated copy: thrown away, never renamed into place
		Files.writeString(this.tmp.resolve("data/learnstats.migrating.mv.db"), "half");
		H2Migration.migrate(url(base), base, null, null, LOCATIONS);
		assertThat(this.tmp.resolve("data/learnstats.migrating.mv.db")).doesNotExist();
		assertThat(this.tmp.resolve("data/learnstats.mv.db")).exists();
		MigrationInfoService info = info(base);
		assertThat(info.pending()).isEmpty();
		assertThat(info.applied()).hasSameSizeAs(info.all()).hasSizeGreaterThan(10);
	}

	@Test
	void aStoreUpToDateIsLeftAsItIs() throws Exception {
		Path base = this.tmp.resolve("learnstats");
		H2Migration.migrate(url(base), base, null, null, LOCATIONS);
		Object inode = Files.getAttribute(this.tmp.resolve("learnstats.mv.db"), "unix:ino");
		H2Migration.migrate(url(base), base, null, null, LOCATIONS);
		assertThat(Files.getAttribute(this.tmp.resolve("learnstats.mv.db"), "unix:ino")).isEqualTo(inode);
	}

	@Test
	void aStoreWithMigrationsPendingIsMigratedOnACopyKeepingItsRows() throws Exception {
		Path base = this.tmp.resolve("learnstats");
		Flyway.configure().dataSource(url(base), null, null).locations(LOCATIONS).target("70").load().migrate();
		jdbc(base, (j) -> j.update("INSERT INTO unit (unit_code, unit_name, parent_code, unit_type, delivery_id)"
				+ " VALUES ('U1', '一支部', NULL, 'branch', 1)"));
		Object inode = Files.getAttribute(this.tmp.resolve("learnstats.mv.db"), "unix:ino");
		assertThat(info(base).pending()).isNotEmpty();

		H2Migration.migrate(url(base), base, null, null, LOCATIONS);
		assertThat(Files.getAttribute(this.tmp.resolve("learnstats.mv.db"), "unix:ino")).isNotEqualTo(inode);
		assertThat(info(base).pending()).isEmpty();
		jdbc(base, (j) -> assertThat(j.queryForObject("SELECT unit_name FROM unit WHERE unit_code = 'U1'", String.class))
			.isEqualTo("一支部"));
	}

	@Test
	void onlyEmbeddedFileStoresAreMigratedAside() {
		assertThat(H2Migration.base("jdbc:h2:mem:prepare")).isNull();
		assertThat(H2Migration.base("jdbc:h2:tcp://host/data/learnstats")).isNull();
		assertThat(H2Migration.base("jdbc:postgresql://127.0.0.1/test")).isNull();
		assertThat(H2Migration.base("jdbc:h2:file:./data/learnstats;USER=sa;DB_CLOSE_ON_EXIT=FALSE"))
			.isEqualTo(Path.of("data/learnstats").toAbsolutePath());
		assertThat(H2Migration.base("jdbc:h2:~/ls")).isEqualTo(Path.of(System.getProperty("user.home"), "ls"));
		assertThat(H2Migration.base("jdbc:h2:/var/lib/learnstats/store")).isEqualTo(Path.of("/var/lib/learnstats/store"));
	}

	private static String url(Path base) {
		return "jdbc:h2:file:" + base + ";USER=sa;DB_CLOSE_ON_EXIT=FALSE";
	}

	private static MigrationInfoService info(Path base) {
		try {
			return Flyway.configure().dataSource(url(base), null, null).locations(LOCATIONS).load().info();
		}
		finally {
			jdbc(base, (j) -> j.execute("SHUTDOWN"));
		}
	}

	private static void jdbc(Path base, java.util.function.Consumer<JdbcTemplate> work) {
		SingleConnectionDataSource ds = new SingleConnectionDataSource(url(base), true);
		try {
			work.accept(new JdbcTemplate(ds));
		}
		finally {
			ds.destroy();
		}
	}

}
