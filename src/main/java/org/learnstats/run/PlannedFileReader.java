package org.learnstats.run;

import java.util.Iterator;

import org.learnstats.ingest.InboxPlan;
import org.learnstats.ingest.InboxPlan.PlannedFile;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemReader;

/** Reads the planned files of one kind, in application order, one step execution at a time. */
class PlannedFileReader implements ItemReader<PlannedFile>, StepExecutionListener {

	private final InboxPlan plan;

	private final String kind;

	private Iterator<PlannedFile> files;

	PlannedFileReader(InboxPlan plan, String kind) {
		this.plan = plan;
		this.kind = kind;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.files = this.plan.files(this.kind).iterator();
	}

	@Override
	public PlannedFile read() {
		return this.files != null && this.files.hasNext() ? this.files.next() : null;
	}

}
