package org.learnstats.run;

/** Bad usage or configuration (exit code 2); the message is the one line the operator sees. */
class UsageException extends RuntimeException {

	UsageException(String message) {
		super(message);
	}

}
