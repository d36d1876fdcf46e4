package org.learnstats.run;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * File names are read and written in UTF-8 whatever locale the job is started under. Java takes
 * the encoding of file names ({@code sun.jnu.encoding}) from the locale at start-up: under cron,
 * with no {@code LANG}, it is ASCII and every Chinese file name becomes '?' (two files can then
 * share a label, and the order files are applied in depends on the mangled names). When that is
 * so, the same java command is started again with {@code LC_ALL=C.UTF-8}, its input and output
 * inherited, and this process ends with its exit code; when that is impossible, exit 2 with one
 * line telling the operator to set {@code LANG=C.UTF-8}.
 */
public final class Utf8Names {

	/** Set in the environment of the relaunched process, so it never relaunches again. */
	static final String RELAUNCHED = "LEARNSTATS_UTF8_RELAUNCHED";

	static final String LOCALE = "C.UTF-8";

	private Utf8Names() {
	}

	/** Returns when file names are UTF-8; otherwise relaunches and never returns. */
	public static void ensure() {
		if (isUtf8(System.getProperty("sun.jnu.encoding"))) {
			return;
		}
		ProcessHandle.Info info = ProcessHandle.current().info();
		Optional<String> command = info.command();
		Optional<String[]> arguments = info.arguments();
		if (System.getenv(RELAUNCHED) != null || command.isEmpty() || arguments.isEmpty()) {
			fail("file names would be read as " + System.getProperty("sun.jnu.encoding")
					+ ", not UTF-8: set LANG=" + LOCALE + " (or LC_ALL) in the environment of the job");
		}
		List<String> line = new ArrayList<>();
		line.add(command.get());
		line.addAll(List.of(arguments.get()));
		ProcessBuilder builder = new ProcessBuilder(line).inheritIO();
		builder.environment().put("LC_ALL", LOCALE);
		builder.environment().put("LANG", LOCALE);
		builder.environment().put(RELAUNCHED, "1");
		Process child;
		try {
			child = builder.start();
		}
		catch (IOException ex) {
			fail("file names are not UTF-8 and the job could not restart itself with LC_ALL=" + LOCALE + " ("
					+ ex.getMessage() + "): set LANG=" + LOCALE + " in the environment of the job");
			return;
		}
		// a stop signal to this process stops the run too, and this process ends with the run's code
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			if (child.isAlive()) {
				child.destroy();
				Runtime.getRuntime().halt(waitFor(child));
			}
		}, "utf8-relaunch"));
		System.exit(waitFor(child));
	}

	static boolean isUtf8(String encoding) {
		try {
			return encoding != null && Charset.forName(encoding).equals(StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static int waitFor(Process child) {
		while (true) {
			try {
				return child.waitFor();
			}
			catch (InterruptedException ex) {
				// keep waiting: the child decides when the run ends
			}
		}
	}

	private static void fail(String message) {
		System.err.println("learnstats: " + message);
		System.err.flush();
		System.exit(ExitCodes.USAGE);
	}

}
