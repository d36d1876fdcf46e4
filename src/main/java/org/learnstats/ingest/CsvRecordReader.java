package org.learnstats.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 records from decoded text, keeping what the reject ledger needs and Commons
 * CSV does not expose: the physical line a record starts on and the record's raw text.
 * Quoted fields may hold delimiters, doubled quotes and line breaks; lines end with LF, CRLF or
 * CR. Blank lines (empty or white space only) are skipped; a line of delimiters is a record.
 * Text after a closing quote is kept as it is (lenient), and an unterminated quote runs to the
 * end of the file.
 * <p>
 * Memory is bounded: a record longer than {@code maxChars} (a line of megabytes, a stray quote
 * that runs over hundreds of lines) keeps only its first {@code maxChars} characters in fields
 * and raw text; the rest is read, counted (its lines too) and dropped, so the next record starts
 * where it should. {@link #length()} then tells the whole length.
 */
public final class CsvRecordReader implements RecordSource {

	private static final int EOF = -1;

	private final Reader in;

	private final char delimiter;

	/** The most characters read from the source at a time. */
	static final int BUFFER_CHARS = 1 << 16;

	/** A buffer no larger than the text needs: the scan opens a few readers per file, of a line or two each. */
	private final char[] buf;

	private int pos;

	private int len;

	private long lineNo = 1;

	private long recordLine;

	private final List<String> fields = new ArrayList<>();

	private final StringBuilder field = new StringBuilder();

	private final StringBuilder raw = new StringBuilder();

	private final int maxChars;

	/** Characters of the current record so far, its line ending excluded once it ends. */
	private long chars;

	/** Whether the last character read was kept in raw. */
	private boolean kept;

	/** A reader with the default record limit of {@link IngestLimits}. */
	public CsvRecordReader(Reader in, char delimiter) {
		this(in, delimiter, IngestLimits.defaults().maxRecordChars());
	}

	public CsvRecordReader(Reader in, char delimiter, int maxChars) {
		this(in, delimiter, maxChars, BUFFER_CHARS);
	}

	/**
	 * A reader whose buffer holds {@code textChars} characters (the text's length, or an upper bound
	 * of it), at most {@link #BUFFER_CHARS}: the same records, without zeroing 128 KB for a short text.
	 */
	public CsvRecordReader(Reader in, char delimiter, int maxChars, long textChars) {
		this.buf = new char[(int) Math.max(16, Math.min(BUFFER_CHARS, textChars + 1))];
		this.in = in;
		this.delimiter = delimiter;
		this.maxChars = maxChars;
	}

	/** Advances to the next record that is not a blank line; false at the end of the text. */
	@Override
	public boolean next() throws IOException {
		while (true) {
			if (peek() == EOF) {
				return false;
			}
			boolean quotedAny = readRecord();
			if (quotedAny || this.fields.size() > 1 || !this.fields.get(0).isBlank()) {
				return true;
			}
		}
	}

	/** The fields of the current record, untrimmed. */
	@Override
	public List<String> fields() {
		return this.fields;
	}

	/** The physical line (1-based) the current record starts on. */
	@Override
	public long line() {
		return this.recordLine;
	}

	/** The current record's text as delivered, without its line ending; cut at the limit. */
	@Override
	public String raw() {
		return this.raw.length() > this.maxChars ? this.raw.substring(0, this.maxChars) : this.raw.toString();
	}

	/** The current record's whole length in characters, without its line ending. */
	public long length() {
		return this.chars;
	}

	/** Whether the current record is longer than the limit: its fields and raw text are cut. */
	public boolean tooLong() {
		return this.chars > this.maxChars;
	}

	private boolean readRecord() throws IOException {
		this.fields.clear();
		this.raw.setLength(0);
		this.chars = 0;
		this.recordLine = this.lineNo;
		boolean quotedAny = false;
		while (true) {
			this.field.setLength(0);
			int c = read();
			int spaces = 0;
			while (c == ' ' && this.delimiter != ' ') {
				keep(' ');
				spaces++;
				c = read();
			}
			if (c == '"') {
				quotedAny = true;
				this.field.setLength(Math.max(0, this.field.length() - spaces));
				c = readQuoted();
			}
			while (c != EOF && c != this.delimiter && c != '\n' && c != '\r') {
				keep((char) c);
				c = read();
			}
			if (this.fields.isEmpty() || this.chars <= this.maxChars) {
				this.fields.add(this.field.toString());
			}
			if (c == this.delimiter) {
				continue;
			}
			endLine(c);
			return quotedAny;
		}
	}

	/** Reads a quoted field's content after its opening quote; returns the char after the closing quote. */
	private int readQuoted() throws IOException {
		while (true) {
			int c = read();
			if (c == EOF) {
				return EOF;
			}
			if (c == '"') {
				int next = read();
				if (next == '"') {
					keep('"');
					continue;
				}
				return next;
			}
			if (c == '\n' || (c == '\r' && peek() != '\n')) {
				this.lineNo++;
			}
			keep((char) c);
		}
	}

	/** Adds a character to the current field while the record is within its limit. */
	private void keep(char c) {
		if (this.chars <= this.maxChars) {
			this.field.append(c);
		}
	}

	private void endLine(int c) throws IOException {
		if (c == EOF) {
			return;
		}
		// the line break was counted, and appended to raw by read() unless raw was full: drop it
		this.chars--;
		if (this.kept) {
			this.raw.setLength(this.raw.length() - 1);
		}
		if (c == '\r' && peek() == '\n') {
			this.pos++;
		}
		this.lineNo++;
	}

	private int read() throws IOException {
		if (this.pos == this.len && !fill()) {
			return EOF;
		}
		char c = this.buf[this.pos++];
		this.chars++;
		this.kept = this.raw.length() <= this.maxChars;
		if (this.kept) {
			this.raw.append(c);
		}
		return c;
	}

	private int peek() throws IOException {
		if (this.pos == this.len && !fill()) {
			return EOF;
		}
		return this.buf[this.pos];
	}

	private boolean fill() throws IOException {
		int n = this.in.read(this.buf, 0, this.buf.length);
		if (n <= 0) {
			return false;
		}
		this.pos = 0;
		this.len = n;
		return true;
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

}
