package org.learnstats.ingest;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * A file the run found in the inbox and did not read, and why. It is no delivery: no ledger
 * entry, nothing applied, nothing recorded as read. Those the inbox rules ignore (spec section
 * 2: a link leading out of the inbox, anything that is not a regular file) stay ignored; those
 * that could not be read this night ({@link Cause#retried()}) are read on a later night.
 *
 * @param path its path relative to the inbox, with '/' separators
 * @param cause why it was not read
 * @param detail a sentence for the operator
 */
public record UnreadFile(String path, Cause cause, String detail) {

	/** Why a file was not read. */
	public enum Cause {

		/** A symbolic link whose target lies outside the inbox: never followed. */
		OUTSIDE_INBOX(false),
		/** A symbolic link that leads nowhere, or back into itself. */
		BROKEN_LINK(false),
		/** A FIFO, device or socket named like an export: never opened. */
		NOT_REGULAR(false),
		/** A second path (through a link) to a file the run reads under its first path. */
		SAME_FILE(false),
		/** The file name cannot be told under the JVM's file name encoding. */
		NAME_ENCODING(true),
		/** The file could not be opened or read (permissions, I/O error, deleted since the scan). */
		UNREADABLE(true),
		/** The file's bytes changed while the run read it. */
		CHANGED(true);

		private final boolean retried;

		Cause(boolean retried) {
			this.retried = retried;
		}

		/** Whether a later night reads the file again (else the inbox rules ignore it). */
		public boolean retried() {
			return this.retried;
		}

	}

	/** The file at {@code path} failed to read with {@code failure}. */
	public static UnreadFile of(String path, IOException failure) {
		if (failure instanceof FileChangedException || failure instanceof CharacterCodingException) {
			return new UnreadFile(path, Cause.CHANGED,
					"the file changed while it was read; it is read again on a later night (" + failure + ")");
		}
		String what = (failure instanceof NoSuchFileException) ? "it disappeared since the inbox was scanned"
				: (failure instanceof AccessDeniedException) ? "permission denied" : failure.toString();
		return new UnreadFile(path, Cause.UNREADABLE,
				"the file could not be read: " + what + "; it is read again on a later night");
	}

	/** Thrown when a file's bytes are no longer those the scan hashed. */
	public static final class FileChangedException extends IOException {

		private static final long serialVersionUID = 1L;

		public FileChangedException(String message) {
			super(message);
		}

	}

}
