package org.learnstats.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.env.PropertyResolver;

/**
 * Parses {@code run}, {@code pack} and {@code status} with their options, resolving every default
 * from the configuration ({@code learnstats.time-zone}, {@code learnstats.inbox},
 * {@code learnstats.out}). Spring Boot property overrides ({@code --spring.datasource.url=...},
 * any {@code --x.y=...} whose name holds a dot) are left to Spring Boot. Anything else unknown, a
 * bad date or quarter, or an inbox that does not exist is a {@link UsageException}: exit code 2,
 * before anything is opened.
 */
final class CommandLine {

	static final String USAGE = """
			Usage: java -jar learnstats.jar <command> [options] [--spring.property=value ...]

			Commands:
			  run      ingest the inbox, recompute the indicators, write the outputs and any due pack
			  pack     build or rebuild one quarterly metric pack
			  status   show the last runs and the packs built so far
			  worker   take partitions of the nights of a manager until stopped (learnstats.workers.enabled)

			Run 'java -jar learnstats.jar <command> --help' for a command's options.
			Any Spring Boot property can be set as --name=value, e.g. --spring.datasource.url=jdbc:postgresql://db/learnstats

			Exit codes: 0 done, 3 done but some rows or files were rejected, 1 failed,
			            2 bad usage or configuration, 75 another run holds the lock.
			""";

	static final String RUN_USAGE = """
			Usage: java -jar learnstats.jar run [--as-of YYYY-MM-DD] [--inbox DIR] [--out DIR]

			The nightly run: ingest new deliveries from the inbox, recompute every indicator,
			write the output folder and any quarterly pack that is due.

			  --as-of YYYY-MM-DD  the day the run reports on (default: today in learnstats.time-zone)
			  --inbox DIR         the folder of CSV exports (default: learnstats.inbox)
			  --out DIR           the output folder, replaced atomically (default: learnstats.out)

			Exit codes: 0 done, 3 done but some rows or files were rejected (see data-quality/),
			            1 failed (re-run: it resumes), 2 bad usage or configuration,
			            75 another run holds the lock (nothing was touched).
			""";

	static final String PACK_USAGE = """
			Usage: java -jar learnstats.jar pack --quarter YYYY-Qn [--unit CODE] [--as-of YYYY-MM-DD] [--out DIR]

			Build or rebuild the metric pack of one closed quarter from the store,
			into <out>/packs/YYYY-Qn/ (pack.pdf and pack.zip), or with --unit the pack
			of that unit's subtree into <out>/packs/YYYY-Qn/<unit>/.

			  --quarter YYYY-Qn   the quarter, e.g. 2025-Q3; it must have ended on the as-of date
			  --unit CODE         the unit code (default: the whole organization)
			  --as-of YYYY-MM-DD  the day the pack is dated with (default: the as-of date of the
			                      last run that was done, exit 0 or 3, so a rebuilt pack is that
			                      night's; today in learnstats.time-zone when no run was done yet)
			  --out DIR           the output folder (default: learnstats.out)

			Exit codes: 0 done, 1 failed, 2 bad usage or configuration, 75 another run holds the lock.
			""";

	static final String STATUS_USAGE = """
			Usage: java -jar learnstats.jar status [--last N]

			Show the last runs (exit status, files ingested, rows rejected) and the packs built so far.

			  --last N   how many runs to show (default 10)

			Exit codes: 0 done, 2 bad usage or configuration,
			            75 the embedded store is held by a running run (H2 only).
			""";

	static final String WORKER_USAGE = """
			Usage: java -jar learnstats.jar worker --learnstats.workers.enabled=true [--spring.rabbitmq.host=HOST ...]

			Take partitions of the nights of a manager (a run with learnstats.workers.enabled=true)
			from RabbitMQ (spring.rabbitmq.*) until stopped, writing into the store the manager uses
			(spring.datasource.*) and into its output folder's builds (the same path on every machine).
			Start as many as wanted, on any machines; stop with SIGTERM (the partition in hand ends first).

			Exit codes: 0 stopped, 2 bad usage or configuration.
			""";

