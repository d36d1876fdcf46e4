package org.learnstats.messy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** One night of the sequence: the as-of date of its run and what units delivered that day. */
public record Night(LocalDate asOf, List<Delivery> deliveries) {

	/** Adds this night's deliveries to the inbox; returns how many the OS allowed. */
	public int deliverTo(Path inbox) {
		int n = 0;
		for (Delivery d : this.deliveries) {
			n += d.writeInto(inbox) ? 1 : 0;
		}
		return n;
	}

	@Override
	public String toString() {
		return "night " + this.asOf + " (" + this.deliveries.size() + " deliveries)";
	}

}
