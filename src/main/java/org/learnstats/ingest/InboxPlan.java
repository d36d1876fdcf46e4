package org.learnstats.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * What the current run found to ingest, filled by the inbox scan and read by the ingest steps:
 * the new files of each kind in application order, each with the delivery id it will get. One
 * run at a time holds the store (see the run lock), so ids are handed out in memory.
 */
@Component
public class InboxPlan {

	/** A new file and its delivery id. */
	public record PlannedFile(InboxFile file, long deliveryId) {
	}

	private long runId;

	private LocalDate asOf;

	private final List<PlannedFile> files = new ArrayList<>();

	public synchronized void reset(long runId, LocalDate asOf) {
		this.runId = runId;
		this.asOf = asOf;
		this.files.clear();
	}

	public synchronized void add(InboxFile file, long deliveryId) {
		this.files.add(new PlannedFile(file, deliveryId));
	}

	public synchronized List<PlannedFile> files(String kind) {
		return this.files.stream().filter((p) -> p.file().kind().name().equals(kind)).toList();
	}

	public synchronized long runId() {
		return this.runId;
	}

	public synchronized LocalDate asOf() {
		return this.asOf;
	}

}
