package org.learnstats.outputs.quality;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.learnstats.outputs.OutputContext;
import org.learnstats.outputs.OutputPart;
import org.learnstats.outputs.tables.SpreadsheetText;
import org.learnstats.store.OpenProblems;
import org.learnstats.store.OpenProblems.Problem;
import org.learnstats.vocabulary.Kind;
import org.springframework.stereotype.Component;

/**
 * Writes {@code data-quality/open.csv}: every problem of every run not yet fixed by a later
 * delivery nor accepted by an operator (see {@link OpenProblems}), oldest first, with the run and
 * date it was first seen, its age in days at the as-of date and the kind's Chinese word. Unlike {@code rejects.csv} it does
 * not empty after a quiet night. UTF-8 with a BOM; text a spreadsheet could run is neutralized.
 */
@Component
public class OpenProblemsPart implements OutputPart {

	static final String FILE = "open.csv";

	private static final String[] HEADER = { "unit_code", "kind", "file", "line", "reason", "detail",
			"first_seen_run", "first_seen", "age_days", DataQualityPart.KIND_NAME };

	private final OpenProblems problems;

	public OpenProblemsPart(OpenProblems problems) {
		this.problems = problems;
	}

	@Override
	public List<String> files() {
		return List.of("data-quality/" + FILE);
	}

	@Override
	public void write(OutputContext context) throws IOException {
		Path dir = Files.createDirectories(context.dir().resolve("data-quality"));
		LocalDate asOf = context.asOf();
		try (Writer out = Files.newBufferedWriter(dir.resolve(FILE), StandardCharsets.UTF_8)) {
			out.write('\uFEFF');
			CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(HEADER).get().print(out);
			for (Problem p : this.problems.load(asOf)) {
				if (!p.open()) {
					continue;
				}
				printer.printRecord(text(p.unitCode()), text(p.kind()), text(p.file()), p.line(), p.reason(),
						text(p.detail()), p.firstRun(), p.firstSeen(),
						(p.firstSeen() != null) ? ChronoUnit.DAYS.between(p.firstSeen(), asOf) : null,
						Kind.chinese(p.kind()));
			}
			printer.flush();
		}
	}

	private static String text(String s) {
		return (s == null) ? null : SpreadsheetText.neutralize(s);
	}

}
