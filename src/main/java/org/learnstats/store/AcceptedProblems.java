package org.learnstats.store;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The problems an operator accepted as they are (a row that is right as delivered, a file that
 * will never be resent): a CSV file, UTF-8 with or without a BOM, one problem per line as
 * {@code file,line} with the file as {@code data-quality/open.csv} names it (relative to the
 * inbox) and the line empty for a quarantined file; a first line {@code file,line} and any
 * further columns (a note, who, when) are ignored, and so is a line whose line number is not a number. Set by {@code learnstats.quality.accepted-file}.
 */
public final class AcceptedProblems {

	private final Set<String> accepted;

	private AcceptedProblems(Set<String> accepted) {
		this.accepted = accepted;
	}

	public static AcceptedProblems none() {
		return new AcceptedProblems(Set.of());
	}

	/** Reads the file; a missing file accepts nothing. */
	public static AcceptedProblems read(Path file) {
		if (file == null || !Files.isRegularFile(file)) {
			return none();
		}
		Set<String> accepted = new HashSet<>();
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			for (CSVRecord record : CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get().parse(in)) {
				String name = record.get(0).replace("\uFEFF", "");
				String line = (record.size() > 1) ? record.get(1) : "";
				if (name.isEmpty() || (name.equals("file") && line.equals("line"))) {
					continue;
				}
				if (line.isEmpty() || line.chars().allMatch(Character::isDigit)) {
					accepted.add(key(name, line.isEmpty() ? null : Long.valueOf(line)));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the accepted problems " + file, ex);
		}
		return new AcceptedProblems(accepted);
	}

	public boolean contains(String file, Long line) {
		return this.accepted.contains(key(file, line));
	}

	public int size() {
		return this.accepted.size();
	}

	private static String key(String file, Long line) {
		return file + '\u0000' + ((line == null) ? "" : line.toString());
	}

}
