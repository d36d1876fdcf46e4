package org.learnstats.outputs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * Builds a run's output folder aside and swaps it in, so a reader or a web server never sees
 * a half-written one. The new folder is written as a hidden sibling of the output folder (same
 * file system, so the swap is two renames); the old one is renamed away and deleted after the
 * new one is in place. A reader at worst finds the folder missing for the instant between the
 * two renames, never a mixture of two runs.
 */
public final class OutputFolder {

	private final Path out;

	public OutputFolder(Path out) {
		this.out = out.toAbsolutePath().normalize();
	}

	public Path out() {
		return this.out;
	}

	/** The currently published folder, or {@code null} when there is none yet. */
	public Path published() {
		return Files.isDirectory(this.out) ? this.out : null;
	}

	/** A fresh, empty folder to build the next output in; leftovers of killed runs are removed. */
	public Path prepare(long runId) throws IOException {
		Files.createDirectories(this.out.getParent());
		removeLeftovers();
		Path building = sibling(".building-" + runId);
		Files.createDirectories(building);
		return building;
	}

	/** Swaps the built folder in place of the published one. */
	public void publish(Path building) throws IOException {
		Path old = null;
		if (Files.exists(this.out)) {
			old = sibling(".old-" + building.getFileName().toString().replace(".building-", ""));
			deleteTree(old);
			Files.move(this.out, old, StandardCopyOption.ATOMIC_MOVE);
		}
		Files.move(building, this.out, StandardCopyOption.ATOMIC_MOVE);
		if (old != null) {
			deleteTree(old);
		}
	}

	private Path sibling(String suffix) {
		return this.out.resolveSibling("." + this.out.getFileName() + suffix);
	}

	private void removeLeftovers() throws IOException {
		String prefix = "." + this.out.getFileName() + ".";
		try (Stream<Path> siblings = Files.list(this.out.getParent())) {
			for (Path p : siblings.filter((p) -> p.getFileName().toString().startsWith(prefix)).toList()) {
				deleteTree(p);
			}
		}
	}

	static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		Files.walkFileTree(root, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
				Files.delete(file);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
				Files.delete(dir);
				return FileVisitResult.CONTINUE;
			}
		});
	}

	/** Deletes a tree, for callers that cannot throw. */
	public static void deleteQuietly(Path root) {
		try {
			deleteTree(root);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
