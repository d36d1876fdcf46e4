package org.learnstats.outputs;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The output folder is published by switching a symbolic link with one rename: whoever opens
 * {@code out} finds a complete folder of one run, whatever instant a kill -9 hits.
 */
class OutputFolderTest {

	@TempDir
	Path tmp;

	@Test
	void theFirstRunPublishesItsFolderAsALinkToOneBuild() throws IOException {
		OutputFolder folder = new OutputFolder(this.tmp.resolve("out"));
		assertThat(folder.published()).isNull();
		Path building = folder.prepare(1);
		Files.writeString(building.resolve("index.html"), "run 1");
		folder.publish(building);
		assertThat(Files.readString(this.tmp.resolve("out/index.html"))).isEqualTo("run 1");
		assertThat(Files.isSymbolicLink(this.tmp.resolve("out"))).isTrue();
		assertThat(siblings()).hasSize(2).contains("out");
		assertThat(folder.published()).isEqualTo(this.tmp.resolve("out").toRealPath());
		assertThat(folder.published().getParent()).isEqualTo(this.tmp.toRealPath());
	}

	@Test
	void aReaderSeesTheOldFolderWhileTheNextIsBuiltAndNothingOfItAfterwards() throws IOException {
		OutputFolder folder = new OutputFolder(this.tmp.resolve("out"));
		Path first = folder.prepare(1);
		Files.writeString(first.resolve("index.html"), "run 1");
		Files.writeString(first.resolve("only-in-run-1.csv"), "x");
		folder.publish(first);
		Path firstBuild = folder.published();

		Path second = folder.prepare(2);
		Files.writeString(second.resolve("index.html"), "run 2");
		assertThat(Files.readString(this.tmp.resolve("out/index.html"))).as("while building").isEqualTo("run 1");
		folder.publish(second);

		assertThat(Files.readString(this.tmp.resolve("out/index.html"))).isEqualTo("run 2");
		assertThat(this.tmp.resolve("out/only-in-run-1.csv")).doesNotExist();
		assertThat(firstBuild).doesNotExist();
		assertThat(siblings()).hasSize(2).contains("out");
	}

	@Test
	void leftoversOfAKilledRunAreClearedWithoutTouchingThePublishedFolder() throws IOException {
		Files.createDirectories(this.tmp.resolve("out"));
		Files.writeString(this.tmp.resolve("out/index.html"), "published");
		Files.createDirectories(this.tmp.resolve(".out.building-7/charts"));
		Files.writeString(this.tmp.resolve(".out.building-7/charts/half.png"), "half");
		Files.createDirectories(this.tmp.resolve(".out.old-6"));
		OutputFolder folder = new OutputFolder(this.tmp.resolve("out"));
		Path building = folder.prepare(8);
		assertThat(building).isEmptyDirectory();
		assertThat(siblings()).containsExactlyInAnyOrder("out", building.getFileName().toString());
		assertThat(Files.readString(this.tmp.resolve("out/index.html"))).isEqualTo("published");
	}

	/**
	 * A kill after any step of the publication: the name users open always leads to a complete
	 * folder (the old one or the new one); the next run publishes cleanly. Starting from an output
	 * folder published by an older version (a real folder) and from a linked one.
	 */
	@ParameterizedTest
	@EnumSource(OutputFolder.Step.class)
	void aKillAfterAnyStepLeavesACompleteFolderUnderTheName(OutputFolder.Step killedAt) throws IOException {
		for (boolean legacy : List.of(true, false)) {
			Path base = Files.createDirectories(this.tmp.resolve(killedAt + "-" + legacy));
			Path out = base.resolve("out");
			if (legacy) {
				Files.createDirectories(out);
				write(out, "run 1");
			}
			else {
				OutputFolder first = new OutputFolder(out);
				Path b = first.prepare(1);
				write(b, "run 1");
				first.publish(b);
			}
			OutputFolder killed = new OutputFolder(out, (step) -> {
				assertComplete(out, step == OutputFolder.Step.MIGRATED);
				if (step == killedAt) {
					throw new Killed();
				}
			});
			Path building = killed.prepare(2);
			write(building, "run 2");
			if (killedAt == OutputFolder.Step.MIGRATED && !legacy) {
				killed.publish(building); // a linked folder is never migrated
				continue;
			}
			assertThatThrownBy(() -> killed.publish(building)).isInstanceOf(Killed.class);
			// the one instant of a first publication over a real folder: repaired before anything else
			boolean gap = killedAt == OutputFolder.Step.MIGRATED;
			assertComplete(out, gap);

			OutputFolder next = new OutputFolder(out);
			Path third = next.prepare(3);
			assertComplete(out, false);
			if (killedAt.compareTo(OutputFolder.Step.SWITCHED) >= 0 || gap) {
				assertThat(Files.readString(out.resolve("index.html"))).isEqualTo("run 2");
			}
			write(third, "run 3");
			next.publish(third);
			assertThat(Files.readString(out.resolve("index.html"))).isEqualTo("run 3");
			assertThat(Files.isSymbolicLink(out)).isTrue();
			try (Stream<Path> list = Files.list(base)) {
				assertThat(list.count()).as("out and its one build").isEqualTo(2);
			}
		}
	}

	@Test
	void diskFullIsRecognized() {
		assertThat(OutputFolder.isDiskFull(new FileSystemException("/x", null, "No space left on device"))).isTrue();
		assertThat(OutputFolder.isDiskFull(new java.io.UncheckedIOException(new IOException("No space left on device"))))
			.isTrue();
		assertThat(OutputFolder.isDiskFull(new IOException("Permission denied"))).isFalse();
	}

	private static void write(Path dir, String run) throws IOException {
		Files.createDirectories(dir.resolve("charts"));
		Files.writeString(dir.resolve("charts/a.png"), run);
		Files.writeString(dir.resolve("index.html"), run);
	}

	/** The folder under the name is one run's, whole; {@code mayBeMissing} for the migration instant. */
	private static void assertComplete(Path out, boolean mayBeMissing) throws IOException {
		if (mayBeMissing && !Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		assertThat(out).isDirectory();
		String run = Files.readString(out.resolve("index.html"));
		assertThat(run).startsWith("run ");
		assertThat(Files.readString(out.resolve("charts/a.png"))).isEqualTo(run);
	}

	private List<String> siblings() throws IOException {
		try (Stream<Path> list = Files.list(this.tmp)) {
			return list.map((p) -> p.getFileName().toString()).sorted().toList();
		}
	}

	private static final class Killed extends RuntimeException {

	}

}