	private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

	private static final Map<String, List<String>> OPTIONS = Map.of("run", List.of("as-of", "inbox", "out"), "pack",
			List.of("quarter", "unit", "as-of", "out"), "status", List.of("last"), "worker", List.of());

	private final PropertyResolver config;

	private final Clock clock;

	CommandLine(PropertyResolver config, Clock clock) {
		this.config = config;
		this.clock = clock;
	}

	/** Whether an argument is a Spring Boot property override, passed through untouched. */
	static boolean isSpringProperty(String arg) {
		if (!arg.startsWith("--") || arg.length() < 3) {
			return false;
		}
		int eq = arg.indexOf('=');
		String name = (eq < 0) ? arg.substring(2) : arg.substring(2, eq);
		return name.indexOf('.') > 0;
	}

	/**
	 * An option's name as typed, without any {@code =value}: usage errors name what was wrong but
	 * never repeat a value, which may be a password typed in the wrong place.
	 */
	private static String optionName(String arg) {
		int eq = arg.indexOf('=');
		return (eq < 0) ? arg : arg.substring(0, eq);
	}

	Command parse(String... args) {
		timeZone(this.config);
		String command = null;
		boolean help = false;
		Map<String, String> options = new LinkedHashMap<>();
		List<String> rest = new ArrayList<>(List.of(args));
		for (int i = 0; i < rest.size(); i++) {
			String arg = rest.get(i);
			if (isSpringProperty(arg)) {
				continue;
			}
			if (arg.equals("--help") || arg.equals("-h") || (command == null && arg.equals("help"))) {
				help = true;
				continue;
			}
			if (!arg.startsWith("-")) {
				if (command != null) {
					throw new UsageException("unexpected argument after " + command + " (word " + (i + 1)
							+ "; is an option name missing before it? try --help)");
				}
				if (!OPTIONS.containsKey(arg)) {
					throw new UsageException("unknown command (word " + (i + 1) + "): use run, pack, status or worker (try --help)");
				}
				command = arg;
				continue;
			}
			if (!arg.startsWith("--") || arg.length() == 2) {
				throw new UsageException("unknown option (word " + (i + 1) + "): options start with -- (try --help)");
			}
			if (command == null) {
				throw new UsageException("unknown option '" + optionName(arg) + "' before the command (options follow it; try --help)");
			}
			int eq = arg.indexOf('=');
			String name = (eq < 0) ? arg.substring(2) : arg.substring(2, eq);
			String value;
			if (eq >= 0) {
				value = arg.substring(eq + 1);
			}
			else if (i + 1 < rest.size() && !rest.get(i + 1).startsWith("--")) {
				value = rest.get(++i);
			}
			else {
				value = null;
			}
			if (options.containsKey(name)) {
				throw new UsageException("option --" + name + " given twice");
			}
			options.put(name, value);
		}
		if (help) {
			return new Command.Help(helpText(command));
		}
		if (command == null) {
			throw new UsageException("no command given: use run, pack or status (try --help)");
		}
		for (Map.Entry<String, String> option : options.entrySet()) {
			if (!OPTIONS.get(command).contains(option.getKey())) {
				throw new UsageException("unknown option '--" + option.getKey() + "' for " + command + " (try "
						+ command + " --help)");
			}
			if (option.getValue() == null || option.getValue().isBlank()) {
				throw new UsageException("option --" + option.getKey() + " needs a value (try " + command + " --help)");
			}
		}
		return switch (command) {
			case "run" -> run(options);
			case "pack" -> pack(options);
			case "worker" -> new Command.Worker();
			default -> status(options);
		};
	}

	static String helpText(String command) {
		if (command == null) {
			return USAGE;
		}
		return switch (command) {
			case "run" -> RUN_USAGE;
			case "pack" -> PACK_USAGE;
			case "worker" -> WORKER_USAGE;
			default -> STATUS_USAGE;
		};
	}

