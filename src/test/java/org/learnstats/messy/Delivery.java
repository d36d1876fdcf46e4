package org.learnstats.messy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One thing a unit puts into the inbox: a file of bytes, or (hostile cases) a FIFO or a symbolic
 * link.
 *
 * @param path the path relative to the inbox, '/' separated
 * @param bytes the file's bytes (null for a FIFO or a link)
 * @param linkTarget for a symbolic link, where it points (absolute, or relative to the link)
 * @param fifo whether this is a named pipe
 */
public record Delivery(String path, byte[] bytes, String linkTarget, boolean fifo) {

	public static Delivery file(String path, byte[] bytes) {
		return new Delivery(path, bytes, null, false);
	}

	public static Delivery symlink(String path, String target) {
		return new Delivery(path, null, target, false);
	}

	public static Delivery fifo(String path) {
		return new Delivery(path, null, null, true);
	}

	/** The same bytes under another name: an exact re-delivery. */
	public Delivery renamed(String newPath) {
		return new Delivery(newPath, this.bytes, this.linkTarget, this.fifo);
	}

	/**
	 * Puts this delivery into an inbox. A FIFO is made with {@code mkfifo} where the OS has one;
	 * returns false when the OS does not allow this delivery (the caller skips it).
	 */
	public boolean writeInto(Path inbox) {
		Path p = inbox.resolve(this.path);
		try {
			Files.createDirectories(p.getParent());
			if (this.fifo) {
				Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
				return mk.waitFor() == 0;
			}
			if (this.linkTarget != null) {
				Files.createSymbolicLink(p, Path.of(this.linkTarget));
				return true;
			}
			Files.write(p, this.bytes);
			return true;
		}
		catch (IOException | UnsupportedOperationException ex) {
			if (this.fifo || this.linkTarget != null) {
				return false;
			}
			throw new UncheckedIOException(ex instanceof IOException io ? io : new IOException(ex));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
