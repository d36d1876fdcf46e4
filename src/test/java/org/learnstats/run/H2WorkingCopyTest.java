package org.learnstats.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * A run on an embedded H2 store works on a copy that replaces the store only when the process ends
 * cleanly: whatever moment a kill comes, the store is the night before's or the night's, never
 * one H2 has to recover.
 */
class H2WorkingCopyTest {

	@TempDir
	Path tmp;

	@Test
	void whatAKilledNightWroteIsThrownAwayAndTheStoreIsTheNightBefore() throws Exception {
		Path base = this.tmp.resolve("data/learnstats");
		H2WorkingCopy first = H2WorkingCopy.make(url(base), base, null, null);
		jdbc(copyUrl(base), "CREATE TABLE t(v INT)", "INSERT INTO t VALUES (1)");
		assertThat(first.publish(pool(copyUrl(base)))).isTrue();
		Object inode = inode("data/learnstats.mv.db");

		// a night killed after writing: its copy is never published
		H2WorkingCopy.make(url(base), base, null, null);
		jdbc(copyUrl(base), "INSERT INTO t VALUES (2)");
		Files.writeString(this.tmp.resolve("data/learnstats.working.trace.db"), "what H2 traced");

		// the next night starts from the store as the first night left it
		H2WorkingCopy.make(url(base), base, null, null);
		assertThat(this.tmp.resolve("data/learnstats.working.trace.db")).doesNotExist();
		assertThat(count(copyUrl(base))).isEqualTo(1);
		assertThat(count(url(base))).isEqualTo(1);
		assertThat(inode("data/learnstats.mv.db")).isEqualTo(inode);
	}

	@Test
	void aCleanEndReplacesTheStoreInOneRenameWithThePoolClosed() throws Exception {
		Path base = this.tmp.resolve("learnstats");
		assertThat(H2WorkingCopy.make(url(base), base, null, null).publish(pool(copyUrl(base), "CREATE TABLE t(v INT)"))).isTrue();
		Object before = inode("learnstats.mv.db");

		H2WorkingCopy night = H2WorkingCopy.make(url(base), base, null, null);
		HikariDataSource pool = pool(copyUrl(base), "INSERT INTO t VALUES (7)", "INSERT INTO t VALUES (8)");
		assertThat(night.publish(pool)).isTrue();
		assertThat(night.publish(pool)).isTrue(); // once only

		assertThat(pool.isClosed()).isTrue();
		assertThat(this.tmp.resolve("learnstats.working.mv.db")).doesNotExist();
		assertThat(inode("learnstats.mv.db")).isNotEqualTo(before);
		assertThat(count(url(base))).isEqualTo(2);
	}

	@Test
	void aStoreOpenElsewhereIsNotCopied() throws Exception {
		Path base = this.tmp.resolve("learnstats");
		try (Connection held = DriverManager.getConnection(url(base))) {
			assertThatThrownBy(() -> H2WorkingCopy.make(url(base), base, null, null))
				.isInstanceOf(H2WorkingCopy.StoreInUse.class);
		}
		assertThat(this.tmp.resolve("learnstats.working.mv.db")).doesNotExist();
	}

	@Test
	void onlyEmbeddedFileStoresWorkOnACopy() {
		assertThat(H2WorkingCopy.base("jdbc:h2:mem:prepare")).isNull();
		assertThat(H2WorkingCopy.base("jdbc:h2:tcp://host/data/learnstats")).isNull();
		assertThat(H2WorkingCopy.base("jdbc:postgresql://127.0.0.1/test")).isNull();
		assertThat(H2WorkingCopy.base("jdbc:h2:file:./data/learnstats;USER=sa;DB_CLOSE_ON_EXIT=FALSE"))
			.isEqualTo(Path.of("data/learnstats").toAbsolutePath());
		assertThat(H2WorkingCopy.base("jdbc:h2:~/ls")).isEqualTo(Path.of(System.getProperty("user.home"), "ls"));
		assertThat(H2WorkingCopy.base("jdbc:h2:/var/lib/learnstats/store")).isEqualTo(Path.of("/var/lib/learnstats/store"));
	}

	private Object inode(String file) throws Exception {
		return Files.getAttribute(this.tmp.resolve(file), "unix:ino");
	}

	private static String url(Path base) {
		return "jdbc:h2:file:" + base + ";USER=sa;DB_CLOSE_ON_EXIT=FALSE";
	}

	private static String copyUrl(Path base) {
		return "jdbc:h2:file:" + base + ".working;USER=sa;DB_CLOSE_ON_EXIT=FALSE";
	}

	/** The application's pool on the copy, after it ran these statements. */
	private static HikariDataSource pool(String url, String... sql) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url);
		pool.setMaximumPoolSize(3);
		for (String statement : sql) {
			new JdbcTemplate(pool).execute(statement);
		}
		new JdbcTemplate(pool).queryForObject("SELECT 1", Integer.class); // the pool holds a connection
		return pool;
	}

	/** Runs statements on a connection of its own and closes the database, as a clean end does. */
	private static void jdbc(String url, String... sql) {
		SingleConnectionDataSource ds = new SingleConnectionDataSource(url, true);
		try {
			JdbcTemplate jdbc = new JdbcTemplate(ds);
			jdbc.batchUpdate(sql);
			jdbc.execute("SHUTDOWN");
		}
		finally {
			ds.destroy();
		}
	}

	private static int count(String url) {
		SingleConnectionDataSource ds = new SingleConnectionDataSource(url, true);
		try {
			JdbcTemplate jdbc = new JdbcTemplate(ds);
			Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM t", Integer.class);
			jdbc.execute("SHUTDOWN");
			return n;
		}
		finally {
			ds.destroy();
		}
	}

}
