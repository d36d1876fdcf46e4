package org.learnstats.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.learnstats.vocabulary.Rank;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

class TargetsPropertiesTest {

	@Test
	void defaultsAreTheSpecs() {
		TargetsProperties t = new TargetsProperties();
		assertThat(t.getCredits()).containsExactly(Map.entry("bureau", new BigDecimal("18")),
				Map.entry("division", new BigDecimal("18")), Map.entry("section", new BigDecimal("12")),
				Map.entry("staff", new BigDecimal("0")));
		assertThat(t.getResearchDays()).containsExactly(Map.entry("bureau", new BigDecimal("90")),
				Map.entry("division", new BigDecimal("60")), Map.entry("section", new BigDecimal("30")),
				Map.entry("staff", new BigDecimal("0")));
		assertThat(t.getCentralGroup().getMinSessions()).isEqualTo(3);
		assertThat(t.getCentralGroup().getMinHours()).isEqualByComparingTo("6");
		assertThat(t.getBranchStudy().getMinDays()).isEqualTo(2);
		assertThat(t.getDegreeAgeLimit()).isEqualTo(50);
	}

	@Test
	void anOverrideOfOneRankKeepsTheOthers() {
		MapConfigurationPropertySource source = new MapConfigurationPropertySource(
				Map.of("learnstats.targets.credits.section", "14.5", "learnstats.targets.research_days.staff", "5",
						"learnstats.targets.central_group.min_hours", "4", "learnstats.targets.degree_age_limit", "45"));
		TargetsProperties t = new Binder(source).bind("learnstats.targets", TargetsProperties.class).get();
		assertThat(t.creditTarget("section")).isEqualByComparingTo("14.5");
		assertThat(t.creditTarget("division")).isEqualByComparingTo("18");
		assertThat(t.researchDaysTarget("staff")).isEqualByComparingTo("5");
		assertThat(t.researchDaysTarget("bureau")).isEqualByComparingTo("90");
		assertThat(t.getCentralGroup().getMinHours()).isEqualByComparingTo("4");
		assertThat(t.getCentralGroup().getMinSessions()).isEqualTo(3);
		assertThat(t.getDegreeAgeLimit()).isEqualTo(45);
	}

	@Test
	void everyKeyOfTheExampleFileBindsAndHoldsTheDefaults() throws Exception {
		List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("targets",
				new FileSystemResource(Path.of("jobs/targets.example.yml")));
		// start from nonsense so that only what the file binds can bring back the spec's values
		TargetsProperties bound = new TargetsProperties();
		bound.getCredits().replaceAll((rank, value) -> new BigDecimal("99"));
		bound.getResearchDays().replaceAll((rank, value) -> new BigDecimal("99"));
		bound.getCentralGroup().setMinSessions(99);
		bound.getCentralGroup().setMinHours(new BigDecimal("99"));
		bound.getBranchStudy().setMinDays(99);
		bound.setDegreeAgeLimit(99);
		new Binder(ConfigurationPropertySources.from(yaml)).bind("learnstats.targets", Bindable.ofInstance(bound));
		TargetsProperties defaults = new TargetsProperties();
		for (String rank : Rank.codes()) {
			assertThat(bound.creditTarget(rank)).as(rank).isEqualByComparingTo(defaults.creditTarget(rank));
			assertThat(bound.researchDaysTarget(rank)).as(rank)
				.isEqualByComparingTo(defaults.researchDaysTarget(rank));
		}
		assertThat(bound.getCentralGroup().getMinSessions()).isEqualTo(3);
		assertThat(bound.getCentralGroup().getMinHours()).isEqualByComparingTo("6");
		assertThat(bound.getBranchStudy().getMinDays()).isEqualTo(2);
		assertThat(bound.getDegreeAgeLimit()).isEqualTo(50);
	}

	@Test
	void rejectsUnknownRanksAndNegativeTargets() {
		TargetsProperties t = new TargetsProperties();
		t.getCredits().put("chief", BigDecimal.ONE);
		assertThatIllegalStateException().isThrownBy(t::validate).withMessageContaining("chief");
		TargetsProperties n = new TargetsProperties();
		n.getResearchDays().put("staff", new BigDecimal("-1"));
		assertThatIllegalStateException().isThrownBy(n::validate).withMessageContaining("research_days.staff");
	}

}
