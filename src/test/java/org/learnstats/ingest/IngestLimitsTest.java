package org.learnstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import org.learnstats.vocabulary.RejectDetail;

/**
 * The limits no real export reaches (file size, record and field length, header columns), the
 * numbers the store could not keep exactly, and event dates before the programme: each ends as a
 * reason, never as a failure, and the reader holds no more than one bounded record.
 */
class IngestLimitsTest {

	static final LocalDate AS_OF = RejectReasonsTest.AS_OF;

	static final String ATTENDANCE = RejectReasonsTest.ATTENDANCE;

	static final String TRAINING = "unit_code,record_id,person_id,course_name,course_type,credits,completed_on\n";

	/** Small limits, so the tests need no megabytes: 4 KB files, 200-char records, 50-char fields, 20 columns. */
	static final IngestLimits SMALL = new IngestLimits(DataSize.ofKilobytes(4), 200, 50, 20, LocalDate.of(2000, 1, 1));

	static final IngestLimits DEFAULTS = IngestLimits.defaults();

	@TempDir
	Path dir;

	MemoryStore store = new MemoryStore().unit("U1", null).survey("U1", "S1");

	InboxFile file(String name, String text, IngestLimits limits) throws IOException {
		Path p = this.dir.resolve(name);
		Files.writeString(p, text, StandardCharsets.UTF_8);
		return new InboxScanner(Kinds.ALL, limits).inspect(p, name);
	}

	FileResult ingest(String text, IngestLimits limits) throws IOException {
		InboxFile f = file("f.csv", text, limits);
		assertThat(f.fileRejection()).as("file-level rejection").isNull();
		FileResult result = new FileIngester(AS_OF, limits).ingest(f, this.store, this.store);
		assertThat(result.rowsRead()).isEqualTo(result.rowsApplied() + result.rowsRejected());
		assertThat(result.rowsRejected()).isEqualTo(this.store.rejected.size());
		return result;
	}

	static List<String[]> records(String text, int max) throws IOException {
		List<String[]> out = new ArrayList<>();
		try (CsvRecordReader r = new CsvRecordReader(new StringReader(text), ',', max)) {
			while (r.next()) {
				out.add(new String[] { Long.toString(r.line()), Long.toString(r.length()), Boolean.toString(r.tooLong()),
						r.raw(), String.join("|", r.fields()) });
			}
		}
		return out;
	}

	@Test
	void theReaderKeepsABoundedRecordAndGoesOnAtTheNextOne() throws IOException {
		// a 5,000,000-character line, then a stray quote that runs over 300 lines, then a good record
		String stray = "3,\"open" + "\nx,y".repeat(300) + "\",z";
		List<String[]> recs = records("a,b\n" + "x".repeat(5_000_000) + ",1\n" + stray + "\n4,5\n", 100);
		assertThat(recs).hasSize(4);
		assertThat(recs.get(1)[1]).isEqualTo("5000002");
		assertThat(recs.get(1)[2]).isEqualTo("true");
		assertThat(recs.get(1)[3]).hasSize(100);
		assertThat(recs.get(1)[4].length()).isLessThanOrEqualTo(101);
		assertThat(recs.get(2)[0]).isEqualTo("3");
		assertThat(recs.get(2)[2]).isEqualTo("true");
		assertThat(recs.get(3)[0]).as("lines past the limit are still counted").isEqualTo("304");
		assertThat(recs.get(3)[4]).isEqualTo("4|5");
		assertThat(recs.get(3)[2]).isEqualTo("false");
	}

	@Test
	void aRecordOfExactlyTheLimitIsWholeAndOneMoreIsTooLong() throws IOException {
		List<String[]> recs = records("x".repeat(10) + "\r\n" + "y".repeat(11) + "\r\nz\n", 10);
		assertThat(recs.get(0)[3]).isEqualTo("x".repeat(10));
		assertThat(recs.get(0)[2]).isEqualTo("false");
		assertThat(recs.get(1)[3]).isEqualTo("y".repeat(10));
		assertThat(recs.get(1)[1]).isEqualTo("11");
		assertThat(recs.get(1)[2]).isEqualTo("true");
		assertThat(recs.get(2)[4]).isEqualTo("z");
	}

