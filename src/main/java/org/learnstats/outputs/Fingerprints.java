package org.learnstats.outputs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reuse of a part's files from the published folder. Each file a part writes gets the
 * fingerprint of exactly what it is drawn from (its data, labels, the version of the code that
 * draws it); the part's folder keeps them in a hidden manifest, {@code <folder>/.fingerprints}
 * (one line per file: fingerprint, size in bytes, path relative to the folder; sorted by path).
 * When the next run computes the same fingerprint for a file and the published folder holds that
 * file with the recorded size, the file is hard-linked into the folder being built (copied where
 * the file system has no hard links) instead of being drawn again.
 *
 * <p>Linking never changes the published folder: the new folder only gains a second name for
 * the same bytes, and parts never write into an existing file (a file drawn anew is created
 * fresh). A run killed before the swap leaves the published folder as it was; the swap itself
 * publishes a complete folder of one run, whether its files were drawn or linked.
 *
 * <p>Thread-safe: parts may reuse and record from several threads.
 */
public final class Fingerprints {

	/** The manifest's file name, inside the part's folder. */
	public static final String FILE = ".fingerprints";

	private final Path from;

	private final Path to;

	private final Map<String, Entry> previous;

	private final Map<String, Entry> next = new ConcurrentHashMap<>();

	/** The folders of the folder being built that a link has made sure of. */
	private final Set<Path> folders = ConcurrentHashMap.newKeySet();

	private final AtomicInteger reused = new AtomicInteger();

	private final AtomicInteger drawn = new AtomicInteger();

	private record Entry(String fingerprint, long size) {
	}

	private Fingerprints(Path from, Path to, Map<String, Entry> previous) {
		this.from = from;
		this.to = to;
		this.previous = previous;
	}

	/**
	 * The fingerprints of a part writing into {@code folder} below the output folder; the
	 * published folder's manifest is read when there is one (a missing or unreadable manifest
	 * means nothing is reused).
	 */
	public static Fingerprints open(OutputContext context, String folder) {
		Path to = context.dir().resolve(folder);
		if (context.previous() == null) {
			return new Fingerprints(null, to, Map.of());
		}
		Path from = context.previous().resolve(folder);
		return new Fingerprints(from, to, read(from.resolve(FILE)));
	}

	/**
	 * Hard-links the files {@code paths} (relative to the folder) from the published folder when
	 * every one of them was recorded there with {@code fingerprint} and is still there with its
	 * recorded size; all or none are linked. Returns whether they were, and if so records them.
	 */
	public boolean reuse(List<String> paths, String fingerprint) throws IOException {
		if (this.from == null) {
			return false;
		}
		for (String path : paths) {
			Entry e = this.previous.get(path);
			if (e == null || !e.fingerprint().equals(fingerprint)) {
				return false;
			}
		}
		// one stat per file: a night links thousands of files, and each system call counts
		for (String path : paths) {
			if (!isFileOfSize(this.from.resolve(path), this.previous.get(path).size())) {
				return false;
			}
		}
		for (String path : paths) {
			Path source = this.from.resolve(path);
			Path target = this.to.resolve(path);
			Path parent = target.getParent();
			if (this.folders.add(parent)) {
				Files.createDirectories(parent);
			}
			OutputFolder.linkOrCopy(source, target);
			this.next.put(path, this.previous.get(path));
		}
		this.reused.incrementAndGet();
		return true;
	}

	private static boolean isFileOfSize(Path file, long size) throws IOException {
		try {
			BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
			return a.isRegularFile() && a.size() == size;
		}
		catch (NoSuchFileException ex) {
			return false;
		}
	}

	/** Records the fingerprint of files just written (relative to the folder). */
	public void record(List<String> paths, String fingerprint) throws IOException {
		for (String path : paths) {
			this.next.put(path, new Entry(fingerprint, Files.size(this.to.resolve(path))));
		}
		this.drawn.incrementAndGet();
	}