	private Command.Run run(Map<String, String> options) {
		LocalDate asOf = (options.get("as-of") != null) ? parseDate(options.get("as-of")) : today();
		Path inbox = path("inbox", options);
		if (!Files.isDirectory(inbox)) {
			throw new UsageException("inbox " + inbox + " is not a folder"
					+ ((options.get("inbox") != null) ? "" : " (set --inbox or learnstats.inbox)"));
		}
		if (!Files.isReadable(inbox)) {
			throw new UsageException("inbox " + inbox + " is not readable");
		}
		return new Command.Run(asOf, inbox, out(options));
	}

	private Command.Pack pack(Map<String, String> options) {
		String quarter = options.get("quarter");
		if (quarter == null) {
			throw new UsageException("pack needs --quarter YYYY-Qn (try pack --help)");
		}
		Matcher m = QUARTER.matcher(quarter);
		if (!m.matches()) {
			throw new UsageException("bad --quarter: expected YYYY-Qn, e.g. 2025-Q3");
		}
		LocalDate today = today();
		LocalDate lastDay = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)) * 3, 1)
			.plusMonths(1)
			.minusDays(1);
		if (today.isBefore(lastDay)) {
			throw new UsageException("quarter " + quarter + " has not ended yet (it ends " + lastDay + ", today is "
					+ today + ")");
		}
		LocalDate asOf = (options.get("as-of") != null) ? parseDate(options.get("as-of")) : null;
		return new Command.Pack(quarter, options.get("unit"), asOf, today, out(options));
	}

	private Command.Status status(Map<String, String> options) {
		String last = options.getOrDefault("last", "10");
		try {
			int n = Integer.parseInt(last);
			if (n < 1) {
				throw new NumberFormatException();
			}
			return new Command.Status(n);
		}
		catch (NumberFormatException ex) {
			throw new UsageException("bad --last: expected a whole number >= 1");
		}
	}

	private Path out(Map<String, String> options) {
		Path out = path("out", options);
		if (Files.exists(out) && !Files.isDirectory(out)) {
			throw new UsageException("output folder " + out + " exists and is not a folder");
		}
		writable(out);
		return out;
	}

	/**
	 * Fails fast, before any work, when the output folder could not be published: its parent must
	 * exist (or be creatable) and be writable, since each build is written beside it and switched in.
	 */
	private static void writable(Path out) {
		Path parent = out.getParent();
		for (Path p = parent; p != null; p = p.getParent()) {
			if (Files.exists(p)) {
				if (!Files.isDirectory(p)) {
					throw new UsageException("output folder " + out + " cannot be created: " + p + " is not a folder");
				}
				break;
			}
		}
		try {
			Files.createDirectories(parent);
			Path probe = Files.createTempFile(parent, ".learnstats-probe-", "");
			Files.delete(probe);
		}
		catch (IOException ex) {
			String reason = (ex instanceof java.nio.file.FileSystemException fs && fs.getReason() != null)
					? fs.getReason() : ex.getClass().getSimpleName();
			throw new UsageException("output folder " + out + " cannot be created or written in " + parent + " ("
					+ reason + ")");
		}
	}

	private Path path(String name, Map<String, String> options) {
		String value = options.get(name);
		if (value == null) {
			value = this.config.getProperty("learnstats." + name, name);
		}
		return Path.of(value).toAbsolutePath().normalize();
	}

	private static LocalDate parseDate(String text) {
		try {
			return LocalDate.parse(text, ISO_DATE);
		}
		catch (DateTimeParseException ex) {
			throw new UsageException("bad --as-of: expected an existing date as YYYY-MM-DD");
		}
	}

	LocalDate today() {
		return LocalDate.now(this.clock.withZone(timeZone(this.config)));
	}

	static ZoneId timeZone(PropertyResolver config) {
		String zone = config.getProperty("learnstats.time-zone", "Asia/Shanghai");
		try {
			return ZoneId.of(zone);
		}
		catch (DateTimeException ex) {
			throw new UsageException("bad learnstats.time-zone: expected a zone id such as Asia/Shanghai");
		}
	}

}
