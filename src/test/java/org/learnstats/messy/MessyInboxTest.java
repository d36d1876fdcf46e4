package org.learnstats.messy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnstats.ingest.InboxFile;
import org.learnstats.ingest.InboxScanner;
import org.learnstats.ingest.Kinds;

/**
 * The generator keeps its promises, read by the product's own scanner: the same seed gives the
 * same bytes, and every night holds every encoding, delimiter, kind and file-level reason.
 */
class MessyInboxTest {

	@TempDir
	Path tmp;

	@Test
	void theSameSeedGivesTheSameBytes() {
		List<Night> a = MessyInbox.plain(7).nights();
		List<Night> b = MessyInbox.plain(7).nights();
		assertThat(a).hasSameSizeAs(b);
		for (int n = 0; n < a.size(); n++) {
			assertThat(a.get(n).deliveries()).hasSameSizeAs(b.get(n).deliveries());
			for (int i = 0; i < a.get(n).deliveries().size(); i++) {
				assertThat(a.get(n).deliveries().get(i).bytes()).isEqualTo(b.get(n).deliveries().get(i).bytes());
			}
		}
	}

	@Test
	void everyNightHoldsEveryEncodingDelimiterKindAndQuarantine() throws IOException {
		for (Night night : MessyInbox.plain(MessyNightsTest.SEED).nights()) {
			Path inbox = this.tmp.resolve(night.asOf().toString());
			night.deliverTo(inbox);
			List<InboxFile> files = new InboxScanner(Kinds.ALL).scan(inbox).files();
			assertThat(set(files.stream().map((f) -> f.text().encoding()))).as(night + " encodings")
				.containsAll(Set.of("UTF-8", "UTF-8-BOM", "GB18030", "UTF-16"));
			assertThat(set(files.stream().filter((f) -> f.kind() != null).map((f) -> String.valueOf(f.delimiter()))))
				.as(night + " delimiters")
				.containsExactlyInAnyOrder(",", "\t", ";");
			assertThat(set(files.stream().filter((f) -> f.kind() != null).map((f) -> f.kind().name())))
				.as(night + " kinds")
				.hasSize(7);
			assertThat(set(files.stream().map(InboxFile::fileRejection).filter(Objects::nonNull).map((r) -> r.reason().name())))
				.as(night + " quarantines")
				.containsExactlyInAnyOrder("UNKNOWN_KIND", "MISSING_COLUMN", "EMPTY_FILE", "NOT_TEXT");
		}
	}

	private static Set<String> set(java.util.stream.Stream<String> s) {
		return s.filter(Objects::nonNull).collect(Collectors.toSet());
	}

}
