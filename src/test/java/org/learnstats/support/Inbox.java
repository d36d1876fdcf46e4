package org.learnstats.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes export files into a test inbox. */
public record Inbox(Path dir) {

	public Inbox {
		try {
			Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The units and people of {@code src/test/resources/inbox-small} (4 units, 5 people) in a new
	 * inbox {@code inbox} below {@code parent}.
	 */
	public static Path small(Path parent) {
		Inbox inbox = new Inbox(parent.resolve("inbox"));
		for (String name : java.util.List.of("units.csv", "people.csv")) {
			try (var in = Inbox.class.getResourceAsStream("/inbox-small/" + name)) {
				Files.copy(in, inbox.dir().resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return inbox.dir();
	}

	public Inbox file(String relativePath, String text) {
		return file(relativePath, text, StandardCharsets.UTF_8);
	}

	public Inbox file(String relativePath, String text, Charset charset) {
		try {
			Path p = this.dir.resolve(relativePath);
			Files.createDirectories(p.getParent());
			Files.write(p, text.getBytes(charset));
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
