package org.learnstats.run;

import java.util.List;
import java.util.regex.Pattern;

/** Keeps passwords out of logs, run.json and {@code ls_run}: masks them in URLs and arguments. */
final class Secrets {

	private static final Pattern IN_URL = Pattern.compile("(?i)(password|passwd|pwd|secret|token)=([^;&\\s]*)");

	private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s]+:)[^@/\\s]+@");

	private Secrets() {
	}

	/** The text with every {@code password=...} value and URL user-info password replaced by {@code ****}. */
	static String mask(String text) {
		if (text == null) {
			return null;
		}
		String masked = IN_URL.matcher(text).replaceAll("$1=****");
		return USER_INFO.matcher(masked).replaceAll("$1****@");
	}

	/** The arguments of a command line, with secret values masked. */
	static List<String> maskArgs(String... args) {
		return List.of(args).stream().map(Secrets::maskArg).toList();
	}

	private static String maskArg(String arg) {
		int eq = arg.indexOf('=');
		if (arg.startsWith("--") && eq > 0) {
			String name = arg.substring(2, eq).toLowerCase(java.util.Locale.ROOT);
			if (name.contains("password") || name.contains("secret") || name.contains("token")) {
				return arg.substring(0, eq + 1) + "****";
			}
		}
		return mask(arg);
	}

}
