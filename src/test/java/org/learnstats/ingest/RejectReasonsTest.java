package org.learnstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per reason code of spec section 2.3, and the order in which reasons win. */
class RejectReasonsTest {

	static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);

	static final String ATTENDANCE = "unit_code,session_id,session_date,session_type,duration_hours,person_id,status\n";

	@TempDir
	Path dir;

	MemoryStore store = new MemoryStore().unit("U1", null).unit("U2", "U1").survey("U1", "S1");

	InboxFile file(String name, String text) throws IOException {
		Path p = this.dir.resolve(name);
		Files.writeString(p, text, StandardCharsets.UTF_8);
		return new InboxScanner(Kinds.ALL).inspect(p, name);
	}

	FileResult ingest(String name, String text) throws IOException {
		InboxFile f = file(name, text);
		assertThat(f.fileRejection()).as("file-level rejection").isNull();
		this.store.applied.clear();
		this.store.rejected.clear();
		FileResult result = new FileIngester(AS_OF).ingest(f, this.store, this.store);
		assertThat(result.rowsRead()).isEqualTo(result.rowsApplied() + result.rowsRejected());
		assertThat(result.rowsApplied()).isEqualTo(this.store.applied.size());
		assertThat(result.rowsRejected()).isEqualTo(this.store.rejected.size());
		return result;
	}

	@Test
	void unknownKind() throws IOException {
		InboxFile f = file("notes.csv", "author,pages,isbn\nx,y,3\n");
		assertThat(f.fileRejection().reason()).isEqualTo(Reason.UNKNOWN_KIND);
		assertThat(FileIngester.countRows(f)).isEqualTo(1);
	}

	@Test
	void aHeaderWithOneOwnColumnOfAKindIsMissingColumnsOfThatKind() throws IOException {
		InboxFile f = file("notes.csv", "title,author\nx,y\n");
		assertThat(f.fileRejection().reason()).isEqualTo(Reason.MISSING_COLUMN);
		assertThat(f.kindName()).isEqualTo("surveys");
	}

	@Test
	void sharedColumnsAloneAreAnUnknownKind() throws IOException {
		assertThat(file("a.csv", "unit_code,person_id,survey_id\n1,2,3\n").fileRejection().reason())
			.isEqualTo(Reason.UNKNOWN_KIND);
	}

	@Test
	void missingColumnNamesTheKindAndTheColumn() throws IOException {
		InboxFile f = file("a.csv", "unit_code,session_id,session_date,session_type,person_id,status\nU1,s,2025-01-01,other,p,present\n");
		assertThat(f.fileRejection().reason()).isEqualTo(Reason.MISSING_COLUMN);
		assertThat(f.fileRejection().detail()).isEqualTo("表头看似“学习考勤”导出，但缺少必需列：时长（duration_hours）");
		assertThat(f.fileRejection().english())
			.isEqualTo("the header looks like attendance but lacks required column(s): duration_hours");
		assertThat(f.kindName()).isEqualTo("attendance");
	}

	@Test
	void emptyFile() throws IOException {
		assertThat(file("e.csv", "").fileRejection().reason()).isEqualTo(Reason.EMPTY_FILE);
		assertThat(file("b.csv", "\n  \r\n\n").fileRejection().reason()).isEqualTo(Reason.EMPTY_FILE);
	}

	@Test
	void notText() throws IOException {
		Path p = this.dir.resolve("bin.csv");
		Files.write(p, new byte[] { 'u', 'n', 'i', 't', 0, 1, 2 });
		assertThat(new InboxScanner(Kinds.ALL).inspect(p, "bin.csv").fileRejection().reason())
			.isEqualTo(Reason.NOT_TEXT);
		Path q = this.dir.resolve("bad.csv");
		Files.write(q, new byte[] { 'a', ',', 'b', '\n', (byte) 0x80, (byte) 0xFF, (byte) 0xFF });
		assertThat(new InboxScanner(Kinds.ALL).inspect(q, "bad.csv").fileRejection().reason())
			.isEqualTo(Reason.NOT_TEXT);
	}

	@Test
	void fieldCount() throws IOException {
		ingest("a.csv", ATTENDANCE + "U1,s1,2025-01-01,other,2,p1\nU1,s1,2025-01-01,other,2,p2,present,extra\n");
		assertThat(this.store.reasonAt(2)).isEqualTo(Reason.FIELD_COUNT);
		assertThat(this.store.reasonAt(3)).isEqualTo(Reason.FIELD_COUNT);
		assertThat(this.store.rejected.get(0).unit()).isEqualTo("U1");
	}

	@Test
	void missingValueAndALineOfDelimitersOnly() throws IOException {
		ingest("a.csv", ATTENDANCE + "U1,s1,2025-01-01,other,,p1,present\n,,,,,,\n");
		assertThat(this.store.reasonAt(2)).isEqualTo(Reason.MISSING_VALUE);
		assertThat(this.store.reasonAt(3)).isEqualTo(Reason.MISSING_VALUE);
	}

	@Test
	void badDate() throws IOException {
		ingest("a.csv", ATTENDANCE + "U1,s1,2025-02-30,other,2,p1,present\n");
		assertThat(this.store.reasonAt(2)).isEqualTo(Reason.BAD_DATE);
	}

	@Test
	void badNumberForExponentsGroupingAndFractionsInIntegers() throws IOException {
		ingest("a.csv", ATTENDANCE + "U1,s1,2025-01-02,other,1e1,p1,present\nU1,s2,2025-01-02,other,.5,p1,present\n");
		assertThat(this.store.reasonAt(2)).isEqualTo(Reason.BAD_NUMBER);
		assertThat(this.store.reasonAt(3)).isEqualTo(Reason.BAD_NUMBER);
		this.store.rejected.clear();
		ingest("s.csv", "unit_code,survey_id,title,opened_on,distributed\nU1,S9,t,2025-01-01,10.5\nU1,S8,t,2025-01-01,\"1,000\"\n");
		assertThat(this.store.reasonAt(2)).isEqualTo(Reason.BAD_NUMBER);
		assertThat(this.store.reasonAt(3)).isEqualTo(Reason.BAD_NUMBER);
	}

	@Test
	void badCodeForLongCodesUnknownWordsAndBadYesNo() throws IOException {
		ingest("a.csv", ATTENDANCE + "U1," + "s".repeat(65) + ",2025-01-02,other,2,p1,present\n"
				+ "U1,s2,2025-01-02,seminar,2,p1,present\nU1,s3,2025-01-02,other,2,p1,here\n");
		assertThat(this.store.reasonAt(2)).isEqualTo(Reason.BAD_CODE);
		assertThat(this.store.reasonAt(3)).isEqualTo(Reason.BAD_CODE);
		assertThat(this.store.reasonAt(4)).isEqualTo(Reason.BAD_CODE);
		this.store.rejected.clear();
		ingest("r.csv", "unit_code,trip_id,person_id,start_date,end_date,report_submitted\nU1,t1,p1,2025-01-01,2025-01-02,maybe\n");
		assertThat(this.store.reasonAt(2)).isEqualTo(Reason.BAD_CODE);
	}

	@Test
	void outOfRange() throws IOException {
		ingest("a.csv", ATTENDANCE + "U1,s1,2025-01-02,other,0,p1,present\nU1,s2,2025-01-02,other,24.5,p1,present\n"
				+ "U1,s3,2025-01-02,other,24,p1,present\nU1,s4,2025-01-02,other,-1,p1,present\n");
		assertThat(this.store.reasonAt(2)).isEqualTo(Reason.OUT_OF_RANGE);
		assertThat(this.store.reasonAt(3)).isEqualTo(Reason.OUT_OF_RANGE);
		assertThat(this.store.reasonAt(4)).isNull();
		assertThat(this.store.reasonAt(5)).isEqualTo(Reason.OUT_OF_RANGE);
	}

	@Test
	void outOfRangeForDatesInTheWrongOrder() throws IOException {
		ingest("r.csv", "unit_code,trip_id,person_id,start_date,end_date\nU1,t1,p1,2025-03-02,2025-03-01\nU1,t2,p1,2025-03-02,2025-03-02\n");
		assertThat(this.store.reasonAt(2)).isEqualTo(Reason.OUT_OF_RANGE);
		assertThat(this.store.reasonAt(3)).isNull();
		this.store.rejected.clear();
		ingest("p.csv", "person_id,name,unit_code,rank,education,birth_date,joined_on,left_on\n"
				+ "p1,张三,U1,处级,本科,1980-01-01,2020-01-01,2020-01-01\np2,李四,U1,科级,大专,1980-01-01,2020-01-01,2027-01-01\n");
		assertThat(this.store.reasonAt(2)).isEqualTo(Reason.OUT_OF_RANGE);
		assertThat(this.store.reasonAt(3)).as("left_on may lie ahead").isNull();
	}

	@Test
	void outOfRangeForScores() throws IOException {
		ingest("q.csv", "unit_code,survey_id,response_id,submitted_on,q1,q2\nU1,S1,r1,2025-01-02,6,\nU1,S1,r2,2025-01-02,0,3\nU1,S1,r3,2025-01-02,5,\n");
		assertThat(this.store.reasonAt(2)).isEqualTo(Reason.OUT_OF_RANGE);
		assertThat(this.store.reasonAt(3)).isEqualTo(Reason.OUT_OF_RANGE);
		assertThat(this.store.reasonAt(4)).isNull();
	}

	@Test
	void futureDateButJoinedAndLeftMayLieAhead() throws IOException {
		ingest("a.csv", ATTENDANCE + "U1,s1,2026-11-21,other,2,p1,present\nU1,s2,2026-11-20,other,2,p1,present\n");
		assertThat(this.store.reasonAt(2)).isEqualTo(Reason.FUTURE_DATE);
		assertThat(this.store.reasonAt(3)).isNull();
		this.store.rejected.clear();
		ingest("p.csv", "person_id,name,unit_code,rank,education,birth_date,joined_on\np1,张三,U1,处级,本科,2027-01-01,2020-01-01\np2,李四,U1,科级,大专,1980-01-01,2027-01-01\n");
		assertThat(this.store.reasonAt(2)).isEqualTo(Reason.FUTURE_DATE);
		assertThat(this.store.reasonAt(3)).isNull();
		this.store.rejected.clear();
		ingest("r.csv", "unit_code,trip_id,person_id,start_date,end_date\nU1,t1,p1,2026-11-19,2026-11-22\n");
		assertThat(this.store.reasonAt(2)).as("end_date after D").isEqualTo(Reason.FUTURE_DATE);
	}

	@Test
	void unknownUnit() throws IOException {
		ingest("a.csv", ATTENDANCE + "U9,s1,2025-01-02,other,2,p1,present\n");
		assertThat(this.store.reasonAt(2)).isEqualTo(Reason.UNKNOWN_UNIT);
		assertThat(this.store.rejected.get(0).unit()).isEqualTo("U9");
	}

	@Test
	void unknownParentButUnitsOfTheSameFileCount() throws IOException {
		ingest("u.csv", "unit_code,unit_name,parent_code,unit_type\nA,甲,B,党委\nB,乙,U1,党支部\nC,丙,ZZ,办公室\nD,丁,C,其他\n");
		assertThat(this.store.reasonAt(2)).isNull();
		assertThat(this.store.reasonAt(3)).isNull();
		assertThat(this.store.reasonAt(4)).isEqualTo(Reason.UNKNOWN_UNIT);
		assertThat(this.store.reasonAt(5)).as("its parent was not applied").isEqualTo(Reason.UNKNOWN_UNIT);
		assertThat(this.store.applied).extracting((a) -> a.row()[3]).containsExactly("committee", "branch");
	}

	@Test
	void unknownSurvey() throws IOException {
		ingest("q.csv", "unit_code,survey_id,response_id,submitted_on,q1\nU1,S1,r1,2025-01-02,4\nU2,S1,r1,2025-01-02,4\n");
		assertThat(this.store.reasonAt(2)).isNull();
		assertThat(this.store.reasonAt(3)).as("S1 belongs to U1, not U2").isEqualTo(Reason.UNKNOWN_SURVEY);
	}

	@Test
	void cycleIncludingAUnitThatIsItsOwnParent() throws IOException {
		ingest("u.csv", "unit_code,unit_name,parent_code,unit_type\nA,甲,A,党委\nB,乙,C,党委\nC,丙,B,党委\nU1,根,U2,党委\nE,戊,U1,党委\n");
		assertThat(this.store.reasonAt(2)).isEqualTo(Reason.CYCLE);
		assertThat(this.store.reasonAt(3)).isEqualTo(Reason.CYCLE);
		assertThat(this.store.reasonAt(4)).isEqualTo(Reason.CYCLE);
		assertThat(this.store.reasonAt(5)).as("U2's parent is U1 in the store").isEqualTo(Reason.CYCLE);
		assertThat(this.store.reasonAt(6)).as("leads into a loop of others, but U1 stays a root").isNull();
	}

	@Test
	void aUnitLeadingIntoALoopOfNewUnitsIsACycleToo() throws IOException {
		ingest("u.csv", "unit_code,unit_name,parent_code,unit_type\nA,甲,B,党委\nB,乙,A,党委\nC,丙,A,党委\n");
		assertThat(this.store.reasonAt(2)).isEqualTo(Reason.CYCLE);
		assertThat(this.store.reasonAt(3)).isEqualTo(Reason.CYCLE);
		assertThat(this.store.reasonAt(4)).as("its parent A is rejected for a loop").isEqualTo(Reason.CYCLE);
	}

	@Test
	void duplicateKeyKeepsTheFirstRowThatPassesEveryOtherCheck() throws IOException {
		ingest("a.csv", ATTENDANCE + "U1,s1,2025-01-02,other,30,p1,present\nU1,s1,2025-01-02,other,2,p1,present\n"
				+ "U1,s1,2025-01-03,other,3,p1,late\n");
		assertThat(this.store.reasonAt(2)).isEqualTo(Reason.OUT_OF_RANGE);
		assertThat(this.store.reasonAt(3)).isNull();
		assertThat(this.store.reasonAt(4)).isEqualTo(Reason.DUPLICATE_KEY);
		assertThat(this.store.applied).hasSize(1);
		assertThat(this.store.applied.get(0).row()[5]).hasToString("2");
	}

	@Test
	void theFirstReasonInTableOrderWins() throws IOException {
		// blank status (MISSING_VALUE) beats the bad date; a bad date beats a bad number; a bad number a bad code
		ingest("a.csv", ATTENDANCE + "U9,s1,2025-02-30,other,x,p1,\nU9,s1,2025-02-30,seminar,x,p1,present\n"
				+ "U9,s1,2025-01-01,seminar,x,p1,present\nU9,s1,2025-01-01,seminar,25,p1,present\n"
				+ "U9,s1,2027-01-01,other,25,p1,present\nU9,s1,2027-01-01,other,2,p1,present\n");
		assertThat(this.store.rejected).extracting(MemoryStore.Rejected::reason)
			.containsExactly(Reason.MISSING_VALUE, Reason.BAD_DATE, Reason.BAD_NUMBER, Reason.BAD_CODE,
					Reason.OUT_OF_RANGE, Reason.FUTURE_DATE);
	}

	@Test
	void rejectsKeepTheRawRowAndItsFirstLine() throws IOException {
		ingest("a.csv", ATTENDANCE + "U1,s1,2025-01-02,\"multi\nline\",2,p1,present\n");
		assertThat(this.store.rejected.get(0).line()).isEqualTo(2);
		assertThat(this.store.rejected.get(0).raw()).isEqualTo("U1,s1,2025-01-02,\"multi\nline\",2,p1,present");
	}

}