	/**
	 * After a piece of the part failed and its published files were kept in its place: the
	 * entries below {@code prefix} become the published ones, so nothing drawn for the failed piece
	 * is taken for what the folder holds.
	 */
	public void keepPrevious(String prefix) {
		this.next.keySet().removeIf((path) -> path.startsWith(prefix));
		this.previous.forEach((path, e) -> {
			if (path.startsWith(prefix)) {
				this.next.put(path, e);
			}
		});
	}

	/** Writes the manifest of what this run recorded into the folder being built. */
	public void save() throws IOException {
		save(FILE);
	}

	/**
	 * Writes what this piece of the part recorded into the folder being built, as {@code name}
	 * (the piece's own file, so pieces written at once on several workers never share one), for
	 * {@link #merge} once every piece is written.
	 */
	public void save(String name) throws IOException {
		StringBuilder out = new StringBuilder(this.next.size() * 100);
		new TreeMap<>(this.next).forEach((path, e) -> out.append(line(e, path)));
		Files.createDirectories(this.to);
		Files.writeString(this.to.resolve(name), out, StandardCharsets.UTF_8);
	}

	/** A piece's manifest name: {@code .fingerprints-<piece>}. */
	public static String pieceFile(int piece) {
		return FILE + "-" + piece;
	}

	/**
	 * Once every piece of a part is written: the pieces' manifests ({@link #pieceFile}) in
	 * {@code folder} become its one manifest, the same bytes one process writes, and are removed.
	 * @throws IllegalStateException when two pieces recorded the same file
	 */
	public static void merge(Path folder) throws IOException {
		Map<String, String> lines = new TreeMap<>();
		List<Path> pieces;
		try (var files = Files.list(folder)) {
			pieces = files.filter((f) -> f.getFileName().toString().startsWith(FILE + "-")).sorted().toList();
		}
		for (Path piece : pieces) {
			for (String line : Files.readAllLines(piece, StandardCharsets.UTF_8)) {
				String path = line.split(" ", 3)[2];
				if (lines.put(path, line + "\n") != null) {
					throw new IllegalStateException("two pieces recorded " + path + " in " + folder);
				}
			}
		}
		Files.writeString(folder.resolve(FILE), String.join("", lines.values()), StandardCharsets.UTF_8);
		for (Path piece : pieces) {
			Files.delete(piece);
		}
	}

	private static String line(Entry e, String path) {
		return e.fingerprint() + ' ' + e.size() + ' ' + path + '\n';
	}

	/** How many items (calls of {@link #reuse}) were linked from the published folder. */
	public int reused() {
		return this.reused.get();
	}

	/** How many items (calls of {@link #record}) were drawn anew. */
	public int drawn() {
		return this.drawn.get();
	}

	/** The SHA-256 of the parts, each followed by a line feed, in hex. */
	public static String digest(Object... parts) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (Object part : parts) {
				sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
				sha.update((byte) '\n');
			}
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The SHA-256 of some bytes, in hex. */
	public static String digest(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The SHA-256 of a class file, {@code simpleName} (such as {@code Outer$Inner}) next to
	 * {@code anchor}, in hex; {@code <simpleName>:missing} when there is none. Parts put the digests
	 * of the classes that draw their files into their fingerprints, so changed code redraws them.
	 */
	public static String ofClass(Class<?> anchor, String simpleName) {
		try (InputStream in = anchor.getResourceAsStream(simpleName + ".class")) {
			return (in == null) ? simpleName + ":missing" : digest(in.readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Map<String, Entry> read(Path manifest) {
		if (!Files.isRegularFile(manifest)) {
			return Map.of();
		}
		Map<String, Entry> out = new HashMap<>();
		try {
			for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
				String[] f = line.split(" ", 3);
				if (f.length == 3 && f[0].length() == 64) {
					out.put(f[2], new Entry(f[0], Long.parseLong(f[1])));
				}
			}
		}
		catch (IOException | NumberFormatException | UncheckedIOException ex) {
			return Map.of();
		}
		return out;
	}

}
