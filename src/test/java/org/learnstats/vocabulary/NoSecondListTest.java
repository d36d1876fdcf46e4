package org.learnstats.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.learnstats.ingest.Reason;

/**
 * The vocabulary is the only list: no main source file outside it writes a kind, a reason or a
 * rank code as a string literal ({@code "attendance"}, {@code 'BAD_DATE'} in SQL), except the
 * per-kind packages of ingest, which declare their own columns and accepted words. A file that
 * needs a code names the constant of the vocabulary instead.
 */
class NoSecondListTest {

	static final Path MAIN = Path.of("src/main/java");

	/** Where a literal that looks like a code is not one, with why. */
	private static final Map<String, String> NOT_CODES = Map.of(
			"org/learnstats/outputs/dashboard/UnitPages.java:units", "the dashboard's folder of unit pages, units/");

	@Test
	void noMainSourceFileKeepsASecondListOfCodes() throws IOException {
		List<String> codes = new ArrayList<>(Kind.codes());
		Arrays.stream(ReasonLabel.values()).map(ReasonLabel::code).forEach(codes::add);
		Arrays.stream(Reason.values()).map(Reason::name).forEach(codes::add);
		codes.addAll(Rank.codes());
		Pattern literal = Pattern.compile("[\"'](" + String.join("|", codes) + ")[\"']");
		List<String> found = new ArrayList<>();
		for (Path file : sources()) {
			String relative = MAIN.relativize(file).toString().replace('\\', '/');
			if (relative.startsWith("org/learnstats/vocabulary/") || isPerKindPackage(relative)) {
				continue;
			}
			Matcher m = literal.matcher(Files.readString(file));
			while (m.find()) {
				if (!NOT_CODES.containsKey(relative + ":" + m.group(1))) {
					found.add(relative + ": " + m.group());
				}
			}
		}
		assertThat(found).as("codes written outside org.learnstats.vocabulary (use Kind, ReasonLabel or Rank)")
			.isEmpty();
	}

	@Test
	void theScanSeesTheFilesItGuards() throws IOException {
		// the scan would be vacuous if it read nothing or skipped the outputs
		List<String> scanned = sources().stream().map((f) -> MAIN.relativize(f).toString().replace('\\', '/')).toList();
		assertThat(scanned).contains("org/learnstats/outputs/pack/PackText.java",
				"org/learnstats/outputs/dashboard/Labels.java", "org/learnstats/run/RunTotals.java");
		assertThat(isPerKindPackage("org/learnstats/ingest/people/PeopleExport.java")).isTrue();
		assertThat(isPerKindPackage("org/learnstats/ingest/FileIngester.java")).isFalse();
		assertThat(Files.readString(MAIN.resolve("org/learnstats/ingest/people/PeopleExport.java")))
			.contains("\"bureau\"");
	}

	private static boolean isPerKindPackage(String relative) {
		return relative.matches("org/learnstats/ingest/[a-z]+/.*")
				&& Kind.codes().contains(relative.split("/")[3]);
	}

	static List<Path> sources() throws IOException {
		try (Stream<Path> files = Files.walk(MAIN)) {
			return files.filter((f) -> f.toString().endsWith(".java")).sorted().collect(Collectors.toList());
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

}