	@Test
	void aTooLongRowOrFieldIsTooLongBeforeAnyOtherReasonAndTheNextRowsAreRead() throws IOException {
		ingest(ATTENDANCE + "U9,s1," + "2".repeat(300) + ",other,2,p1,present\n" + "U9,s2,2025-01-02,other,2,p1,"
				+ "p".repeat(60) + "\n" + "U1,s3,2025-01-02,other,2,p1,present\n", SMALL);
		assertThat(this.store.reasonAt(2)).isEqualTo(Reason.TOO_LONG);
		assertThat(this.store.reasonAt(3)).as("a 60-char field against a limit of 50").isEqualTo(Reason.TOO_LONG);
		assertThat(this.store.rejected.get(1).detail()).contains("第 7 个字段长 60 个字符，超过上限 50");
		assertThat(this.store.rejected.get(0).unit()).isEqualTo("U9");
		assertThat(this.store.rejected.get(0).raw()).hasSize(200);
		assertThat(this.store.applied).hasSize(1);
	}

	@Test
	void aFileBeyondTheLimitsIsTooLargeAndNotRead() throws IOException {
		InboxFile big = file("big.csv", ATTENDANCE + "U1,s1,2025-01-02,other,2,p1,present\n".repeat(200), SMALL);
		assertThat(big.fileRejection().reason()).isEqualTo(Reason.TOO_LARGE);
		assertThat(big.fileRejection().detail()).contains("4096");
		assertThat(FileIngester.countRows(big, SMALL)).isZero();
		InboxFile longHeader = file("h.csv", "unit_code," + "x".repeat(300) + "\n1\n", SMALL);
		assertThat(longHeader.fileRejection().reason()).isEqualTo(Reason.TOO_LARGE);
		InboxFile quotedHeader = file("q.csv", "\"unit_code" + "\n".repeat(250) + "\",b\n1,2\n", SMALL);
		assertThat(quotedHeader.fileRejection().reason()).isEqualTo(Reason.TOO_LARGE);
		String columns = IntStream.rangeClosed(1, 21).mapToObj((i) -> "q" + i).collect(Collectors.joining(","));
		InboxFile wide = file("w.csv", "unit_code,survey_id,response_id,submitted_on," + columns + "\n", SMALL);
		assertThat(wide.fileRejection().reason()).isEqualTo(Reason.TOO_LARGE);
		assertThat(wide.fileRejection().detail()).contains("表头行有 25 列，超过上限 20");
	}

	@Test
	void titleRowsAboveTheHeaderKeepTheLimits() throws IOException {
		// a title, then the header: the title is skipped, the data rows keep the limits
		InboxFile titled = file("t.csv", "2025年培训台账\n" + TRAINING + "U1,r1,p1,c," + "x".repeat(300)
				+ ",1,2025-01-02\nU1,r2,p1,c,online,1,2025-01-02\n", SMALL);
		assertThat(titled.fileRejection()).isNull();
		assertThat(titled.headerLine()).isEqualTo(2);
		assertThat(new FileIngester(AS_OF, SMALL).ingest(titled, this.store, this.store))
			.isEqualTo(new FileResult(2, 1, 1, 1));
		assertThat(this.store.rejected).extracting(MemoryStore.Rejected::reason).containsExactly(Reason.TOO_LONG);
		// an over-long title cannot hide the header below it; it is skipped, cut
		InboxFile longTitle = file("m.csv", "x".repeat(300) + "\r\n\r\n" + TRAINING + "U1,r3,p1,c,online,1,2025-01-02\n",
				SMALL);
		assertThat(longTitle.fileRejection()).isNull();
		assertThat(longTitle.headerLine()).isEqualTo(3);
		assertThat(new FileIngester(AS_OF, SMALL).ingest(longTitle, this.store, this.store))
			.isEqualTo(new FileResult(1, 1, 0, 1));
		// an over-long or over-wide first line that no later line rescues is the header judged
		assertThat(file("l.csv", "x".repeat(300) + "\nno,header,here\n", SMALL).fileRejection().reason())
			.isEqualTo(Reason.TOO_LARGE);
		assertThat(file("w.csv", ",".repeat(30) + "\nno,header,here\n", SMALL).fileRejection().reason())
			.isEqualTo(Reason.TOO_LARGE);
		// an over-wide line below an unknown first line leaves the first line judged
		assertThat(file("u.csv", "no,header,here\n" + ",".repeat(30) + "\n", SMALL).fileRejection().reason())
			.isEqualTo(Reason.UNKNOWN_KIND);
	}

