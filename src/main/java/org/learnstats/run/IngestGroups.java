package org.learnstats.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.learnstats.ingest.InboxPlan.PlannedFile;

/**
 * How the planned files of one kind are split into partitions for the workers, deterministically:
 * the files of one unit folder (the first folder of a file's path in the inbox; files at the
 * inbox's root count as one folder) stay together, in the scan's order, so that a unit's later
 * delivery is still applied after its earlier one; whole folders are then packed, in the order
 * the scan first met them, into partitions of about {@code filesPerPartition} files (a folder
 * with more files is a partition of its own, never split).
 */
final class IngestGroups {

	private IngestGroups() {
	}

	/** The unit folder of an export: its path's first folder, or "" at the inbox's root. */
	static String folder(String relativePath) {
		int slash = relativePath.indexOf('/');
		return (slash < 0) ? "" : relativePath.substring(0, slash);
	}

	/** The partitions of {@code files} (one kind's, in the scan's order); none for no file. */
	static List<List<PlannedFile>> of(List<PlannedFile> files, int filesPerPartition) {
		if (filesPerPartition < 1) {
			throw new IllegalArgumentException("files per partition must be at least 1: " + filesPerPartition);
		}
		Map<String, List<PlannedFile>> folders = new LinkedHashMap<>();
		for (PlannedFile file : files) {
			folders.computeIfAbsent(folder(file.file().relativePath()), (f) -> new ArrayList<>()).add(file);
		}
		List<List<PlannedFile>> partitions = new ArrayList<>();
		List<PlannedFile> current = new ArrayList<>();
		for (List<PlannedFile> folder : folders.values()) {
			if (!current.isEmpty() && current.size() + folder.size() > filesPerPartition) {
				partitions.add(List.copyOf(current));
				current.clear();
			}
			current.addAll(folder);
		}
		if (!current.isEmpty()) {
			partitions.add(List.copyOf(current));
		}
		return List.copyOf(partitions);
	}

}
