package org.learnstats.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.learnstats.outputs.OutputContext;
import org.learnstats.outputs.OutputPart;

/** The outputs' rehearsal runs the parts' drawing on its own thread until closed, and a failing part ends it quietly. */
class RehearsalTest {

	@Test
	void thePartsRehearseUntilClosed() throws Exception {
		Counting a = new Counting(false);
		Counting b = new Counting(false);
		Rehearsal rehearsal = Rehearsal.start(List.of(a, b), 0);
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (b.calls.get() < 3 && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		rehearsal.close();
		Thread.sleep(100); // the drawing in hand ends
		int after = a.calls.get();
		Thread.sleep(100);
		assertThat(b.calls.get()).isGreaterThanOrEqualTo(3);
		assertThat(a.calls.get()).isEqualTo(after).isGreaterThanOrEqualTo(b.calls.get());
	}

	@Test
	void aFailingPartEndsTheRehearsalAndNothingElse() throws Exception {
		Counting failing = new Counting(true);
		Counting next = new Counting(false);
		try (Rehearsal rehearsal = Rehearsal.start(List.of(failing, next), 0)) {
			Thread.sleep(300);
		}
		assertThat(failing.calls.get()).isEqualTo(1);
		assertThat(next.calls.get()).isZero();
	}

	@Test
	void aRehearsalClosedBeforeItsDelayEndsRehearsesNothing() throws Exception {
		Counting part = new Counting(false);
		Rehearsal rehearsal = Rehearsal.start(List.of(part), 400);
		Thread.sleep(100);
		rehearsal.close();
		Thread.sleep(600);
		assertThat(part.calls.get()).isZero();
		// and one whose delay ends rehearses
		Counting later = new Counting(false);
		try (Rehearsal started = Rehearsal.start(List.of(later), 100)) {
			long deadline = System.nanoTime() + 10_000_000_000L;
			while (later.calls.get() == 0 && System.nanoTime() < deadline) {
				Thread.sleep(5);
			}
		}
		assertThat(later.calls.get()).isPositive();
	}

	@Test
	void noneRehearsesNothing() throws Exception {
		Counting part = new Counting(false);
		try (Rehearsal rehearsal = Rehearsal.none()) {
			Thread.sleep(50);
		}
		assertThat(part.calls.get()).isZero();
	}

	private static final class Counting implements OutputPart {

		private final AtomicInteger calls = new AtomicInteger();

		private final boolean fails;

		Counting(boolean fails) {
			this.fails = fails;
		}

		@Override
		public void rehearse() {
			this.calls.incrementAndGet();
			if (this.fails) {
				throw new IllegalStateException("made-up data the drawing refuses");
			}
			try {
				Thread.sleep(2);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		@Override
		public void write(OutputContext context) throws IOException {
		}

		@Override
		public List<String> files() {
			return List.of();
		}

	}

}
