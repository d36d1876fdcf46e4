package org.learnstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

/** The limits are Spring Boot properties under learnstats.ingest, with the documented defaults. */
class IngestLimitsBindingTest {

	static IngestLimits bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties))
			.bindOrCreate("learnstats.ingest", IngestLimits.class);
	}

	@Test
	void defaultsAreTheDocumentedOnes() {
		IngestLimits limits = bind(Map.of());
		assertThat(limits).isEqualTo(IngestLimits.defaults());
		assertThat(limits.maxFileSize()).isEqualTo(DataSize.ofGigabytes(2));
		assertThat(limits.maxRecordChars()).isEqualTo(1_000_000);
		assertThat(limits.maxFieldChars()).isEqualTo(100_000);
		assertThat(limits.maxColumns()).isEqualTo(2_000);
		assertThat(limits.earliestDate()).isEqualTo(LocalDate.of(2000, 1, 1));
	}

	@Test
	void everyLimitCanBeSet() {
		IngestLimits limits = bind(Map.of("learnstats.ingest.max-file-size", "10MB", "learnstats.ingest.max-record-chars",
				"5000", "learnstats.ingest.max-field-chars", "300", "learnstats.ingest.max-columns", "50",
				"learnstats.ingest.earliest-date", "2018-01-01"));
		assertThat(limits).isEqualTo(new IngestLimits(DataSize.ofMegabytes(10), 5000, 300, 50, LocalDate.of(2018, 1, 1)));
	}

	@Test
	void aFieldLimitBeyondTheStoreIsRefusedAtStart() {
		assertThatThrownBy(() -> bind(Map.of("learnstats.ingest.max-field-chars", "2000000")))
			.hasStackTraceContaining("max-field-chars must be 1 to 1000000");
	}

}
