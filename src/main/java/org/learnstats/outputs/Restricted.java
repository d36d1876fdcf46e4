package org.learnstats.outputs;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * {@code restricted/}: the only place names or other personal data are written (person-level
 * lists, the raw text of rejected rows). Its folders are created {@code rwxr-x---} and its files
 * {@code rw-r-----}: never readable by other users, such as a web server's. An operator may keep
 * it out of the web root altogether ({@code learnstats.restricted-dir}); the run then publishes it
 * there (see {@code WriteOutputsTasklet}).
 */
public final class Restricted {

	/** Its name below the output folder. */
	public static final String DIR = "restricted";

	static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwxr-x---");

	static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r-----");

	private Restricted() {
	}

	/** {@code restricted/} below the folder being built, created without any permission for others. */
	public static Path dir(OutputContext context) throws IOException {
		Path dir = context.dir().resolve(DIR);
		if (!Files.isDirectory(dir)) {
			Files.createDirectories(dir);
		}
		permit(dir, FOLDER);
		return dir;
	}

	/** Takes every permission of others (and group write) from a folder or file tree. */
	public static void seal(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		Files.walkFileTree(root, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
				permit(dir, FOLDER);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
				if (attrs.isRegularFile()) {
					permit(file, FILE);
				}
				return FileVisitResult.CONTINUE;
			}
		});
	}

	private static void permit(Path path, Set<PosixFilePermission> permissions) throws IOException {
		try {
			Files.setPosixFilePermissions(path, permissions);
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: its own access rules apply
		}
	}

}
