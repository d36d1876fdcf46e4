package org.learnstats.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.learnstats.ingest.Reason;
import org.learnstats.ingest.Rejection;
import org.learnstats.ingest.excel.BadWorkbookException;
import org.learnstats.vocabulary.RejectDetail.Text;

/**
 * Every reject detail has one template, in Chinese and in English with the same placeholders, and
 * no reject can be made without one: the only ways to a {@link Rejection} (and to a bad workbook's
 * detail) take a template's {@link Text}, and a fragment is refused.
 */
class RejectDetailTest {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	@Test
	void everyTemplateHasBothLanguagesWithTheSamePlaceholders() {
		assertThat(RejectDetail.values()).allSatisfy((d) -> {
			assertThat(d.chinese()).as(d + " Chinese").isNotBlank().isNotEqualTo(d.english());
			if (d.reason() != null) {
				assertThat(d.chinese()).as(d + " Chinese").containsPattern(HAN);
			}
			assertThat(d.english()).as(d + " English").isNotBlank().doesNotContainPattern(HAN);
			if (d.reason() != null) {
				assertThat(placeholders(d.chinese())).as(d + " placeholders").isEqualTo(placeholders(d.english()));
			}
			else {
				// a fragment's English may leave out a Chinese word (COLUMN: 职级（rank） reads rank)
				assertThat(placeholders(d.chinese())).as(d + " placeholders").containsAll(placeholders(d.english()));
			}
			assertThat(placeholders(d.chinese())).as(d + " numbered from 0 without a gap")
				.hasSize(d.arity());
			assertThat(d.reason() == null || !d.reason().warning()).as(d + " is a reject's").isTrue();
		});
		assertThat(Arrays.stream(RejectDetail.values()).map(RejectDetail::chinese).distinct().count())
			.as("one Chinese sentence per template").isEqualTo(RejectDetail.values().length);
	}

	@Test
	void everyRejectReasonHasATemplateAndEveryTemplateIsUsed() throws IOException {
		Set<ReasonLabel> covered = Arrays.stream(RejectDetail.values()).map(RejectDetail::reason)
			.filter((r) -> r != null).collect(Collectors.toSet());
		assertThat(covered).containsExactlyInAnyOrderElementsOf(ReasonLabel.rejects());
		StringBuilder main = new StringBuilder();
		for (Path file : NoSecondListTest.sources()) {
			if (!file.endsWith("RejectDetail.java")) {
				main.append(Files.readString(file));
			}
		}
		List<String> unused = new ArrayList<>();
		for (RejectDetail d : RejectDetail.values()) {
			if (!main.toString().contains("RejectDetail." + d.name()) && d != RejectDetail.BECAUSE) {
				unused.add(d.name());
			}
		}
		assertThat(unused).as("templates no main source uses").isEmpty();
	}

	@Test
	void argumentsFillEachPlaceholderOnceInTheirOwnLanguage() {
		Text rank = RejectDetail.COLUMN.text("职级", "rank");
		Text t = RejectDetail.UNKNOWN_WORD.text(rank, "{1}处长");
		assertThat(t.chinese()).isEqualTo("职级（rank）“{1}处长”不是可识别的取值");
		assertThat(t.english()).isEqualTo("rank '{1}处长' is not a known word");
		assertThat(t.reason()).isEqualTo(ReasonLabel.BAD_CODE);
		Text why = RejectDetail.ERROR_CELL.text("#DIV/0!");
		assertThat(RejectDetail.NOT_A_NUMBER.text(rank, "#DIV/0!").because(why).chinese())
			.isEqualTo("职级（rank）“#DIV/0!”不是数字：单元格含错误值 #DIV/0!");
		assertThat(RejectDetail.list(List.of(rank, RejectDetail.QUESTIONS.text())).english())
			.isEqualTo("rank, q1 (at least one question column)");
		assertThatThrownBy(() -> RejectDetail.BLANK.text()).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void noRejectIsMadeWithoutATemplate() {
		for (Constructor<?> c : Rejection.class.getDeclaredConstructors()) {
			assertThat(Modifier.isPrivate(c.getModifiers())).as(c.toString()).isTrue();
		}
		for (Method m : Rejection.class.getMethods()) {
			if (Modifier.isStatic(m.getModifiers()) && m.getReturnType() == Rejection.class) {
				assertThat(m.getParameterTypes()[0]).as(m.toString()).isIn(Text.class, RejectDetail.class);
			}
		}
		for (Constructor<?> c : BadWorkbookException.class.getConstructors()) {
			assertThat(c.getParameterTypes()[0]).as(c.toString()).isEqualTo(Text.class);
		}
		assertThatThrownBy(() -> Rejection.of(RejectDetail.COLUMN.text("职级", "rank")))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Rejection.of(RejectDetail.word("职级", "rank")))
			.isInstanceOf(IllegalArgumentException.class);
		Rejection r = Rejection.of(RejectDetail.FIELD_COUNT, 6, 7);
		assertThat(r.reason()).isEqualTo(Reason.FIELD_COUNT);
		assertThat(r.detail()).isEqualTo("该行有 6 个字段，表头有 7 个");
		assertThat(r.english()).isEqualTo("the row has 6 fields, the header 7");
	}

	private static Set<Integer> placeholders(String template) {
		Set<Integer> found = new TreeSet<>();
		Matcher m = PLACEHOLDER.matcher(template);
		while (m.find()) {
			found.add(Integer.parseInt(m.group(1)));
		}
		return found;
	}

}
