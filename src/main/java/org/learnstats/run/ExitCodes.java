package org.learnstats.run;

/** The exit codes of spec section 5, the contract with cron, systemd and whoever is paged. */
final class ExitCodes {

	/** Done. */
	static final int DONE = 0;

	/** Failed: the run did not finish (an error, or stopped by a signal); the next run resumes. */
	static final int FAILED = 1;

	/** Bad usage or configuration: nothing was run. */
	static final int USAGE = 2;

	/** Done, but some rows or files were rejected (see data-quality/). */
	static final int DONE_WITH_REJECTS = 3;

	/** Another run holds the lock: nothing was touched (EX_TEMPFAIL). */
	static final int LOCKED = 75;

	private ExitCodes() {
	}

	static String describe(int code) {
		return switch (code) {
			case DONE -> "done";
			case DONE_WITH_REJECTS -> "done, some rows or files rejected";
			case FAILED -> "failed";
			case USAGE -> "bad usage or configuration";
			case LOCKED -> "another run holds the lock";
			default -> "exit " + code;
		};
	}

}
