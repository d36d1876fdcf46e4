package org.learnstats.support;

/**
 * Whether a test that needs something outside the JVM (PostgreSQL, Chromium, LibreOffice) must
 * fail rather than skip when it is missing: always in CI ({@code CI=true}), or when the build is
 * run with {@code -Dlearnstats.require-<what>=true}.
 */
public final class Requirement {

	private Requirement() {
	}

	public static boolean strict(String what) {
		return Boolean.getBoolean("learnstats.require-" + what) || "true".equalsIgnoreCase(System.getenv("CI"));
	}

}
