package org.learnstats.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.learnstats.indicators.TargetsProperties;
import org.learnstats.ingest.Column;
import org.learnstats.ingest.ExportKind;
import org.learnstats.ingest.Kinds;
import org.learnstats.ingest.Reason;

/**
 * In the spirit of petclinic's message-sync test: every code the programme uses has its labels
 * here, and the vocabulary agrees with the code that checks the rows and with the store.
 */
class VocabularyTest {

	@Test
	void everyReasonTheIngestCanGiveHasItsLabelsInTheSameOrder() {
		List<String> ingest = Arrays.stream(Reason.values()).map(Reason::name).toList();
		List<String> labelled = ReasonLabel.rejects().stream().map(ReasonLabel::code).toList();
		assertThat(ingest).as("reasons of org.learnstats.ingest.Reason without labels in ReasonLabel")
			.allMatch(labelled::contains);
		assertThat(labelled).as("labels in ReasonLabel for no reason of org.learnstats.ingest.Reason")
			.allMatch(ingest::contains);
		assertThat(labelled).as("the order of spec section 2.3's table").containsExactlyElementsOf(ingest);
		assertThat(ReasonLabel.values()).allSatisfy((r) -> {
			assertThat(r.chinese()).as(r + " Chinese").isNotBlank().doesNotContainPattern("[A-Za-z]");
			assertThat(r.english()).as(r + " English").isNotBlank().matches("[A-Z][A-Za-z -]*");
		});
		assertThat(distinct(Arrays.stream(ReasonLabel.values()).map(ReasonLabel::chinese)))
			.as("one Chinese label per code").isEqualTo(ReasonLabel.values().length);
		assertThat(ReasonLabel.UNKNOWN_PERSON.warning()).isTrue();
	}

	@Test
	void labelsFallBackToTheCodeSoNothingIsHidden() {
		assertThat(ReasonLabel.chinese("FUTURE_DATE")).isEqualTo("日期晚于数据截止日");
		assertThat(ReasonLabel.chinese("TOO_NEW")).isEqualTo("TOO_NEW");
		assertThat(ReasonLabel.rank("TOO_NEW")).isGreaterThan(ReasonLabel.rank("DUPLICATE_KEY"));
		assertThat(Kind.chinese("attendance")).isEqualTo("学习考勤");
		assertThat(Kind.chinese(null)).isEqualTo("未识别");
		assertThat(Kind.chinese("minutes")).isEqualTo("minutes");
		assertThat(Kind.rank(null)).isGreaterThan(Kind.rank("responses"));
		assertThat(Rank.chinese("staff")).isEqualTo("科员及以下");
		assertThat(Rank.chinese("chief")).isEqualTo("chief");
	}

	@Test
	void everyKindHasOneExportWithItsEventDateAndOneStoreTable() throws IOException {
		assertThat(Kinds.ALL).extracting(ExportKind::kind).containsExactlyInAnyOrder(Kind.values());
		String schema = Files.readString(Path.of("src/main/resources/db/migration/common/V2__store.sql"));
		for (ExportKind export : Kinds.ALL) {
			Kind kind = export.kind();
			assertThat(export.name()).isEqualTo(kind.code());
			assertThat(export.order()).isEqualTo(kind.ordinal());
			assertThat(schema).as(kind + " table").contains("CREATE TABLE " + kind.table() + " (");
			List<String> columns = export.columns().stream().map(Column::name).toList();
			if (kind.eventDate() != null) {
				assertThat(columns).as(kind + " event date").contains(kind.eventDate());
				assertThat(kind.mark()).as(kind + " mark").hasSize(1);
			}
			else {
				assertThat(kind.mark()).isNull();
			}
			assertThat(kind.chinese()).as(kind + " Chinese").isNotBlank();
			assertThat(kind.english()).as(kind + " English").isNotBlank();
		}
		assertThat(Kind.codes()).as("spec section 2.2's order")
			.containsExactly("units", "people", "surveys", "attendance", "training", "research", "responses");
		assertThat(Kind.events()).as("spec section 1's event dates, in its order")
			.extracting(Kind::eventDate)
			.containsExactly("session_date", "completed_on", "start_date", "opened_on", "submitted_on");
		assertThat(distinct(Arrays.stream(Kind.values()).map(Kind::chinese))).isEqualTo(Kind.values().length);
		assertThat(distinct(Kind.events().stream().map(Kind::mark))).isEqualTo(Kind.events().size());
	}

	@Test
	void everyRankHasItsLabelAndTheSpecsDefaultTargets() {
		Column rank = Kinds.ALL.stream()
			.filter((k) -> k.kind() == Kind.PEOPLE)
			.flatMap((k) -> k.columns().stream())
			.filter((c) -> c.name().equals("rank"))
			.findFirst()
			.orElseThrow();
		assertThat(new HashSet<>(rank.words().values())).as("the ranks the people export accepts")
			.containsExactlyInAnyOrderElementsOf(Rank.codes());
		assertThat(Rank.values()).allSatisfy((r) -> {
			assertThat(r.chinese()).isNotBlank();
			assertThat(rank.words()).as(r + " reads its own label").containsEntry(r.chinese().replace("及以下", ""),
					r.code());
		});
		// spec section 3: credits {bureau: 18, division: 18, section: 12, staff: 0},
		// research_days {bureau: 90, division: 60, section: 30, staff: 0}
		assertThat(Arrays.stream(Rank.values()).map((r) -> r.defaultCredits().toPlainString()))
			.containsExactly("18", "18", "12", "0");
		assertThat(Arrays.stream(Rank.values()).map((r) -> r.defaultResearchDays().toPlainString()))
			.containsExactly("90", "60", "30", "0");
		TargetsProperties targets = new TargetsProperties();
		for (Rank r : Rank.values()) {
			assertThat(targets.creditTarget(r.code())).isEqualByComparingTo(r.defaultCredits());
			assertThat(targets.researchDaysTarget(r.code())).isEqualByComparingTo(r.defaultResearchDays());
		}
	}

	@Test
	void valuesReadAtOnePrecisionOnScreenAndOneInPrint() {
		BigDecimal share = new BigDecimal("0.92308");
		assertThat(ValueFormat.RATE.screen(share)).isEqualTo("92.31%");
		assertThat(ValueFormat.RATE.print(share)).isEqualTo("92.3%");
		assertThat(ValueFormat.MEAN.screen(new BigDecimal("12.345"))).isEqualTo("12.35");
		assertThat(ValueFormat.MEAN.print(new BigDecimal("12.345"))).isEqualTo("12.3");
		assertThat(ValueFormat.SCORE.print(new BigDecimal("4.305"))).isEqualTo("4.31");
		assertThat(ValueFormat.COUNT.screen(new BigDecimal("7.0000"))).isEqualTo("7");
		assertThat(ValueFormat.RATE.print(null)).isEqualTo("—");
		assertThat(Arrays.stream(ValueFormat.values()).map(ValueFormat::printPattern))
			.containsExactly("0.0%", "0.0", "0.00", "0");
		assertThat(Granularity.ofPeriod("2025-Q3")).isEqualTo(Granularity.QUARTER);
		assertThat(Granularity.ofPeriod("2025-07").adjective()).isEqualTo("月度");
		assertThat(Granularity.of('Y').axisLabel()).isEqualTo("年份");
		assertThat(Granularity.of('Q').current()).isEqualTo("本季度");
		assertThat(Granularity.of('M').english()).isEqualTo("monthly");
	}

	private static long distinct(Stream<String> labels) {
		Set<String> seen = new HashSet<>();
		labels.forEach(seen::add);
		return seen.size();
	}

}
