package org.learnstats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The folders follow the flow: a main source file uses only its own layer and the layers below
 * it (vocabulary < ingest < store < indicators < readmodel < outputs < run), whether by import or by a fully
 * qualified name; the vocabulary uses neither Spring nor JDBC.
 */
class LayersTest {

	private static final Path MAIN = Path.of("src/main/java");

	private static final List<String> LAYERS = List.of("vocabulary", "ingest", "store", "indicators", "readmodel",
			"outputs", "run");

	private static final Pattern REFERENCE = Pattern.compile("\\borg\\.learnstats\\.([a-z]+)\\b");

	private static final Pattern INFRASTRUCTURE = Pattern
		.compile("^import (static )?(org\\.springframework|java\\.sql|javax\\.sql|jakarta)\\.", Pattern.MULTILINE);

	@Test
	void noFileReachesUpTheFlow() throws IOException {
		List<String> violations = new ArrayList<>();
		for (Path file : sources()) {
			String layer = layerOf(file);
			if (layer == null) {
				continue; // the application class at the root wires everything
			}
			Matcher m = REFERENCE.matcher(Files.readString(file));
			while (m.find()) {
				String used = m.group(1);
				if (LAYERS.contains(used) && LAYERS.indexOf(used) > LAYERS.indexOf(layer)) {
					violations.add(MAIN.relativize(file) + " (" + layer + ") uses " + used);
				}
			}
		}
		assertThat(violations).as("references from a lower layer to a higher one").isEmpty();
	}

	@Test
	void theVocabularyHasNoSpringAndNoJdbc() throws IOException {
		List<String> violations = new ArrayList<>();
		for (Path file : sources()) {
			if ("vocabulary".equals(layerOf(file))) {
				Matcher m = INFRASTRUCTURE.matcher(Files.readString(file));
				while (m.find()) {
					violations.add(MAIN.relativize(file) + ": " + m.group());
				}
			}
		}
		assertThat(violations).isEmpty();
	}

	@Test
	void everyPackageBelongsToALayer() throws IOException {
		List<Path> files = sources();
		assertThat(files).as("the scan reads the sources").hasSizeGreaterThan(50);
		assertThat(files).allSatisfy((f) -> {
			String layer = layerOf(f);
			assertThat(layer == null || LAYERS.contains(layer)).as(f + " is in a known layer").isTrue();
		});
		for (String layer : LAYERS) {
			assertThat(files).as(layer).anyMatch((f) -> layer.equals(layerOf(f)));
		}
	}

	/** The layer of a file (the package below org.learnstats), or null for the root package. */
	private static String layerOf(Path file) {
		Path relative = MAIN.relativize(file);
		return (relative.getNameCount() > 3) ? relative.getName(2).toString() : null;
	}

	private static List<Path> sources() throws IOException {
		try (Stream<Path> files = Files.walk(MAIN)) {
			return files.filter((f) -> f.toString().endsWith(".java")).sorted().toList();
		}
	}

}
