package org.learnstats.outputs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The output parts read the store through the run's read model (org.learnstats.readmodel): no
 * class of org.learnstats.outputs opens its own JDBC access (DataSource, JdbcTemplate,
 * NamedParameterJdbcTemplate) or names a work table of the indicator refresh ({@code ind_...}) in
 * its code. The classes not moved yet are listed below, each with what it still does; the list
 * can only shrink: a class that no longer needs its entry fails the test until the entry goes.
 */
class OutputsReadTheReadModelTest {

	private static final Path OUTPUTS = Path.of("src/main/java/org/learnstats/outputs");

	/** Classes (path below outputs/) still reading the store themselves, and what they still use. */
	private static final Map<String, String> NOT_YET = Map.of(
			// the pack's own ledger (quarter_pack, unit_pack): the one table an output writes
			"pack/PackStore.java", "DataSource, JdbcTemplate");

	private static final Pattern JDBC = Pattern
		.compile("\\b(DataSource|JdbcTemplate|NamedParameterJdbcTemplate)\\b");

	private static final Pattern WORK_TABLE = Pattern.compile("\\bind_[a-z_]+");

	private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

	@Test
	void noOutputClassOpensJdbcOrNamesARefreshWorkTable() throws IOException {
		Map<String, String> found = new TreeMap<>();
		try (Stream<Path> files = Files.walk(OUTPUTS)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).sorted().toList()) {
				String code = COMMENT.matcher(Files.readString(file)).replaceAll(" ");
				Set<String> uses = new TreeSet<>();
				for (Pattern p : new Pattern[] { JDBC, WORK_TABLE }) {
					Matcher m = p.matcher(code);
					while (m.find()) {
						uses.add(m.group());
					}
				}
				if (!uses.isEmpty()) {
					found.put(OUTPUTS.relativize(file).toString().replace('\\', '/'), String.join(", ", uses));
				}
			}
		}
		assertThat(found).as("output classes reading the store themselves (known: %s)", NOT_YET)
			.isEqualTo(new TreeMap<>(NOT_YET));
	}

	@Test
	void theScanSeesTheOutputs() throws IOException {
		try (Stream<Path> files = Files.walk(OUTPUTS)) {
			assertThat(files.filter((f) -> f.toString().endsWith(".java")).count()).isGreaterThan(50);
		}
	}

}
