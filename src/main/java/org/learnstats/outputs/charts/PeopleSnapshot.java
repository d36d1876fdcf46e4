package org.learnstats.outputs.charts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.learnstats.indicators.PeriodChanges;
import org.learnstats.outputs.OutputContext;
import org.learnstats.outputs.OutputFolder;
import org.learnstats.readmodel.ReadModel;
import org.learnstats.store.UnitForest;
import org.learnstats.vocabulary.Period;
import org.learnstats.vocabulary.Rank;

/**
 * The person-based distributions as a night read them, kept in the charts folder
 * ({@value #FILE}) with what they were read from, so that the next night reads them from there
 * when none of that changed, instead of summing a year of training records in the store (3 s at
 * province scale, every night). What they are read from is their key: the day they show
 * ({@link ChartPlan#peopleDay}), the targets, and the last refresh stamp ({@link PeriodChanges})
 * of the months from 1 January to that day and of that year's research trips. The refresh stamps
 * a month whenever a training record dated in it changes, a year's trips whenever a trip
 * overlapping it changes, and every period when the units or the roster change (a full refresh),
 * so a key that matches means the same distributions. A file that is missing, of another key or
 * unreadable is not used.
 */
final class PeopleSnapshot {

	static final String FILE = ".people";

	private static final String VERSION = "people-snapshot 1";

	private static final CSVFormat CSV = CSVFormat.DEFAULT.builder()
		.setHeader("unit", "education", "credits", "research_days")
		.setRecordSeparator("\n")
		.get();

	private PeopleSnapshot() {
	}

	/**
	 * The distributions a night's charts show, with their key.
	 *
	 * @param kept whether they were read from the published folder rather than the store
	 */
	record Loaded(PeopleDistributions people, String key, boolean kept) {
	}

	/**
	 * The distributions on the people charts' day: those the published charts folder keeps when
	 * their key is tonight's, else read from the store.
	 */
	static Loaded load(OutputContext context, ChartTargets targets) {
		ReadModel read = context.read();
		LocalDate day = ChartPlan.peopleDay(context.asOf());
		String key = key(read.periodChanges(), day, targets);
		if (context.previous() != null) {
			PeopleDistributions kept = read(context.previous().resolve(ChartsPart.FOLDER).resolve(FILE), key, day);
			if (kept != null) {
				return new Loaded(kept, key, true);
			}
		}
		return new Loaded(PeopleDistributions.load(read.roster(), read.forest(), day, targets), key, false);
	}

	/**
	 * Keeps the distributions in the charts folder being built, for the next night: linked from
	 * the published folder when they were read from there, else written.
	 */
	static void save(OutputContext context, Loaded loaded) throws IOException {
		Path file = context.dir().resolve(ChartsPart.FOLDER).resolve(FILE);
		if (loaded.kept()) {
			OutputFolder.linkOrCopy(context.previous().resolve(ChartsPart.FOLDER).resolve(FILE), file);
			return;
		}
		write(file, loaded.key(), loaded.people(), context.read().forest().units().stream().map(UnitForest.Unit::code)
			.toList());
	}

	/** What the distributions on {@code day} are read from, as one line. */
	static String key(PeriodChanges changes, LocalDate day, ChartTargets targets) {
		List<String> read = new ArrayList<>();
		for (Period m : Period.range(day.withDayOfYear(1), day, 'M')) {
			read.add(m.toString());
		}
		read.add(PeriodChanges.trips(day.getYear()));
		return VERSION + " day=" + day + " changed=" + changes.lastChange(read) + " credits="
				+ new TreeMap<>(targets.credits()) + " research_days=" + new TreeMap<>(targets.researchDays());
	}

	/** The distributions on {@code day} kept in {@code file} under {@code key}, or null. */
	static PeopleDistributions read(Path file, String key, LocalDate day) {
		try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			if (!key.equals(in.readLine())) {
				return null;
			}
			Map<String, EducationShares> education = new HashMap<>();
			Map<String, Histogram> credits = new HashMap<>();
			Map<String, Histogram> days = new HashMap<>();
			for (CSVRecord r : CSV.builder().setSkipHeaderRecord(true).get().parse(in)) {
				long[] e = longs(r.get("education"));
				education.put(r.get("unit"), new EducationShares(e[0], e[1], e[2], e[3]));
				credits.put(r.get("unit"), histogram(Histogram.Quantity.CREDITS, day, r.get("credits")));
				days.put(r.get("unit"), histogram(Histogram.Quantity.RESEARCH_DAYS, day, r.get("research_days")));
			}
			return new PeopleDistributions(day, education, credits, days);
		}
		catch (IOException | RuntimeException ex) {
			return null; // missing, or not one a night wrote: read the store
		}
	}

	/** Keeps {@code people} in {@code file} under {@code key}, units in code order. */
	static void write(Path file, String key, PeopleDistributions people, List<String> units) throws IOException {
		try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			w.write(key);
			w.write('\n');
			CSVPrinter csv = new CSVPrinter(w, CSV); // prints the header
			for (String unit : units.stream().sorted().toList()) {
				csv.printRecord(unit, text(people.education(unit).counts()), text(people.credits(unit)),
						text(people.researchDays(unit)));
			}
			csv.flush();
		}
	}

	/** {@code binWidth|rank:target:c0 c1 ...;rank:target:...}, or empty for none. */
	private static String text(Histogram h) {
		if (h == null) {
			return "";
		}
		StringBuilder out = new StringBuilder().append(h.binWidth()).append('|');
		for (Histogram.Group g : h.groups()) {
			if (out.charAt(out.length() - 1) != '|') {
				out.append(';');
			}
			out.append(g.rank().code()).append(':').append(g.target()).append(':').append(text(g.counts()));
		}
		return out.toString();
	}

	private static Histogram histogram(Histogram.Quantity quantity, LocalDate day, String text) {
		if (text.isEmpty()) {
			return null;
		}
		int bar = text.indexOf('|');
		List<Histogram.Group> groups = new ArrayList<>();
		if (bar + 1 < text.length()) {
			for (String g : text.substring(bar + 1).split(";")) {
				String[] parts = g.split(":");
				Rank rank = Rank.of(parts[0]);
				if (rank == null) {
					throw new IllegalArgumentException("no rank " + parts[0]);
				}
				groups.add(new Histogram.Group(rank, new BigDecimal(parts[1]), longs(parts[2])));
			}
		}
		return new Histogram(quantity, day, Double.parseDouble(text.substring(0, bar)), groups);
	}

	private static String text(long[] counts) {
		StringBuilder out = new StringBuilder();
		for (long c : counts) {
			out.append((out.length() == 0) ? "" : " ").append(c);
		}
		return out.toString();
	}

	private static long[] longs(String text) {
		return text.isEmpty() ? new long[0]
				: Arrays.stream(text.split(" ")).mapToLong(Long::parseLong).toArray();
	}

}
