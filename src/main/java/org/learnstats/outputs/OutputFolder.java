package org.learnstats.outputs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Builds a run's output folder aside and publishes it so that whoever opens the output folder
 * ({@code out}) finds a complete folder of one run at every instant, even across a kill -9.
 * <p>
 * {@code out} is a symbolic link to a hidden sibling holding one complete build,
 * {@code .out.<time>-<run>}. A run builds in {@code .out.building-<run>-<time>}, renames it to its
 * complete name when every part has written, creates a new link {@code .out.link-...} to it and
 * renames that link over {@code out}: one rename(2), atomic, so a reader follows either the old
 * link or the new one. The previous build is deleted only after the switch. The first publish
 * over an {@code out} that is a real folder (written by an older version) moves that folder
 * aside and links {@code out} in its place; a kill in the instant between those two renames is
 * repaired by the next run, which links {@code out} to the newest complete build before anything
 * else.
 */
public final class OutputFolder {

	/** Where {@link #publish(Path)} may be stopped, in order, as a kill -9 would stop it. */
	enum Step {

		/** The build was renamed to its complete name. */
		COMPLETED,
		/** The new link was created beside {@code out}. */
		LINKED,
		/** A real {@code out} folder was moved aside (first publish only). */
		MIGRATED,
		/** The link was renamed over {@code out}: the new build is published. */
		SWITCHED,
		/** Builds other than the published one were deleted. */
		CLEANED

	}

	/** A seam for tests: called after each step of {@link #publish(Path)}. */
	@FunctionalInterface
	interface StepListener {

		void after(Step step) throws IOException;

	}

	private static final Log logger = LogFactory.getLog(OutputFolder.class);

	private final Path out;

	private final String prefix;

	private final Pattern complete;

	private final StepListener steps;

	public OutputFolder(Path out) {
		this(out, (step) -> {
		});
	}

	OutputFolder(Path out, StepListener steps) {
		this.out = out.toAbsolutePath().normalize();
		this.prefix = "." + this.out.getFileName() + ".";
		this.complete = Pattern.compile(Pattern.quote(this.prefix) + "\\d{13}-.+");
		this.steps = steps;
	}

	/** The name users open: a symbolic link to the published build once a run has published. */
	public Path out() {
		return this.out;
	}

	/**
	 * The folder currently published (the real folder {@code out} leads to), or {@code null} when
	 * there is none yet. Parts read the previous night's files from it.
	 */
	public Path published() {
		if (!Files.isDirectory(this.out)) {
			return null;
		}
		try {
			return this.out.toRealPath();
		}
		catch (IOException ex) {
			return null;
		}
	}

	/**
	 * A fresh, empty folder to build the next output in. A publication a kill interrupted is
	 * completed first; leftovers of killed runs (partial builds, links, older builds) are removed,
	 * never the published build.
	 */
	public Path prepare(long runId) throws IOException {
		Files.createDirectories(this.out.getParent());
		recover();
		removeLeftovers();
		Path building = sibling("building-" + runId + "-" + System.nanoTime());
		Files.createDirectories(building);
		return building;
	}

	/** Publishes a complete build in place of the previous one (see the class comment). */
	public void publish(Path building) throws IOException {
		String run = building.getFileName().toString().substring((this.prefix + "building-").length());
		run = run.substring(0, run.indexOf('-'));
		Path build = sibling(String.format(Locale.ROOT, "%013d-%s-%d", System.currentTimeMillis(), run,
				System.nanoTime() & Long.MAX_VALUE));
		Files.move(building, build, StandardCopyOption.ATOMIC_MOVE);
		this.steps.after(Step.COMPLETED);
		link(build);
		removeLeftovers();
		this.steps.after(Step.CLEANED);
	}

	/** Removes a build that will not be published (a full disk, a failed publication). */
	public void discard(Path building) {
		try {
			deleteTree(building);
		}
		catch (IOException ex) {
			logger.warn("Could not remove the unpublished build " + building + ": " + ex);
		}
	}

