package org.learnstats.outputs.tables;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVPrinter;
import org.learnstats.indicators.IndicatorCatalog;
import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.indicators.IndicatorNumbers;
import org.learnstats.indicators.Ordinal;
import org.learnstats.indicators.PaceStates.Member;
import org.learnstats.indicators.TargetsProperties;
import org.learnstats.outputs.OutputContext;
import org.learnstats.outputs.OutputPart;
import org.learnstats.outputs.Restricted;
import org.learnstats.readmodel.PersonLists;
import org.learnstats.readmodel.ReadModel;
import org.learnstats.vocabulary.Pace;
import org.learnstats.vocabulary.Rank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The person-level lists of {@code restricted/} (spec section 4), the only files naming people,
 * from the populations the last indicator refresh computed (so they agree with the indicators to
 * the person):
 * <ul>
 * <li>{@code credit_shortfalls.csv}: people with a credit target below it, for the year holding D
 * (credits so far) and the year before (when reported);</li>
 * <li>{@code remedial.csv}: the people counted by {@code remedial_count} of the latest closed year,
 * for next year's remedial training;</li>
 * <li>{@code research_shortfalls.csv}: people with a research-days target below it, same years as
 * the credit shortfalls;</li>
 * <li>{@code cannot_reach.csv}: people who can no longer reach a target of the running period
 * (indicators.PaceRule: research days the days left cannot hold), with what is missing and the
 * days left.</li>
 * </ul>
 * Ranks read as the vocabulary's Chinese words (处级, not division). UTF-8 with BOM so spreadsheet
 * programs show Chinese; text cells neutralized.
 */
@Component
public class RestrictedListsPart implements OutputPart {

	public static final String DIR = Restricted.DIR;

	/** Latest year first, then by unit and person. */
	private static final Comparator<List<String>> ORDER = Comparator
		.<List<String>, String>comparing((r) -> r.get(0), Ordinal.ORDER.reversed())
		.thenComparing((r) -> r.get(1), Ordinal.ORDER)
		.thenComparing((r) -> r.get(3), Ordinal.ORDER);

	/** Where the read model's three lists hold the rank code (1-based). */
	private static final int RANK_AT = 6;

	private final TargetsProperties targets;

	/** With the default targets (spec section 3). */
	public RestrictedListsPart() {
		this(new TargetsProperties());
	}

	@Autowired
	public RestrictedListsPart(TargetsProperties targets) {
		this.targets = targets;
	}

	@Override
	public List<String> files() {
		return List.of(DIR + "/credit_shortfalls.csv", DIR + "/remedial.csv", DIR + "/research_shortfalls.csv");
	}

	@Override
	public void write(OutputContext context) throws IOException {
		Path dir = Restricted.dir(context);
		String year = String.valueOf(context.asOf().getYear());
		String previous = String.valueOf(context.asOf().getYear() - 1);
		PersonLists lists = context.read().personLists();
		write(dir.resolve("credit_shortfalls.csv"),
				List.of("year", "unit_code", "unit_name", "person_id", "name", "rank", "target_credits", "credits",
						"shortfall"),
				withShortfall(lists.creditShortfalls(year, previous)));
		String remedialYear = lists.remedialYear();
		write(dir.resolve("remedial.csv"),
				List.of("year", "unit_code", "unit_name", "person_id", "name", "rank", "target_credits",
						"credits_previous_year", "credits_year"),
				(remedialYear == null) ? List.of() : texts(lists.remedial(remedialYear)));
		write(dir.resolve("research_shortfalls.csv"),
				List.of("year", "unit_code", "unit_name", "person_id", "name", "rank", "target_days",
						"research_days", "reports_submitted"),
				texts(lists.researchShortfalls(year, previous)));
		write(dir.resolve("cannot_reach.csv"), List.of("period", "unit_code", "unit_name", "person_id", "name", "rank",
				"target", "goal", "done", "missing", "days_left", "state"), cannotReach(context.read(), context.asOf()));
		Restricted.seal(dir);
	}

	private List<List<String>> cannotReach(ReadModel read, LocalDate asOf) {
		List<Member> members = read.paces(this.targets, asOf).members(Pace.UNREACHABLE);
		if (members.isEmpty()) {
			return List.of();
		}
		Map<String, String> units = new HashMap<>();
		read.forest().units().forEach((u) -> units.put(u.code(), u.name()));
		Map<String, ReadModel.Person> people = read.people();
		ReadModel.Person nobody = new ReadModel.Person("", "");
		List<List<String>> rows = new ArrayList<>();
		for (Member m : members) {
			if (m.person() == null) {
				continue;
			}
			ReadModel.Person person = people.getOrDefault(m.person(), nobody);
			String label = IndicatorCatalog.find(m.target().indicators().get(0)).map(IndicatorDefinition::label)
				.orElse(m.target().name());
			rows.add(List.of(m.period().toString(), m.unitCode(), units.getOrDefault(m.unitCode(), ""), m.person(),
					person.name(), Rank.chinese(person.rank()), label, IndicatorNumbers.plain(m.goal()),
					IndicatorNumbers.plain(m.done()), IndicatorNumbers.plain(m.goal().subtract(m.done())),
					String.valueOf(ChronoUnit.DAYS.between(asOf, m.period().last())), m.pace().chinese()));
		}
		return rows;
	}

	/** Each row's cells as text; the rank (column {@value #RANK_AT}, a rank code) in its Chinese word. */
	private static List<List<String>> texts(List<List<Object>> rows) {
		return rows.stream().map(RestrictedListsPart::cells).toList();
	}

	private static List<String> cells(List<Object> cells) {
		List<String> row = new ArrayList<>(cells.size());
		for (int c = 1; c <= cells.size(); c++) {
			Object value = cells.get(c - 1);
			if (c == RANK_AT) {
				row.add((value == null) ? "" : Rank.chinese(value.toString()));
			}
			else if (value instanceof BigDecimal number) {
				row.add(IndicatorNumbers.plain(number));
			}
			else {
				row.add((value == null) ? "" : value.toString());
			}
		}
		return row;
	}

	/** The rows as text, each with, last, its target less its amount (the last two cells). */
	private static List<List<String>> withShortfall(List<List<Object>> rows) {
		List<List<String>> out = new ArrayList<>(rows.size());
		for (List<Object> cells : rows) {
			List<String> row = cells(cells);
			int n = cells.size();
			row.add(IndicatorNumbers.plain(((BigDecimal) cells.get(n - 2)).subtract((BigDecimal) cells.get(n - 1))));
			out.add(row);
		}
		return out;
	}

	private static void write(Path file, List<String> header, List<List<String>> rows) throws IOException {
		List<List<String>> sorted = new ArrayList<>(rows);
		sorted.sort(ORDER);
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
				CSVPrinter csv = new CSVPrinter(out, IndicatorsCsvPart.FORMAT)) {
			out.write('\uFEFF');
			csv.printRecord(header);
			for (List<String> row : sorted) {
				csv.printRecord(row.stream().map(SpreadsheetText::neutralize).toList());
			}
		}
	}

}
