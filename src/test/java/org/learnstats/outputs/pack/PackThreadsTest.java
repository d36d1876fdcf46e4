package org.learnstats.outputs.pack;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PackThreadsTest {

	private static final List<Integer> ITEMS = IntStream.range(0, 40).boxed().toList();

	@Test
	void resultsComeInTheItemsOrderWhateverTheThreads() throws IOException {
		for (int threads : new int[] { 1, 2, 5 }) {
			List<String> names = Collections.synchronizedList(new ArrayList<>());
			List<Integer> out = PackThreads.map(ITEMS, threads, (i) -> {
				names.add(Thread.currentThread().getName());
				return i * 2;
			});
			assertThat(out).isEqualTo(ITEMS.stream().map((i) -> i * 2).toList());
			assertThat(names).hasSize(40);
			if (threads > 1) {
				assertThat(names).allMatch("packs"::equals);
			}
		}
	}

	@Test
	void theFirstFailureIsThrownAsRaisedAndNothingRunsOnAfterIt() throws Exception {
		AtomicInteger started = new AtomicInteger();
		AtomicInteger running = new AtomicInteger();
		AtomicInteger stillRunning = new AtomicInteger(-1);
		assertThatThrownBy(() -> PackThreads.map(ITEMS, 3, (i) -> {
			started.incrementAndGet();
			running.incrementAndGet();
			try {
				Thread.sleep(5);
				if (i == 4) {
					throw new IOException("disk on fire");
				}
				return i;
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
			finally {
				running.decrementAndGet();
			}
		})).isInstanceOf(IOException.class).hasMessage("disk on fire");
		stillRunning.set(running.get());
		assertThat(stillRunning.get()).isZero(); // every task that started has ended
		assertThat(started.get()).isLessThan(ITEMS.size()); // those not started were skipped
	}

	@Test
	void aRuntimeFailureStaysWhatItWas() {
		assertThatThrownBy(() -> PackThreads.map(ITEMS, 2, (i) -> {
			if (i == 0) {
				throw new IllegalArgumentException("bad unit");
			}
			return i;
		})).isInstanceOf(IllegalArgumentException.class).hasMessage("bad unit");
	}

}
