package org.learnstats.ingest;

/** Why a row (or a file) was not applied: a reason code and a sentence for the person who fixes it. */
public record Rejection(Reason reason, String detail) {

	public static Rejection of(Reason reason, String detail) {
		return new Rejection(reason, detail);
	}

}
