package org.learnstats.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnstats.ingest.CheckedRow;
import org.learnstats.ingest.FileIngester;
import org.learnstats.ingest.FileResult;
import org.learnstats.ingest.InboxFile;
import org.learnstats.ingest.InboxPlan.PlannedFile;
import org.learnstats.ingest.InboxScanner;
import org.learnstats.ingest.Kinds;
import org.learnstats.ingest.Rejection;
import org.learnstats.ingest.RowSink;
import org.learnstats.ingest.StoreLookups;
import org.learnstats.support.Inbox;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** A worker reads a partition's files exactly as the manager's scan planned them. */
class PlannedFilesContextTest {

	@TempDir
	Path tmp;

	@Test
	void aPartitionsFilesComeBackAsTheScanSawThemAndIngestAlike() throws IOException {
		Inbox inbox = new Inbox(this.tmp.resolve("inbox"))
			.file("U1/att.csv", "title row\nunit_code;session_id;session_date;session_type;duration_hours;person_id;status\n"
					+ "U1;s1;2025-01-02;讲座;2;P1;出席\nU1;s1;2025-01-02;讲座;x;P2;出席\n")
			.file("U2/问卷.csv", "q2,q1,unit_code,survey_id,response_id,submitted_on\n3,5,U2,S1,r1,2025-01-02\n")
			.file("U2/gbk.txt", "unit_code\tsession_id\tsession_date\tsession_type\tduration_hours\tperson_id\tstatus\n"
					+ "U2\ts2\t2025-01-03\t党课\t1.5\tP3\t缺席\n", Charset.forName("GB18030"));
		List<InboxFile> scanned = new InboxScanner(Kinds.ALL).scan(inbox.dir()).files();
		for (String kind : List.of("attendance", "responses")) {
			List<PlannedFile> planned = new ArrayList<>();
			for (InboxFile f : scanned) {
				if (f.kind().name().equals(kind)) {
					planned.add(new PlannedFile(f, 40 + planned.size()));
				}
			}
			assertThat(planned).isNotEmpty();
			ExecutionContext context = new ExecutionContext();
			PlannedFilesContext.put(context, kind, planned);
			List<PlannedFile> back = PlannedFilesContext.files(context, Kinds.ALL);
			assertThat(context.getString(PlannedFilesContext.KIND)).isEqualTo(kind);
			assertThat(back).hasSameSizeAs(planned);
			for (int i = 0; i < planned.size(); i++) {
				InboxFile a = planned.get(i).file();
				InboxFile b = back.get(i).file();
				assertThat(back.get(i).deliveryId()).isEqualTo(planned.get(i).deliveryId());
				assertThat(b.kind()).isSameAs(a.kind());
				assertThat(List.of(b.path(), b.relativePath(), b.text(), b.delimiter(), b.headerLine(), b.sheet(),
						b.header().width()))
					.isEqualTo(List.of(a.path(), a.relativePath(), a.text(), a.delimiter(), a.headerLine(), a.sheet(),
							a.header().width()));
				assertThat(b.header().positions()).containsExactly(a.header().positions());
				assertThat(b.header().questions()).usingElementComparator((x, y) -> Arrays.compare(x, y))
					.containsExactlyElementsOf(a.header().questions());
				assertThat(ingest(b)).isEqualTo(ingest(a)).isNotEmpty();
			}
		}
	}

	/** Every verdict of the file's rows, and its counts. */
	private static List<String> ingest(InboxFile file) throws IOException {
		List<String> verdicts = new ArrayList<>();
		RowSink sink = new RowSink() {
			@Override
			public void apply(Object[] storeRow, CheckedRow row) {
				verdicts.add(row.line() + " applied " + Arrays.toString(storeRow));
			}

			@Override
			public void reject(long line, String unitCode, Rejection rejection, String raw) {
				verdicts.add(line + " rejected " + rejection.reason() + " " + raw);
			}
		};
		FileResult result = new FileIngester(LocalDate.of(2025, 2, 1)).ingest(file, new Everything(), sink);
		verdicts.add(result.rowsRead() + "/" + result.rowsApplied() + "/" + result.rowsRejected());
		return verdicts;
	}

	/** A store that knows every unit and survey. */
	private static final class Everything implements StoreLookups {

		@Override
		public boolean unitKnown(String unitCode) {
			return true;
		}

		@Override
		public String parentOf(String unitCode) {
			return null;
		}

		@Override
		public boolean surveyKnown(String unitCode, String surveyId) {
			return true;
		}

		@Override
		public void unitApplied(String unitCode, String parentCode) {
		}

		@Override
		public void surveyApplied(String unitCode, String surveyId) {
		}

	}

}