	@Test
	void aHeaderOfAHundredThousandColumnsIsTooLargeWithTheDefaults() throws IOException {
		String header = IntStream.rangeClosed(1, 100_000).mapToObj((i) -> "c" + i).collect(Collectors.joining(","));
		InboxFile f = file("wide.csv", header + "\n1,2\n", IngestLimits.defaults());
		assertThat(f.fileRejection().reason()).isEqualTo(Reason.TOO_LARGE);
		assertThat(f.fileRejection().detail()).contains("100000 列");
	}

	@Test
	void anUnknownKindDetailNeverRepeatsAnUnboundedHeader() throws IOException {
		InboxFile f = file("说明.txt", "这是一段很长的说明" + "，内容".repeat(50_000) + "\n", IngestLimits.defaults());
		assertThat(f.fileRejection().reason()).isEqualTo(Reason.UNKNOWN_KIND);
		assertThat(f.fileRejection().detail()).hasSizeLessThanOrEqualTo(Rejection.MAX_DETAIL)
			.contains("…[truncated, ");
	}

	@Test
	void theCutKeepsHeadAndTailAroundAMarkerAndNeverSplitsASurrogatePair() {
		String emoji = "😀".repeat(1000);
		String cut = Rejection.cut(emoji, 101);
		assertThat(cut).hasSizeLessThanOrEqualTo(101).contains("…[truncated, 2000 chars]");
		assertThat(cut.codePoints().filter((cp) -> cp >= 0xD800 && cp <= 0xDFFF)).as("no lone surrogate").isEmpty();
		assertThat(Rejection.cut("short", 101)).isEqualTo("short");
		Rejection date = Rejection.of(RejectDetail.NOT_A_DATE,
				RejectDetail.COLUMN.text("活动日期", "session_date"), "9".repeat(5000));
		assertThat(date.reason()).isEqualTo(Reason.BAD_DATE);
		assertThat(date.detail()).hasSizeLessThanOrEqualTo(Rejection.MAX_DETAIL)
			.startsWith("活动日期（session_date）“999").endsWith("”不是有效日期");
		assertThat(date.english()).hasSizeLessThanOrEqualTo(Rejection.MAX_DETAIL)
			.startsWith("session_date '999").endsWith("' is not a valid date");
	}

	@Test
	void numbersTheStoreWouldRoundAreOutOfRangeNotRounded() throws IOException {
		String tiny = "0." + "0".repeat(39) + "1";
		String nines = "99." + "9".repeat(30);
		ingest(ATTENDANCE + "U1,s1,2025-01-02,other," + tiny + ",p1,present\n" + "U1,s2,2025-01-02,other,1."
				+ "5" + "0".repeat(40) + ",p1,present\n" + "U1,s3,2025-01-02,other,000000000000000000000000002,p1,present\n"
				+ "U1,s4,2025-01-02,other,0.000000000000000001,p1,present\n", DEFAULTS);
		assertThat(this.store.reasonAt(2)).isEqualTo(Reason.OUT_OF_RANGE);
		assertThat(this.store.rejected.get(0).detail()).contains("小数部分 18 位");
		assertThat(this.store.reasonAt(3)).as("trailing zeros lose nothing").isNull();
		assertThat(this.store.reasonAt(4)).as("leading zeros lose nothing").isNull();
		assertThat(this.store.reasonAt(5)).as("18 decimals fit").isNull();
		assertThat(this.store.applied).extracting((a) -> ((java.math.BigDecimal) a.row()[5]).toPlainString()).containsExactly("1.5", "2",
				"0.000000000000000001");
		this.store.rejected.clear();
		ingest(TRAINING + "U1,t1,p1,课程,online," + nines + ",2025-01-02\nU1,t2,p1,课程,online,100.000,2025-01-02\n",
				DEFAULTS);
		assertThat(this.store.reasonAt(2)).isEqualTo(Reason.OUT_OF_RANGE);
		assertThat(this.store.reasonAt(3)).isNull();
	}

