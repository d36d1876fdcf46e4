package org.learnstats.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.springframework.core.env.PropertyResolver;

/**
 * Migrates an embedded H2 file store aside, so that a kill during a migration never leaves it
 * half migrated. H2 commits each DDL statement, so Flyway cannot roll back a migration a kill -9
 * interrupted: its indexes and tables stay, its row in the schema history does not, and every
 * later run then fails on "already exists". PostgreSQL takes a migration back with its
 * transaction and needs none of this.
 * <p>
 * When the store file does not exist yet, or has migrations pending, they are applied to
 * {@code <name>.migrating.mv.db} (a copy of the store, or a new one), which then replaces the store
 * in one rename: the store is either as it was or fully migrated. What a killed attempt left aside
 * is removed first. Called before the application opens the store, under the run lock.
 */
final class H2Migration {

	private static final String SUFFIX = ".mv.db";

	private H2Migration() {
	}

	/** Migrates the configured store aside when it is an H2 file store that needs it. */
	static void ifNeeded(PropertyResolver config) throws IOException, SQLException {
		String url = config.getProperty("spring.datasource.url", "");
		Path base = base(url);
		if (base == null) {
			return;
		}
		String user = blankAsNull(config.getProperty("spring.datasource.username"));
		String password = blankAsNull(config.getProperty("spring.datasource.password"));
		String[] locations = config.getProperty("spring.flyway.locations", "classpath:db/migration")
			.replace("{vendor}", "h2")
			.split("\\s*,\\s*");
		migrate(url, base, user, password, locations);
	}

	/**
	 * The file path an H2 URL stores in, without {@code .mv.db}; null for anything but an embedded
	 * file store (in-memory, over TCP, another database).
	 */
	static Path base(String url) {
		if (!url.startsWith("jdbc:h2:")) {
			return null;
		}
		String rest = url.substring("jdbc:h2:".length());
		int semicolon = rest.indexOf(';');
		String name = (semicolon < 0) ? rest : rest.substring(0, semicolon);
		if (name.startsWith("file:")) {
			name = name.substring("file:".length());
		}
		else if (name.matches("^[a-z]{2,}:.*")) {
			return null; // mem:, tcp:, ssl:, zip:, nio..., split...
		}
		if (name.startsWith("~")) {
			name = System.getProperty("user.home") + name.substring(1);
		}
		return name.isBlank() ? null : Path.of(name).toAbsolutePath().normalize();
	}

	static void migrate(String url, Path base, String user, String password, String[] locations)
			throws IOException, SQLException {
		Path store = file(base);
		Path asideBase = base.resolveSibling(base.getFileName() + ".migrating");
		Path aside = file(asideBase);
		Files.deleteIfExists(aside);
		Files.deleteIfExists(asideBase.resolveSibling(asideBase.getFileName() + ".trace.db"));
		if (Files.exists(store)) {
			if (!pending(url, user, password, locations)) {
				return;
			}
			Files.copy(store, aside, StandardCopyOption.COPY_ATTRIBUTES);
		}
		else {
			Files.createDirectories(base.getParent());
		}
		int settings = url.indexOf(';');
		String asideUrl = "jdbc:h2:file:" + asideBase + ((settings < 0) ? "" : url.substring(settings));
		Flyway.configure().dataSource(asideUrl, user, password).locations(locations).load().migrate();
		shutdown(asideUrl, user, password);
		Files.move(aside, store, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	private static boolean pending(String url, String user, String password, String[] locations) throws SQLException {
		try {
			return Flyway.configure().dataSource(url, user, password).locations(locations).load().info()
				.pending().length > 0;
		}
		finally {
			shutdown(url, user, password);
		}
	}

	/** Closes the database file (the URL may say DB_CLOSE_ON_EXIT=FALSE or keep it open otherwise). */
	private static void shutdown(String url, String user, String password) throws SQLException {
		try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
			s.execute("SHUTDOWN");
		}
	}

	private static Path file(Path base) {
		return base.resolveSibling(base.getFileName() + SUFFIX);
	}

	/** The user or password as H2 wants it: none rather than an empty one (the URL may name the user). */
	private static String blankAsNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

}
