package org.learnstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {

	record Rec(long line, List<String> fields, String raw) {
	}

	static List<Rec> read(String text, char delimiter) throws IOException {
		List<Rec> out = new ArrayList<>();
		try (CsvRecordReader r = new CsvRecordReader(new StringReader(text), delimiter)) {
			while (r.next()) {
				out.add(new Rec(r.line(), List.copyOf(r.fields()), r.raw()));
			}
		}
		return out;
	}

	@Test
	void quotedFieldsHoldDelimitersQuotesAndLineBreaks() throws IOException {
		List<Rec> recs = read("a,b,c\r\n1,\"x, \"\"y\"\"\nz\",3\r\n4,5,6", ',');
		assertThat(recs).hasSize(3);
		assertThat(recs.get(1).fields()).containsExactly("1", "x, \"y\"\nz", "3");
		assertThat(recs.get(1).line()).isEqualTo(2);
		assertThat(recs.get(1).raw()).isEqualTo("1,\"x, \"\"y\"\"\nz\",3");
		assertThat(recs.get(2).line()).isEqualTo(4);
		assertThat(recs.get(2).fields()).containsExactly("4", "5", "6");
	}

	@Test
	void blankLinesAreSkippedButDelimiterLinesAreRecords() throws IOException {
		List<Rec> recs = read("a;b\n\n   \n;\n1;2\n", ';');
		assertThat(recs).extracting(Rec::line).containsExactly(1L, 4L, 5L);
		assertThat(recs.get(1).fields()).containsExactly("", "");
	}

	@Test
	void crOnlyLineEndingsAndTabs() throws IOException {
		List<Rec> recs = read("a\tb\r1\t2\r", '\t');
		assertThat(recs).hasSize(2);
		assertThat(recs.get(1).fields()).containsExactly("1", "2");
		assertThat(recs.get(1).line()).isEqualTo(2);
	}

	@Test
	void spacesAroundQuotedFieldsAreTolerated() throws IOException {
		List<Rec> recs = read("a,b\n \"x,y\" , z\n", ',');
		assertThat(recs.get(1).fields().get(0).strip()).isEqualTo("x,y");
		assertThat(recs.get(1).fields()).hasSize(2);
	}

	@Test
	void unterminatedQuoteRunsToTheEnd() throws IOException {
		List<Rec> recs = read("a,b\n1,\"open\n2,3\n", ',');
		assertThat(recs).hasSize(2);
		assertThat(recs.get(1).fields()).containsExactly("1", "open\n2,3\n");
	}

	/**
	 * The reader's buffer is sized to the text it reads (the scan opens several per file): any size
	 * reads the same records, lines, raw text and lengths, whatever falls on a refill (a CR before
	 * its LF, a doubled quote, a record longer than the limit).
	 */
	@Test
	void aBufferOfAnySizeReadsTheSameRecords() throws IOException {
		java.util.Random random = new java.util.Random(20261207L);
		String[] pieces = { "a", "中文", ",", ",", "\"", "\"\"", "\r", "\n", "\r\n", " ", "x".repeat(40) };
		for (int round = 0; round < 300; round++) {
			StringBuilder text = new StringBuilder();
			int n = random.nextInt(80);
			for (int i = 0; i < n; i++) {
				text.append(pieces[random.nextInt(pieces.length)]);
			}
			List<String> expected = records(text.toString(), CsvRecordReader.BUFFER_CHARS);
			for (int size : new int[] { 0, 1, 2, 3, 7, 16, 17, 64, text.length() }) {
				assertThat(records(text.toString(), size)).as("buffer for %d chars of %s", size, text)
					.isEqualTo(expected);
			}
		}
	}

	private static List<String> records(String text, long bufferChars) throws IOException {
		List<String> out = new ArrayList<>();
		try (CsvRecordReader r = new CsvRecordReader(new StringReader(text), ',', 50, bufferChars)) {
			while (r.next()) {
				out.add(r.line() + " " + r.fields() + " " + r.raw() + " " + r.length() + " " + r.tooLong());
			}
		}
		return out;
	}

}
