package org.learnstats.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnstats.outputs.OutputContext;
import org.learnstats.outputs.OutputPart;

/**
 * Parts of a stage are written side by side, a stage only after the one before; a failing part
 * stops no other, and a full disk stops the outputs once the stage's parts are done.
 */
class OutputStagesTest {

	@TempDir
	Path dir;

	private final List<String> events = new CopyOnWriteArrayList<>();

	@Test
	void aStagesPartsRunSideBySideAndTheNextStageWaits() throws IOException {
		// each of the first two waits until the other has started: written one after the other, they would time out
		CountDownLatch both = new CountDownLatch(2);
		OutputPart a = part("a", () -> meet(both));
		OutputPart b = part("b", () -> meet(both));
		OutputPart c = part("c", () -> {
		});
		List<OutputPart> failed = new OutputStages(2).write(List.of(List.of(a, b), List.of(c)), context());
		assertThat(failed).isEmpty();
		assertThat(this.events).hasSize(6).endsWith("c started", "c done");
		assertThat(this.events.subList(0, 2)).containsExactlyInAnyOrder("a started", "b started");
	}

	@Test
	void aFailingPartStopsNoOtherAndIsReported() throws IOException {
		OutputPart bad = part("bad", () -> {
			throw new IllegalStateException("injected");
		});
		OutputPart good = part("good", () -> {
		});
		OutputPart last = part("last", () -> {
		});
		OutputContext context = context();
		List<OutputPart> failed = new OutputStages(2).write(List.of(List.of(bad, good), List.of(last)), context);
		assertThat(failed).containsExactly(bad);
		assertThat(this.events).contains("good done", "last done");
		assertThat(context.failures().list()).extracting((f) -> f.part()).containsExactly("bad");
	}

	@Test
	void aFullDiskStopsTheOutputsAfterTheStage() {
		OutputPart full = part("full", () -> {
			throw new java.io.UncheckedIOException(new IOException("No space left on device"));
		});
		OutputPart other = part("other", () -> {
		});
		OutputPart later = part("later", () -> {
		});
		assertThatThrownBy(() -> new OutputStages(2).write(List.of(List.of(full, other), List.of(later)), context()))
			.isInstanceOf(IOException.class)
			.hasMessageContaining("No space left on device");
		assertThat(this.events).contains("other done").doesNotContain("later started");
	}

	@Test
	void oneThreadWritesInListOrder() throws IOException {
		List<OutputPart> stage = List.of(part("a", () -> {
		}), part("b", () -> {
		}), part("c", () -> {
		}));
		new OutputStages(1).write(List.of(stage), context());
		assertThat(this.events).containsExactly("a started", "a done", "b started", "b done", "c started", "c done");
	}

	private OutputContext context() {
		return new OutputContext(1, LocalDate.of(2026, 1, 2), this.dir, null);
	}

	private static void meet(CountDownLatch both) {
		both.countDown();
		try {
			assertThat(both.await(20, TimeUnit.SECONDS)).as("the other part of the stage started").isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private OutputPart part(String name, Runnable body) {
		return new OutputPart() {
			@Override
			public void write(OutputContext context) {
				OutputStagesTest.this.events.add(name + " started");
				body.run();
				OutputStagesTest.this.events.add(name + " done");
			}

			@Override
			public List<String> files() {
				return List.of(name);
			}

			@Override
			public String label() {
				return name;
			}
		};
	}

}
