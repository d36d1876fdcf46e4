package org.learnstats.outputs.tables;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each period's lines sit in a file written period after period ({@code indicators.csv}),
 * with the stamp the period had when they were written ({@code indicators.PeriodChanges}): the
 * next run copies the lines of a period whose stamp has not moved from the published file, byte
 * for byte, instead of reading and formatting its values again. Kept beside the file in a hidden
 * manifest: a first line with the writing code's version, then the run that wrote it and the
 * file's size, then one line per period (period, stamp, offset, length; tab-separated).
 * <p>
 * Stamps count within one store: a store created afresh or restored from a backup numbers its
 * refreshes again, and the same stamp can then stand for other values. Run ids go back with it,
 * so a manifest is trusted only when the run that wrote it came before tonight's.
 */
final class PeriodBlocks {

	/** The lines of one period: the period's stamp, where they start and how many bytes. */
	record Block(long stamp, long offset, long length) {
	}

	/** No published blocks: everything is written. */
	static final PeriodBlocks NONE = new PeriodBlocks("", Map.of());

	private final String version;

	private final Map<String, Block> blocks;

	private PeriodBlocks(String version, Map<String, Block> blocks) {
		this.version = version;
		this.blocks = blocks;
	}

	/**
	 * The blocks of a published file, when its manifest was written by this {@code version} of the
	 * code, by a run before {@code runId}, and the file still has the size recorded; none otherwise
	 * (nothing is then reused).
	 */
	static PeriodBlocks of(Path file, Path manifest, String version, long runId) {
		try {
			if (!Files.isRegularFile(file) || !Files.isRegularFile(manifest)) {
				return NONE;
			}
			List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
			if (lines.size() < 3 || !lines.get(0).equals(version) || Long.parseLong(lines.get(1)) >= runId
					|| Long.parseLong(lines.get(2)) != Files.size(file)) {
				return NONE;
			}
			Map<String, Block> blocks = new LinkedHashMap<>();
			for (String line : lines.subList(3, lines.size())) {
				String[] cells = line.split("\t", -1);
				blocks.put(cells[0], new Block(Long.parseLong(cells[1]), Long.parseLong(cells[2]),
						Long.parseLong(cells[3])));
			}
			return new PeriodBlocks(version, blocks);
		}
		catch (IOException | RuntimeException ex) {
			return NONE;
		}
	}

	/** A new, empty record of blocks for a file being written by this {@code version}. */
	static PeriodBlocks writing(String version) {
		return new PeriodBlocks(version, new LinkedHashMap<>());
	}

	/** The published block of a period whose stamp is still {@code stamp} (above 0), else null. */
	Block unchanged(String period, long stamp) {
		Block block = this.blocks.get(period);
		return (stamp > 0 && block != null && block.stamp() == stamp) ? block : null;
	}

	boolean isEmpty() {
		return this.blocks.isEmpty();
	}

	/** Records a period's block, written at {@code offset}. */
	void add(String period, long stamp, long offset, long length) {
		this.blocks.put(period, new Block(stamp, offset, length));
	}

	/** Writes the manifest of a file of {@code size} bytes written by run {@code runId}. */
	void save(Path manifest, long runId, long size) throws IOException {
		try (BufferedWriter out = Files.newBufferedWriter(manifest, StandardCharsets.UTF_8)) {
			out.write(this.version + "\n" + runId + "\n" + size + "\n");
			for (Map.Entry<String, Block> e : this.blocks.entrySet()) {
				Block b = e.getValue();
				out.write(e.getKey() + "\t" + b.stamp() + "\t" + b.offset() + "\t" + b.length() + "\n");
			}
		}
	}

}
