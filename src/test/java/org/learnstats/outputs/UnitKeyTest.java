package org.learnstats.outputs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Unit codes are data: every key is short, safe on any file system and names one code only. */
class UnitKeyTest {

	private static final Path OUT = Path.of("/srv/learnstats/out");

	@Test
	void ordinaryCodesStayReadable() {
		assertThat(UnitKey.of("SWB-BGS-ZB")).isEqualTo("SWB-BGS-ZB");
		assertThat(UnitKey.of("T01_B1")).isEqualTo("T01_B1");
		assertThat(UnitKey.of("X")).isEqualTo("X");
	}

	@Test
	void hostileCodesBecomeSafeDistinctNames() {
		List<String> hostile = new ArrayList<>(List.of("..", ".", "a/b", "a\\b", "../../x", "..\\..\\x", "/etc/passwd",
				"x\u0000y", "\u0000", "a\nb", "\t", " ", "CON", "con", "NUL", "COM1", "LPT9", "aux", ".hidden", "-rf",
				"_6162", "ab", "AB", "Ab", "a:b", "a*b?", "<script>", "%2e%2e", "~", "甲单位", "é", "e\u0301",
				"\uD83D\uDE00".repeat(64), "单".repeat(64), "单".repeat(63) + "位", "A".repeat(64), "A".repeat(65),
				"A".repeat(1000)));
		Map<String, String> seen = new HashMap<>();
		for (String code : hostile) {
			assertSafe(code, seen);
		}
		assertThat(UnitKey.of("CON")).isNotEqualTo("CON");
		assertThat(UnitKey.of("单".repeat(64)).getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(96);
	}

	@Test
	void randomCodesNeverShareAKeyEvenIgnoringCase() {
		Random random = new Random(10);
		String alphabet = "ABab09-_./\\:\u0000 单位甲乙é\uD83D\uDE00";
		Map<String, String> seen = new HashMap<>();
		for (int i = 0; i < 200_000; i++) {
			StringBuilder code = new StringBuilder();
			int n = 1 + random.nextInt(random.nextInt(10) == 0 ? 80 : 6);
			while (code.length() < n) {
				int at = random.nextInt(alphabet.length());
				char c = alphabet.charAt(at);
				code.append(Character.isHighSurrogate(c) ? alphabet.substring(at, at + 2)
						: Character.isLowSurrogate(c) ? "Z" : String.valueOf(c));
			}
			String text = code.toString();
			assertSafe(text, seen);
		}
		assertThat(seen).hasSizeGreaterThan(50_000);
	}

	private static void assertSafe(String code, Map<String, String> seen) {
		String key = UnitKey.of(code);
		assertThat(key).as(code).matches("[A-Za-z0-9_-]{1,96}").doesNotStartWith(".").doesNotStartWith("-");
		assertThat(key.toUpperCase(Locale.ROOT)).as(code).isNotIn("CON", "PRN", "AUX", "NUL", "COM1", "LPT9");
		for (String suffix : List.of("", ".html", "/charts.csv")) {
			Path p = OUT.resolve("units").resolve(key + suffix).normalize();
			assertThat(p.startsWith(OUT.resolve("units"))).as(code).isTrue();
		}
		// seen: key folded to lower case -> the code it names
		String other = seen.put(key.toLowerCase(Locale.ROOT), code);
		assertThat(other).as("key %s of %s", key, code).isIn(null, code);
	}

}
