package org.learnstats.indicators;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements of a SQL resource under {@code indicators/}: comment lines dropped, split at
 * lines ending with a semicolon.
 */
final class SqlScript {

	private SqlScript() {
	}

	static List<String> load(String name) {
		try (InputStream in = SqlScript.class.getResourceAsStream("/indicators/" + name)) {
			if (in == null) {
				throw new IllegalStateException("missing resource indicators/" + name);
			}
			return split(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<String> split(String script) {
		List<String> statements = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : script.split("\r?\n")) {
			String trimmed = line.strip();
			if (trimmed.startsWith("--") || trimmed.isEmpty()) {
				continue;
			}
			if (trimmed.endsWith(";")) {
				current.append(line, 0, line.lastIndexOf(';'));
				statements.add(current.toString().strip());
				current.setLength(0);
			}
			else {
				current.append(line).append('\n');
			}
		}
		if (!current.toString().isBlank()) {
			statements.add(current.toString().strip());
		}
		return statements;
	}

}
