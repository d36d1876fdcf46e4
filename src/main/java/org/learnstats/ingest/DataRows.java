package org.learnstats.ingest;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.learnstats.vocabulary.RejectDetail.Text;

/**
 * The data rows of an export (spec section 2.4): the records after its header. Title rows above
 * the header are skipped, and so are total rows at its end: rows whose first non-empty value is
 * 合计, 总计 or 小计 (spaces inside and a trailing colon ignored) with nothing but other total
 * rows after them. A total row followed by data is data like any other row. Skipped rows are
 * not rows read; {@link #skipped()} counts them.
 */
final class DataRows implements RecordSource {

	/** The words that open a total row. */
	static final Set<String> TOTAL_WORDS = Set.of("合计", "总计", "小计");

	private final RecordSource source;

	/** Total rows waiting to see whether data follows them, and then the row that did. */
	private final Deque<Held> held = new ArrayDeque<>();

	private boolean draining;

	private Held current;

	private long skipped;

	private DataRows(RecordSource source) {
		this.source = source;
	}

	/** Opens an export positioned after its header row, its records bounded by the limits. */
	static DataRows open(InboxFile file, IngestLimits limits) throws IOException {
		RecordSource source = file.open(limits);
		try {
			DataRows rows = new DataRows(source);
			while (source.next()) {
				if (source.line() >= file.headerLine()) {
					return rows;
				}
				rows.skipped++;
			}
			return rows;
		}
		catch (IOException | RuntimeException ex) {
			source.close();
			throw ex;
		}
	}

	@Override
	public boolean next() throws IOException {
		if (this.draining) {
			this.current = this.held.poll();
			this.draining = !this.held.isEmpty();
			return true;
		}
		this.current = null;
		while (this.source.next()) {
			if (isTotal(this.source.fields())) {
				this.held.add(Held.of(this.source));
				continue;
			}
			if (this.held.isEmpty()) {
				return true;
			}
			this.held.add(Held.of(this.source));
			this.current = this.held.poll();
			this.draining = true;
			return true;
		}
		this.skipped += this.held.size();
		this.held.clear();
		return false;
	}

	/** Title rows and total rows skipped so far. */
	long skipped() {
		return this.skipped;
	}

	static boolean isTotal(List<String> fields) {
		for (String f : fields) {
			if (f.isBlank()) {
				continue;
			}
			char first = f.strip().charAt(0);
			if (first != '合' && first != '总' && first != '小') {
				return false;
			}
			String word = f.replaceAll("[\\s\\u3000]+", "").replaceAll("[:：]$", "");
			return TOTAL_WORDS.contains(word);
		}
		return false;
	}

	@Override
	public List<String> fields() {
		return this.current == null ? this.source.fields() : this.current.fields();
	}

	@Override
	public long line() {
		return this.current == null ? this.source.line() : this.current.line();
	}

	@Override
	public String raw() {
		return this.current == null ? this.source.raw() : this.current.raw();
	}

	@Override
	public long length() {
		return this.current == null ? this.source.length() : this.current.length();
	}

	@Override
	public Text unreadable(int index) {
		if (this.current == null) {
			return this.source.unreadable(index);
		}
		return index < this.current.unreadable().length ? this.current.unreadable()[index] : null;
	}

	@Override
	public void close() throws IOException {
		this.source.close();
	}

	/** A record kept aside. */
	private record Held(List<String> fields, long line, String raw, long length, Text[] unreadable) {

		static Held of(RecordSource s) {
			List<String> fields = new ArrayList<>(s.fields());
			Text[] unreadable = new Text[fields.size()];
			for (int i = 0; i < unreadable.length; i++) {
				unreadable[i] = s.unreadable(i);
			}
			return new Held(fields, s.line(), s.raw(), s.length(), unreadable);
		}

	}

}
