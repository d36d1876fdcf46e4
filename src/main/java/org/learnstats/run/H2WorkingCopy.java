package org.learnstats.run;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A {@code run} or {@code pack} on an embedded H2 file store works on a copy of it,
 * {@code <name>.working.mv.db}, which replaces the store in one rename when the process ends
 * cleanly (done, failed or stopped by SIGTERM). A kill -9, a crash or a power cut leaves the store
 * as the night before, and the next run starts from it: H2 is never asked to recover from an
 * unclean end. Its recovery can keep part of a transaction that was committing when the process
 * died (an index entry without its row, a delivery without its rows: about 1 kill in 100 with
 * 2.4.240, 31 in 100 with 2.5.252, by {@code jobs/bench/h2-kill-recovery.sh}), and it commits
 * each DDL statement, so a killed migration stays half applied. PostgreSQL needs none of this.
 * <p>
 * Made by {@link EarlyStart} under the run lock, before the application opens the store; what a
 * killed attempt left is removed first, and the copy is taken under a shared lock on the store
 * file, so a process that holds the store open makes this one end with 75. Published by the
 * command line before it lets the run lock go, or by {@link GracefulStop} once a run stopped by
 * SIGTERM has ended.
 */
final class H2WorkingCopy {

	private static final Logger log = LoggerFactory.getLogger(H2WorkingCopy.class);

	private static final String SUFFIX = ".mv.db";

	private final Path store;

	private final Path copyBase;

	private final String copyUrl;

	private final String user;

	private final String password;

	private boolean published;

	private H2WorkingCopy(Path store, Path copyBase, String copyUrl, String user, String password) {
		this.store = store;
		this.copyBase = copyBase;
		this.copyUrl = copyUrl;
		this.user = user;
		this.password = password;
	}

	/** The store's file could not be copied because a process holds it open. */
	static final class StoreInUse extends IOException {

		StoreInUse(Path store) {
			super(store + " is open in another process");
		}

	}

	/**
	 * Makes the working copy of the configured store and points {@code spring.datasource.url} at it;
	 * null when the store is not an embedded H2 file store.
	 */
	static H2WorkingCopy open(ConfigurableEnvironment env) throws IOException {
		String url = env.getProperty("spring.datasource.url", "");
		Path base = base(url);
		if (base == null) {
			return null;
		}
		H2WorkingCopy copy = make(url, base, blankAsNull(env.getProperty("spring.datasource.username")),
				blankAsNull(env.getProperty("spring.datasource.password")));
		env.getPropertySources()
			.addFirst(new MapPropertySource("learnstats-h2-working-copy", Map.of("spring.datasource.url", copy.copyUrl)));
		return copy;
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

	/** Copies the store at {@code base} (when it exists) to its working copy, after removing a killed attempt's. */
	static H2WorkingCopy make(String url, Path base, String user, String password) throws IOException {
		Path store = file(base);
		Path copyBase = base.resolveSibling(base.getFileName() + ".working");
		Path copy = file(copyBase);
		Files.deleteIfExists(copy);
		Files.deleteIfExists(copyBase.resolveSibling(copyBase.getFileName() + ".trace.db"));
		if (Files.exists(store)) {
			long started = System.nanoTime();
			try (FileChannel channel = FileChannel.open(store, StandardOpenOption.READ);
					FileLock lock = tryShared(channel, store)) {
				Files.copy(store, copy, StandardCopyOption.COPY_ATTRIBUTES);
			}
			catch (IOException ex) {
				// a full disk: the command works on the store in place, and must not find the disk filled by half a copy
				Files.deleteIfExists(copy);
				throw ex;
			}
			log.info("Working on a copy of {} ({} MB, copied in {} ms): a kill leaves the store as it is", store,
					Files.size(copy) >> 20, (System.nanoTime() - started) / 1_000_000);
		}
		else {
			Files.createDirectories(base.getParent());
		}
		int settings = url.indexOf(';');
		String copyUrl = "jdbc:h2:file:" + copyBase + ((settings < 0) ? "" : url.substring(settings));
		return new H2WorkingCopy(store, copyBase, copyUrl, user, password);
	}

	/** H2 holds its file with an exclusive lock while it is open: a shared one fails then. */
	private static FileLock tryShared(FileChannel channel, Path store) throws IOException {
		FileLock lock;
		try {
			lock = channel.tryLock(0, Long.MAX_VALUE, true);
		}
		catch (OverlappingFileLockException ex) {
			lock = null; // open in this very process
		}
		if (lock == null) {
			throw new StoreInUse(store);
		}
		return lock;
	}

	/**
	 * Closes the application's connections and the database, then renames the working copy over
	 * the store; once only. False, and logged, when it could not: the store stays as it was before
	 * the command, and the next run starts from it.
	 */
	synchronized boolean publish(DataSource dataSource) {
		if (this.published) {
			return true;
		}
		this.published = true;
		try {
			if (dataSource instanceof Closeable pool) {
				pool.close();
			}
			// the pool's last connection may have closed the database already: this opens it, if need be, to close it
			try (Connection c = DriverManager.getConnection(this.copyUrl + ";IFEXISTS=TRUE", this.user, this.password);
					Statement s = c.createStatement()) {
				s.execute("SHUTDOWN");
			}
			Files.move(file(this.copyBase), this.store, StandardCopyOption.ATOMIC_MOVE,
					StandardCopyOption.REPLACE_EXISTING);
			log.info("The night's working copy is now the store {}", this.store);
			return true;
		}
		catch (IOException | SQLException | RuntimeException ex) {
			log.error("The working copy could not replace the store {}, which stays as it was before this command: {}",
					this.store, ex.toString(), ex);
			return false;
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
