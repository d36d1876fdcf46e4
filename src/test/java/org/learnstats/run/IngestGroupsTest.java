package org.learnstats.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.learnstats.ingest.InboxFile;
import org.learnstats.ingest.InboxPlan.PlannedFile;
import org.learnstats.ingest.TextEncoding;

/** The ingest partitions: a unit folder's files together and in the scan's order, deterministic. */
class IngestGroupsTest {

	private static List<PlannedFile> planned(String... paths) {
		List<PlannedFile> files = new ArrayList<>();
		for (String path : paths) {
			files.add(new PlannedFile(new InboxFile(Path.of("/inbox", path), path,
					new TextEncoding("0", 1, "UTF-8"), ',', null, null), 100 + files.size()));
		}
		return files;
	}

	private static List<List<String>> paths(List<List<PlannedFile>> partitions) {
		return partitions.stream().map((p) -> p.stream().map((f) -> f.file().relativePath()).toList()).toList();
	}

	@Test
	void aUnitFolderStaysInOnePartitionInTheScansOrderEvenWhenItsFilesAreApart() {
		// the scan's order: by kind rank, then by path bytes; a folder's files may come apart
		List<PlannedFile> files = planned("A/2024-01.csv", "B/2024-01.csv", "A/2024-02.csv", "C/x.csv",
				"B/2024-02.csv", "A/2024-03.csv", "root.csv", "D/y.csv", "top.csv");
		List<List<PlannedFile>> partitions = IngestGroups.of(files, 4);
		assertThat(paths(partitions)).containsExactly(List.of("A/2024-01.csv", "A/2024-02.csv", "A/2024-03.csv"),
				List.of("B/2024-01.csv", "B/2024-02.csv", "C/x.csv"), List.of("root.csv", "top.csv", "D/y.csv"));
		// every file once; within a folder the delivery ids (the application order) still ascend
		assertThat(partitions.stream().mapToInt(List::size).sum()).isEqualTo(files.size());
		for (List<PlannedFile> partition : partitions) {
			for (int i = 1; i < partition.size(); i++) {
				PlannedFile before = partition.get(i - 1);
				PlannedFile after = partition.get(i);
				if (IngestGroups.folder(before.file().relativePath())
					.equals(IngestGroups.folder(after.file().relativePath()))) {
					assertThat(after.deliveryId()).isGreaterThan(before.deliveryId());
				}
			}
		}
		assertThat(paths(IngestGroups.of(files, 4))).isEqualTo(paths(partitions));
	}

	@Test
	void aFolderLargerThanAPartitionIsNeverSplit() {
		List<PlannedFile> files = planned("A/1.csv", "A/2.csv", "A/3.csv", "B/1.csv", "C/1.csv", "C/2.csv");
		assertThat(paths(IngestGroups.of(files, 2))).containsExactly(List.of("A/1.csv", "A/2.csv", "A/3.csv"),
				List.of("B/1.csv"), List.of("C/1.csv", "C/2.csv"));
		assertThat(paths(IngestGroups.of(files, 1))).hasSize(3);
		assertThat(paths(IngestGroups.of(files, 100))).containsExactly(
				List.of("A/1.csv", "A/2.csv", "A/3.csv", "B/1.csv", "C/1.csv", "C/2.csv"));
		assertThat(IngestGroups.of(List.of(), 4)).isEmpty();
	}

	@Test
	void aWorkbooksSheetsBelongToTheWorkbooksFolder() {
		assertThat(IngestGroups.folder("unit-a/book.xlsx#考勤")).isEqualTo("unit-a");
		assertThat(IngestGroups.folder("book.xlsx#考勤")).isEmpty();
	}

}
