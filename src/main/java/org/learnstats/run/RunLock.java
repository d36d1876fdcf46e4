package org.learnstats.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Locale;
import java.util.Properties;

import org.springframework.core.env.PropertyResolver;

/**
 * One run at a time: the lock a {@code run} or {@code pack} holds from before the store is opened
 * until the process ends. Both kinds are dropped by the operating system or the database server
 * when the process dies, so a killed run never blocks the next one.
 * <ul>
 * <li>PostgreSQL: a session advisory lock ({@code pg_try_advisory_lock}) keyed by the schema, on a
 * connection of its own held for the whole run.</li>
 * <li>H2 (and anything else): {@link FileChannel#tryLock()} on a lock file next to the database
 * file ({@code ./data/learnstats} gives {@code ./data/learnstats.lock}); for an in-memory or
 * server H2, next to the output folder. Taken before the datasource opens, so a second run never
 * meets H2's own file lock.</li>
 * </ul>
 */
abstract class RunLock implements AutoCloseable {

	/** Acquires the lock for the store configured in {@code config}, or throws {@link Held}. */
	static RunLock acquire(PropertyResolver config, Path out) {
		String url = config.getProperty("spring.datasource.url", "");
		if (url.startsWith("jdbc:postgresql:")) {
			return PostgresLock.acquire(url, config.getProperty("spring.datasource.username"),
					config.getProperty("spring.datasource.password"));
		}
		return FileLockFile.acquire(lockFile(url, out));
	}

	/** The lock file for a datasource URL: next to an H2 file database, else next to the output folder. */
	static Path lockFile(String url, Path out) {
		if (url.startsWith("jdbc:h2:")) {
			String name = url.substring("jdbc:h2:".length());
			int semicolon = name.indexOf(';');
			if (semicolon >= 0) {
				name = name.substring(0, semicolon);
			}
			if (name.startsWith("file:")) {
				name = name.substring("file:".length());
			}
			boolean file = !name.startsWith("mem:") && !name.startsWith("tcp:") && !name.startsWith("ssl:")
					&& !name.startsWith("zip:") && !name.isEmpty();
			if (file) {
				if (name.startsWith("~")) {
					name = System.getProperty("user.home") + name.substring(1);
				}
				return Path.of(name + ".lock").toAbsolutePath().normalize();
			}
		}
		Path absolute = out.toAbsolutePath().normalize();
		return absolute.resolveSibling("." + absolute.getFileName() + ".lock");
	}

	/** What holds the lock, for log lines: never a password. */
	abstract String description();

	@Override
	public abstract void close();

	/** Another run holds the lock: exit code 75, nothing touched. */
	static final class Held extends RuntimeException {

		Held(String message) {
			super(message);
		}

	}

	static final class FileLockFile extends RunLock {

		private final Path file;

		private final FileChannel channel;

		private final FileLock lock;

		private FileLockFile(Path file, FileChannel channel, FileLock lock) {
			this.file = file;
			this.channel = channel;
			this.lock = lock;
		}

		static FileLockFile acquire(Path file) {
			FileChannel channel = null;
			try {
				Files.createDirectories(file.getParent());
				channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
						StandardOpenOption.WRITE);
				FileLock lock;
				try {
					lock = channel.tryLock();
				}
				catch (OverlappingFileLockException ex) {
					lock = null;
				}
				if (lock == null) {
					String holder = readHolder(channel);
					channel.close();
					throw new Held("another learnstats run holds the lock " + file
							+ (holder.isEmpty() ? "" : " (" + holder + ")"));
				}
				String holder = "pid " + ProcessHandle.current().pid() + " since " + Instant.now() + "\n";
				channel.truncate(0);
				channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
				channel.force(false);
				return new FileLockFile(file, channel, lock);
			}
			catch (IOException ex) {
				closeQuietly(channel);
				throw new UsageException("cannot open the lock file " + file + ": " + ex.getMessage());
			}
		}

		private static String readHolder(FileChannel channel) {
			try {
				ByteBuffer buffer = ByteBuffer.allocate(200);
				channel.read(buffer, 0);
				return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
			}
			catch (IOException ex) {
				return "";
			}
		}

		private static void closeQuietly(FileChannel channel) {
			if (channel != null) {
				try {
					channel.close();
				}
				catch (IOException ignored) {
					// nothing to release
				}
			}
		}

		@Override
		String description() {
			return "lock file " + this.file;
		}

		@Override
		public void close() {
			try {
				if (this.lock.isValid()) {
					this.lock.release();
				}
			}
			catch (IOException ignored) {
				// the OS releases it when the channel closes
			}
			closeQuietly(this.channel);
		}

	}

	static final class PostgresLock extends RunLock {

		static final String TRY_LOCK = "SELECT pg_try_advisory_lock(hashtext('learnstats run'), hashtext(current_schema()))";

		private final Connection connection;

		private final String schema;

		private PostgresLock(Connection connection, String schema) {
			this.connection = connection;
			this.schema = schema;
		}

		static PostgresLock acquire(String url, String user, String password) {
			Properties props = new Properties();
			if (user != null) {
				props.setProperty("user", user);
			}
			if (password != null && !password.isEmpty()) {
				props.setProperty("password", password);
			}
			props.setProperty("ApplicationName", "learnstats run lock");
			Connection connection;
			try {
				connection = new org.postgresql.Driver().connect(url, props);
			}
			catch (SQLException ex) {
				throw new StoreUnavailable("cannot connect to PostgreSQL at " + Secrets.mask(url) + " to take the run lock: "
						+ Secrets.mask(ex.getMessage()), ex);
			}
			try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(TRY_LOCK)) {
				rs.next();
				boolean locked = rs.getBoolean(1);
				String schema = schema(connection);
				if (!locked) {
					connection.close();
					throw new Held("another learnstats run holds the PostgreSQL advisory lock of schema " + schema);
				}
				return new PostgresLock(connection, schema);
			}
			catch (SQLException ex) {
				try {
					connection.close();
				}
				catch (SQLException ignored) {
					// closing is all we can do
				}
				throw new StoreUnavailable("cannot take the PostgreSQL run lock: " + Secrets.mask(ex.getMessage()), ex);
			}
		}

		private static String schema(Connection connection) throws SQLException {
			try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT current_schema()")) {
				rs.next();
				return String.valueOf(rs.getString(1)).toLowerCase(Locale.ROOT);
			}
		}

		@Override
		String description() {
			return "PostgreSQL advisory lock of schema " + this.schema;
		}

		@Override
		public void close() {
			try {
				// closing the session releases its advisory locks
				this.connection.close();
			}
			catch (SQLException ignored) {
				// the server drops the session's locks with the connection anyway
			}
		}

	}

	/** The store cannot be reached to take the lock: the run fails (exit 1), cron tries again. */
	static final class StoreUnavailable extends RuntimeException {

		StoreUnavailable(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
