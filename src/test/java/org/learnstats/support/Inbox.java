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
