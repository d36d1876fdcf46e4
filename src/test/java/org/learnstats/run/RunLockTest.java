package org.learnstats.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnstats.support.TestDatabase;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunLockTest {

	@TempDir
	Path dir;

	@Test
	void theLockFileLiesNextToTheH2DatabaseFile() {
		Path out = this.dir.resolve("out");
		assertThat(RunLock.lockFile("jdbc:h2:file:./data/learnstats;USER=sa;DB_CLOSE_ON_EXIT=FALSE", out))
			.isEqualTo(Path.of("data/learnstats.lock").toAbsolutePath());
		assertThat(RunLock.lockFile("jdbc:h2:/srv/ls/db", out)).isEqualTo(Path.of("/srv/ls/db.lock"));
		assertThat(RunLock.lockFile("jdbc:h2:~/ls", out))
			.isEqualTo(Path.of(System.getProperty("user.home"), "ls.lock"));
		assertThat(RunLock.lockFile("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1", out)).isEqualTo(this.dir.resolve(".out.lock"));
		assertThat(RunLock.lockFile("jdbc:h2:tcp://host/db", out)).isEqualTo(this.dir.resolve(".out.lock"));
	}

	@Test
	void aFileLockIsHeldUntilClosed() throws Exception {
		StandardEnvironment env = env("jdbc:h2:file:" + this.dir.resolve("data/learnstats"), "sa");
		try (RunLock first = RunLock.acquire(env, this.dir.resolve("out"))) {
			assertThat(first.description()).endsWith("data/learnstats.lock");
			assertThat(Files.readString(this.dir.resolve("data/learnstats.lock")))
				.startsWith("pid " + ProcessHandle.current().pid());
			assertThatThrownBy(() -> RunLock.acquire(env, this.dir.resolve("out"))).isInstanceOf(RunLock.Held.class)
				.hasMessageContaining("another learnstats run holds the lock")
				.hasMessageContaining("pid " + ProcessHandle.current().pid());
		}
		RunLock.acquire(env, this.dir.resolve("out")).close();
	}

	@Test
	void aPostgresAdvisoryLockIsPerSchemaAndHeldUntilClosed() {
		TestDatabase one = TestDatabase.postgres();
		TestDatabase two = TestDatabase.postgres();
		try (RunLock first = RunLock.acquire(env(one.url(), one.username()), this.dir)) {
			assertThat(first.description()).isEqualTo("PostgreSQL advisory lock of schema " + one.schema());
			assertThatThrownBy(() -> RunLock.acquire(env(one.url(), one.username()), this.dir))
				.isInstanceOf(RunLock.Held.class);
			RunLock.acquire(env(two.url(), two.username()), this.dir).close();
		}
		RunLock.acquire(env(one.url(), one.username()), this.dir).close();
	}

	@Test
	void anUnreachablePostgresIsReportedWithoutItsPassword() {
		StandardEnvironment env = env("jdbc:postgresql://127.0.0.1:1/none?password=hunter2", "x");
		assertThatThrownBy(() -> RunLock.acquire(env, this.dir)).isInstanceOf(RunLock.StoreUnavailable.class)
			.hasMessageNotContaining("hunter2");
	}

	private static StandardEnvironment env(String url, String user) {
		StandardEnvironment env = new StandardEnvironment();
		env.getPropertySources()
			.addFirst(new MapPropertySource("t", Map.of("spring.datasource.url", url, "spring.datasource.username", user)));
		return env;
	}

}
