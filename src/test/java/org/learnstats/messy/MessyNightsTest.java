package org.learnstats.messy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.learnstats.ingest.Reason;
import org.learnstats.support.TestDatabase;

/**
 * The messy organization through the real job, night after night (quarter ends and a year end
 * among them), each night adding its deliveries to the same inbox and publishing into the same
 * {@code --out}: every night exits 3, publishes every output, and balances every file's ledger;
 * every reason code occurs in each year; the workbooks' sheets are ingested, their title and total
 * rows skipped and their bad rows rejected; every night's outputs are byte for byte what every
 * output part rebuilt from scratch on the same store gives (the incremental build's twin); and
 * after the last night indicators.csv is byte for byte what one run of everything on a fresh store gives.
 */
class MessyNightsTest {

	static final long SEED = 20251231L;

	@TempDir
	Path tmp;

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void everyNightExits3PublishesEverythingAndBalances(String vendor) throws IOException {
		List<Night> nights = MessyInbox.plain(SEED).nights();
		TestDatabase db = TestDatabase.create(vendor);
		Path inbox = this.tmp.resolve("inbox");
		Path out = this.tmp.resolve("out");
		SoftAssertions soft = new SoftAssertions();
		for (Night night : nights) {
			night.deliverTo(inbox);
			soft.assertThat(runNight(db, night.asOf(), inbox, out)).as(night + ": exit code").isEqualTo(3);
			PublishedNight published = new PublishedNight(out, night.asOf());
			published.hasEveryOutput(soft, MessyInbox.START, night.asOf());
			published.accountsForEveryFile(soft, night.deliveries());
			StoreLedger.balances(soft, db, night.toString());
			StoreLedger.historyHasEveryMonth(soft, db, night.toString());
			OutputRebuild.assertSameAsPublished(soft, db, night.asOf(), out, this.tmp.resolve("rebuilt-" + night.asOf()),
					night.toString());
		}
		// every reason of spec section 2.3; the project's own limits (README) take hostile files,
		// which HostileNightTest delivers, BAD_WORKBOOK a workbook (BadWorkbooksTest), and STORE_ERROR
		// a store fault no file can provoke
		Set<Reason> limits = EnumSet.of(Reason.TOO_LARGE, Reason.STORE_ERROR, Reason.BAD_WORKBOOK, Reason.TOO_LONG);
		Set<String> every = Arrays.stream(Reason.values())
			.filter((r) -> !limits.contains(r))
			.map(Reason::name)
			.collect(Collectors.toCollection(TreeSet::new));
		for (int year : List.of(2025, 2026)) {
			soft.assertThat(StoreLedger.reasonsOfYear(db, year)).as("reasons recorded in " + year).containsAll(every);
		}
		// the workbooks' sheets went in: rows applied every night, title and total rows skipped, and
		// their bad rows rejected for the reasons the same rows in CSV get (a sheet's short row is
		// one with a value right of its header: FIELD_COUNT)
		StoreLedger.Sheets sheets = StoreLedger.sheets(db);
		soft.assertThat(sheets.runsWithRows()).as("nights that ingested workbook sheets").isEqualTo(nights.size());
		soft.assertThat(sheets.rowsSkipped()).as("title and total rows skipped in sheets").isPositive();
		soft.assertThat(sheets.reasons())
			.as("reasons of rows rejected in sheets")
			.containsAll(List.of("FIELD_COUNT", "MISSING_VALUE", "BAD_DATE", "BAD_NUMBER", "BAD_CODE", "OUT_OF_RANGE",
					"FUTURE_DATE", "UNKNOWN_UNIT", "UNKNOWN_SURVEY", "DUPLICATE_KEY"));
		soft.assertAll();

		LocalDate last = nights.get(nights.size() - 1).asOf();
		Path outAll = this.tmp.resolve("out-all");
		assertThat(runNight(TestDatabase.create(vendor), last, inbox, outAll)).as("one run of everything").isEqualTo(3);
		assertThat(Files.readString(out.resolve("indicators.csv")))
			.as("indicators.csv after the nights = one run of everything")
			.isEqualTo(Files.readString(outAll.resolve("indicators.csv")));
	}

	private static int runNight(TestDatabase db, LocalDate asOf, Path inbox, Path out) {
		long start = System.nanoTime();
		int exit = JobLaunch.run(db, asOf, inbox, out);
		System.out.printf("messy night %s on %s: exit %d in %.1f s%n", asOf, db.vendor(), exit,
				(System.nanoTime() - start) / 1e9);
		return exit;
	}

}
