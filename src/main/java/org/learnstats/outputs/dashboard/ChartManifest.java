package org.learnstats.outputs.dashboard;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.learnstats.outputs.UnitKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The charts the charts part drew for a unit, from {@code charts/<key>/charts.csv} (file
 * without extension, title, indicator id or empty; a header row {@code file,...} is allowed).
 * Entries whose PNG is missing are left out; a unit without the manifest has no charts.
 */
final class ChartManifest {

	private static final Logger log = LoggerFactory.getLogger(ChartManifest.class);

	/** One chart: its file name without extension, its title, the indicator it shows (or empty). */
	record Chart(String file, String title, String indicator) {
	}

	private ChartManifest() {
	}

	static List<Chart> read(Path outDir, String unitCode) {
		Path dir = outDir.resolve("charts").resolve(UnitKey.of(unitCode));
		Path manifest = dir.resolve("charts.csv");
		if (!Files.isRegularFile(manifest)) {
			return List.of();
		}
		List<Chart> charts = new ArrayList<>();
		try (Reader in = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
			for (CSVRecord record : CSVFormat.RFC4180.parse(in)) {
				String file = strip(record.get(0));
				if (file.isEmpty() || (record.getRecordNumber() == 1 && file.equalsIgnoreCase("file"))) {
					continue;
				}
				String title = (record.size() > 1) ? record.get(1).trim() : file;
				String indicator = (record.size() > 2) ? record.get(2).trim() : "";
				if (file.contains("/") || file.contains("\\") || file.startsWith(".")
						|| !Files.isRegularFile(dir.resolve(file + ".png"))) {
					log.warn("Chart {} of unit {} listed in charts.csv has no PNG: left out", file, unitCode);
					continue;
				}
				charts.add(new Chart(file, title.isEmpty() ? file : title, indicator));
			}
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Unreadable chart manifest {}: {}", manifest, ex.toString());
		}
		return charts;
	}

	private static String strip(String text) {
		return (text.startsWith("\uFEFF") ? text.substring(1) : text).trim();
	}

}
