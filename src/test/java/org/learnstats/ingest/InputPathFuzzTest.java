package org.learnstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the input path: any bytes go through decode ({@link TextEncoding}),
 * header ({@link InboxScanner#inspect}, {@link HeaderMatch}), rows ({@link CsvRecordReader}) and
 * checks ({@link FileIngester} on an in-memory store). Whatever the bytes, the file ends as a
 * quarantine with a file-level reason, or as applied and rejected rows whose ledger balances; no
 * exception escapes and no applied value breaks a rule of spec section 2.
 * <p>
 * A normal test run replays the committed corpus ({@code InputPathFuzzTestInputs/}) as
 * regression tests. {@code JAZZER_FUZZ=1} fuzzes (see the README's developer notes); new
 * findings land in the same folder and are committed with their fix.
 * <p>
 * The first byte of an input chooses its shape: below 0x80 the input is the whole file; else the
 * header of one of the seven kinds (byte % 7) is put before the rest, so the fuzzer spends its
 * time on rows and checks rather than on finding a header.
 */
class InputPathFuzzTest {

	static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);

	static final List<String> HEADERS = List.of("unit_code,unit_name,parent_code,unit_type\n",
			"person_id,name,unit_code,rank,education,birth_date,joined_on,left_on,in_degree_program\n",
			"unit_code,survey_id,title,opened_on,distributed\n",
			"unit_code,session_id,session_date,session_type,duration_hours,person_id,status\n",
			"unit_code,record_id,person_id,course_name,course_type,credits,completed_on\n",
			"unit_code,trip_id,person_id,start_date,end_date,topic,report_submitted\n",
			"unit_code,survey_id,response_id,submitted_on,q1,q2,suggestion\n");

	@FuzzTest(maxDuration = "60s")
	void anyBytesEndAsRowsRejectsOrAQuarantine(byte[] input) throws IOException {
		Path file = Files.createTempFile("fuzz", ".csv");
		try {
			Files.write(file, shape(input));
			check(file);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	static byte[] shape(byte[] input) {
		if (input.length == 0 || (input[0] & 0x80) == 0) {
			return input;
		}
		byte[] header = HEADERS.get((input[0] & 0x7f) % HEADERS.size()).getBytes(StandardCharsets.UTF_8);
		byte[] all = new byte[header.length + input.length - 1];
		System.arraycopy(header, 0, all, 0, header.length);
		System.arraycopy(input, 1, all, header.length, input.length - 1);
		return all;
	}

	private static void check(Path file) throws IOException {
		InboxFile f = new InboxScanner(Kinds.ALL).inspect(file, "fuzz.csv");
		if (f.fileRejection() != null) {
			assertThat(f.fileRejection().reason().fileLevel()).as("a file is quarantined only for a file-level reason")
				.isTrue();
			assertThat(f.fileRejection().detail()).isNotBlank();
			assertThat(f.kind()).isNull();
			assertThat(FileIngester.countRows(f)).isNotNegative();
			return;
		}
		MemoryStore store = new MemoryStore().unit("U1", null).unit("U2", "U1").survey("U1", "S1");
		FileResult r = new FileIngester(AS_OF).ingest(f, store, store);
		assertThat(r.rowsRead()).as("rows_read = rows_applied + rows_rejected")
			.isEqualTo(r.rowsApplied() + r.rowsRejected());
		assertThat(store.applied).hasSize((int) r.rowsApplied());
		assertThat(store.rejected).hasSize((int) r.rowsRejected());
		for (MemoryStore.Rejected rejected : store.rejected) {
			assertThat(rejected.reason().fileLevel()).as("a row is rejected only for a row-level reason").isFalse();
			assertThat(rejected.detail()).isNotBlank();
			assertThat(rejected.line()).isPositive();
		}
		AppliedValues rules = new AppliedValues(f.kind(), AS_OF, store);
		for (MemoryStore.Applied applied : store.applied) {
			rules.check(applied);
		}
	}

	/** What spec section 2 promises of every applied value, column by column. */
	record AppliedValues(ExportKind kind, LocalDate asOf, StoreLookups store) {

		void check(MemoryStore.Applied applied) {
			Object[] values = applied.checked().values();
			List<Column> columns = this.kind.columns();
			for (int i = 0; i < columns.size() && i < values.length; i++) {
				check(columns.get(i), values[i]);
			}
		}

		private void check(Column c, Object v) {
			if (v == null) {
				assertThat(c.required()).as(c.name() + " is required").isFalse();
				return;
			}
			if (c.unitRef()) {
				assertThat(this.store.unitKnown((String) v)).as(c.name() + " " + v + " is a known unit").isTrue();
			}
			switch (c.type()) {
				case CODE -> {
					String s = (String) v;
					assertThat(s).as(c.name()).isEqualTo(s.strip());
					assertThat(s.codePointCount(0, s.length())).as(c.name() + " length").isBetween(1, 64);
				}
				case DATE -> {
					if (c.dateRole() == Column.DateRole.NOT_AFTER_AS_OF) {
						assertThat((LocalDate) v).as(c.name()).isBeforeOrEqualTo(this.asOf);
					}
				}
				case DECIMAL, INTEGER -> {
					BigDecimal n = new BigDecimal(v.toString());
					if (c.min() != null) {
						assertThat(c.minInclusive() ? n.compareTo(c.min()) >= 0 : n.compareTo(c.min()) > 0)
							.as(c.name() + " = " + n + " above its minimum " + c.min())
							.isTrue();
					}
					if (c.max() != null) {
						assertThat(n).as(c.name()).isLessThanOrEqualTo(c.max());
					}
				}
				default -> {
				}
			}
		}

	}

}