	/** Whether a failure is the disk (or the quota) being full. */
	public static boolean isDiskFull(Throwable failure) {
		for (Throwable t = failure; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			String message = (t instanceof FileSystemException fs) ? fs.getReason() : t.getMessage();
			if (message != null && (message.contains("No space left on device")
					|| message.contains("Disk quota exceeded") || message.contains("not enough space"))) {
				return true;
			}
		}
		return false;
	}

	private void link(Path build) throws IOException {
		Path link = sibling("link-" + System.nanoTime());
		Files.createSymbolicLink(link, build.getFileName());
		this.steps.after(Step.LINKED);
		if (Files.isDirectory(this.out, LinkOption.NOFOLLOW_LINKS)) {
			// published by an older version as a real folder: it becomes the oldest complete build
			Files.move(this.out, sibling("0000000000000-migrated"), StandardCopyOption.ATOMIC_MOVE);
			this.steps.after(Step.MIGRATED);
		}
		Files.move(link, this.out, StandardCopyOption.ATOMIC_MOVE);
		this.steps.after(Step.SWITCHED);
	}

	/** Links {@code out} to the newest complete build when a kill left it missing or dangling. */
	private void recover() throws IOException {
		if (Files.isDirectory(this.out)) {
			return;
		}
		List<Path> builds = siblings().stream()
			.filter((p) -> this.complete.matcher(p.getFileName().toString()).matches()
					&& Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
			.sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
			.toList();
		if (builds.isEmpty()) {
			if (Files.isSymbolicLink(this.out)) {
				Files.delete(this.out);
			}
			return;
		}
		logger.warn("The last publication of " + this.out + " was interrupted: publishing its complete build now");
		link(builds.get(0));
	}

	private void removeLeftovers() throws IOException {
		Path target = published();
		for (Path p : siblings()) {
			if (target == null || !p.toAbsolutePath().normalize().equals(target)) {
				deleteTree(p);
			}
		}
	}

	private List<Path> siblings() throws IOException {
		try (Stream<Path> all = Files.list(this.out.getParent())) {
			return all.filter((p) -> p.getFileName().toString().startsWith(this.prefix)).toList();
		}
	}

	private Path sibling(String suffix) {
		return this.out.resolveSibling(this.prefix + suffix);
	}

	/**
	 * Keeps the previous night's files of {@code relative} (a file or folder below the output
	 * folder) in the build: removes what a failed part left there and hard-links (or copies) the
	 * published files in its place. Nothing is kept when nothing was published.
	 * @return whether previous files were found
	 */
	public static boolean keepPrevious(OutputContext context, String relative) throws IOException {
		Path target = context.dir().resolve(relative).normalize();
		if (!target.startsWith(context.dir())) {
			throw new IllegalArgumentException("not below the output folder: " + relative);
		}
		deleteTree(target);
		if (context.previous() == null) {
			return false;
		}
		Path source = context.previous().resolve(relative).normalize();
		if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
			return false;
		}
		Files.createDirectories(target.getParent());
		Files.walkFileTree(source, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
				Files.createDirectories(target.resolve(source.relativize(dir).toString()));
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
				if (attrs.isRegularFile()) {
					Path to = (file.equals(source)) ? target : target.resolve(source.relativize(file).toString());
					linkOrCopy(file, to);
				}
				return FileVisitResult.CONTINUE;
			}
		});
		return true;
	}

	/**
	 * Gives the folder being built the published file {@code source} as {@code target}: a second
	 * name for the same bytes (a hard link), or, where the file system has none, a copy with the
	 * file's attributes.
	 */
	public static void linkOrCopy(Path source, Path target) throws IOException {
		try {
			Files.createLink(target, source);
		}
		catch (IOException | UnsupportedOperationException ex) {
			Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
		}
	}

	static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
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
				if (exc != null) {
					throw exc;
				}
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