	@Test
	void integersAreCappedSoSumsCannotOverflowAndLongOnesAreOutOfRangeNotBadNumbers() throws IOException {
		ingest("unit_code,survey_id,title,opened_on,distributed\nU1,S2,t,2025-01-02,1000000000\n"
				+ "U1,S3,t,2025-01-02,1000000001\nU1,S4,t,2025-01-02,999999999999999999\n"
				+ "U1,S5,t,2025-01-02," + "9".repeat(40) + "\nU1,S6,t,2025-01-02,0000000000000000000000000007\n",
				DEFAULTS);
		assertThat(this.store.reasonAt(2)).isNull();
		assertThat(this.store.reasonAt(3)).isEqualTo(Reason.OUT_OF_RANGE);
		assertThat(this.store.reasonAt(4)).isEqualTo(Reason.OUT_OF_RANGE);
		assertThat(this.store.reasonAt(5)).isEqualTo(Reason.OUT_OF_RANGE);
		assertThat(this.store.reasonAt(6)).isNull();
		assertThat(this.store.applied).extracting((a) -> a.row()[4]).containsExactly(1_000_000_000L, 7L);
		this.store.rejected.clear();
		ingest("unit_code,survey_id,response_id,submitted_on,q1\nU1,S1,r1,2025-01-02,99999999999999999999999\n"
				+ "U1,S1,r2,2025-01-02,005\n", DEFAULTS);
		assertThat(this.store.reasonAt(2)).isEqualTo(Reason.OUT_OF_RANGE);
		assertThat(this.store.reasonAt(3)).isNull();
	}

	@Test
	void eventDatesBeforeTheProgrammeAreOutOfRangeButBirthDatesAreNot() throws IOException {
		ingest(ATTENDANCE + "U1,s1,1899-12-30,other,2,p1,present\nU1,s2,1999-12-31,other,2,p1,present\n"
				+ "U1,s3,2000-01-01,other,2,p1,present\nU1,s4,1899-12-30,other,2,p1,\n", DEFAULTS);
		assertThat(this.store.reasonAt(2)).isEqualTo(Reason.OUT_OF_RANGE);
		assertThat(this.store.rejected.get(0).detail()).contains("2000-01-01");
		assertThat(this.store.reasonAt(3)).isEqualTo(Reason.OUT_OF_RANGE);
		assertThat(this.store.reasonAt(4)).isNull();
		assertThat(this.store.reasonAt(5)).as("a blank status comes first").isEqualTo(Reason.MISSING_VALUE);
		this.store.rejected.clear();
		ingest("person_id,name,unit_code,rank,education,birth_date,joined_on\np1,张三,U1,处级,本科,1960-01-01,1985-07-01\n",
				DEFAULTS);
		assertThat(this.store.rejected).isEmpty();
		this.store.rejected.clear();
		IngestLimits later = new IngestLimits(DataSize.ofGigabytes(2), 1_000_000, 100_000, 2_000,
				LocalDate.of(2020, 1, 1));
		ingest("unit_code,trip_id,person_id,start_date,end_date\nU1,t1,p1,2019-12-31,2020-01-02\n", later);
		assertThat(this.store.reasonAt(2)).as("the earliest date is configurable").isEqualTo(Reason.OUT_OF_RANGE);
	}

}
