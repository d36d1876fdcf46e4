package org.learnstats.outputs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's outputs are built aside and replace the published folder whole (spec section 4). */
class OutputFolderTest {

	@TempDir
	Path tmp;

	@Test
	void theFirstRunPublishesItsFolderAndLeavesNothingBeside() throws IOException {
		OutputFolder folder = new OutputFolder(this.tmp.resolve("out"));
		assertThat(folder.published()).isNull();
		Path building = folder.prepare(1);
		Files.writeString(building.resolve("index.html"), "run 1");
		folder.publish(building);
		assertThat(Files.readString(this.tmp.resolve("out/index.html"))).isEqualTo("run 1");
		assertThat(siblings()).containsExactly("out");
	}

	@Test
	void aReaderSeesTheOldFolderWhileTheNextIsBuiltAndNothingOfItAfterwards() throws IOException {
		OutputFolder folder = new OutputFolder(this.tmp.resolve("out"));
		Path first = folder.prepare(1);
		Files.writeString(first.resolve("index.html"), "run 1");
		Files.writeString(first.resolve("only-in-run-1.csv"), "x");
		folder.publish(first);

		Path second = folder.prepare(2);
		Files.writeString(second.resolve("index.html"), "run 2");
		assertThat(Files.readString(this.tmp.resolve("out/index.html"))).as("while building").isEqualTo("run 1");
		folder.publish(second);

		assertThat(Files.readString(this.tmp.resolve("out/index.html"))).isEqualTo("run 2");
		assertThat(this.tmp.resolve("out/only-in-run-1.csv")).doesNotExist();
		assertThat(siblings()).containsExactly("out");
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
		assertThat(siblings()).containsExactlyInAnyOrder("out", ".out.building-8");
		assertThat(Files.readString(this.tmp.resolve("out/index.html"))).isEqualTo("published");
	}

	private java.util.List<String> siblings() throws IOException {
		try (Stream<Path> list = Files.list(this.tmp)) {
			return list.map((p) -> p.getFileName().toString()).sorted().toList();
		}
	}

}
