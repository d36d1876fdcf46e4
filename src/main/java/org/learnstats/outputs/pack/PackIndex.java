package org.learnstats.outputs.pack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import org.learnstats.outputs.UnitKey;
import org.learnstats.outputs.dashboard.Layout;
import org.learnstats.outputs.dashboard.Templates;
import org.learnstats.store.UnitForest;
import org.learnstats.store.UnitForest.Unit;

/**
 * The dashboard's index of packs, {@code packs.html}: per quarter (newest first), the
 * organization's pack and every unit's, each file with its size and SHA-256, so a secretary can
 * send each head theirs and the head can check what was received.
 */
final class PackIndex {

	/** A pack's files, as the index lists them. */
	static final List<String> FILES = List.of("pack.pdf", "pack.zip");

	/** The digests of a pack's files, in {@code sha256sum} format. */
	static final String SUMS = "pack.sha256";

	private PackIndex() {
	}

	/** What {@code packs.jte} shows: the quarters, newest first. */
	record Packs(List<QuarterPacks> quarters) {
	}

	/** A quarter's packs: the organization's first, then the units' in the forest's order. */
	record QuarterPacks(String label, List<Pack> packs) {
	}

	/** A pack's line: its files in the order of {@link #FILES}, null where one is missing. */
	record Pack(String name, String code, List<PackFile> files) {
	}

	/** A file of a pack: its link (relative to the output folder), size and SHA-256. */
	record PackFile(String href, String name, String size, String sha256) {
	}

	static void write(Path out, UnitForest forest, LocalDate asOf) throws IOException {
		Path packs = out.resolve("packs");
		List<Path> quarters = new ArrayList<>();
		if (Files.isDirectory(packs)) {
			try (DirectoryStream<Path> dirs = Files.newDirectoryStream(packs, Files::isDirectory)) {
				dirs.forEach(quarters::add);
			}
		}
		quarters.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
		List<QuarterPacks> shown = new ArrayList<>();
		for (Path q : quarters) {
			String id = q.getFileName().toString();
			String label = id;
			try {
				label = Quarter.parse(id).label();
			}
			catch (IllegalArgumentException ex) {
				// not a quarter's folder: listed under its name
			}
			List<Pack> rows = new ArrayList<>();
			pack(rows, out, q, "全组织", "");
			for (Unit u : forest.units()) {
				pack(rows, out, q.resolve(UnitKey.of(u.code())), u.name(), u.code());
			}
			shown.add(new QuarterPacks(label, rows));
		}
		Files.writeString(out.resolve("packs.html"), new Layout(asOf.toString()).page("季度报告", "", Layout.Nav.PACKS,
				Templates.content("outputs/pack/packs.jte", new Packs(shown))), StandardCharsets.UTF_8);
	}

	/** Adds the pack of a folder, when it has one. */
	private static void pack(List<Pack> rows, Path out, Path dir, String name, String code) throws IOException {
		if (!Files.isRegularFile(dir.resolve("pack.pdf"))) {
			return;
		}
		Map<String, String> sums = sums(dir);
		List<PackFile> files = new ArrayList<>();
		for (String file : FILES) {
			Path f = dir.resolve(file);
			files.add(Files.isRegularFile(f) ? new PackFile(out.relativize(f).toString().replace('\\', '/'), file,
					size(Files.size(f)), sums.containsKey(file) ? sums.get(file) : sha256(f)) : null);
		}
		rows.add(new Pack(name, code, Collections.unmodifiableList(files)));
	}

	/**
	 * Writes {@code pack.sha256} beside a pack's files as it is built ({@code sha256sum -c} reads it):
	 * the index reads the digests from there instead of reading every pack of every quarter again each
	 * night. It is carried over with the pack.
	 */
	static void writeSums(Path dir, Map<String, byte[]> files) throws IOException {
		StringBuilder out = new StringBuilder();
		for (String name : FILES) {
			out.append(HexFormat.of().formatHex(sha256().digest(files.get(name)))).append("  ").append(name).append('\n');
		}
		Files.writeString(dir.resolve(SUMS), out, StandardCharsets.UTF_8);
	}

	/** The digests of {@code pack.sha256} by file name; empty when there is none (they are computed then). */
	private static Map<String, String> sums(Path dir) throws IOException {
		Map<String, String> out = new HashMap<>();
		Path f = dir.resolve(SUMS);
		if (Files.isRegularFile(f)) {
			for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
				String[] parts = line.split("  ", 2);
				if (parts.length == 2 && parts[0].matches("[0-9a-f]{64}")) {
					out.put(parts[1], parts[0]);
				}
			}
		}
		return out;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String size(long bytes) {
		return bytes < 1024 ? bytes + " B"
				: bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0)
						: String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
	}

	static String sha256(Path file) throws IOException {
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
			in.transferTo(java.io.OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
