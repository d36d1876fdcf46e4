package org.learnstats.store;

import java.util.function.BiConsumer;

import org.learnstats.ingest.ProgressListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A test seam in the ingest: the job's progress listener, replaced so a test can act on the inbox
 * (or fail the step) the moment a file starts being read, after the scan saw it. Deliberately not
 * a {@code @Configuration}, so no component scan picks it up: tests add it as a source.
 */
class IngestSeam {

	/** Called with the file's path (relative to the inbox) and kind as its ingest begins. */
	static volatile BiConsumer<String, String> onFileStarted = (path, kind) -> {
	};

	@Bean
	@Primary
	ProgressListener seamProgress() {
		return new ProgressListener() {

			@Override
			public void fileStarted(String path, String kind, long bytes) {
				onFileStarted.accept(path, kind);
			}

			@Override
			public void rows(long read, long rejected) {
			}

			@Override
			public void fileDone(String path, long read, long applied, long rejected, String reason) {
			}

		};
	}

}
