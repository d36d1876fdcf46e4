package org.learnstats.outputs.pack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.learnstats.indicators.TargetsProperties;
import org.learnstats.outputs.OutputContext;
import org.learnstats.outputs.OutputFolder;
import org.learnstats.outputs.OutputPart;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The quarterly metric packs: for every closed quarter from the first with data, builds
 * {@code packs/YYYY-Qn/pack.pdf} and {@code pack.zip} when the quarter has no pack yet or the
 * fingerprint of its inputs changed, and carries the unchanged ones over from the published folder.
 * Packs of quarters no longer reported (before the store's first quarter, after an erroneous early
 * date was corrected) are dropped, not carried over.
 * {@link #build(String, OutputContext)} builds one pack regardless, for {@code pack --quarter}.
 */
@Component
public class PackPart implements OutputPart {

	/** Part of every fingerprint: bump it when the pack's layout changes, so every pack is rebuilt. */
	static final String FORMAT = "learnstats-pack-1";

	private static final Log logger = LogFactory.getLog(PackPart.class);

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final PackTargets targets;

	private final Consumer<String> beforeQuarter;

	@Autowired
	public PackPart(DataSource dataSource, TargetsProperties targets) {
		this(dataSource, targets, (quarter) -> {
		});
	}

	/** With a seam called before each quarter's pack (tests make one fail). */
	PackPart(DataSource dataSource, TargetsProperties targets, Consumer<String> beforeQuarter) {
		this.beforeQuarter = beforeQuarter;
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.targets = PackTargets.of(targets);
	}

	@Override
	public List<String> files() {
		return List.of("packs");
	}

	@Override
	public void write(OutputContext context) throws IOException {
		// one reader for all quarters: the first quarter and who delivered when are read once
		PackSource source = new PackSource(this.dataSource);
		Quarter first = source.firstQuarter();
		int built = 0;
		int kept = 0;
		if (first != null) {
			for (Quarter q = first; q.closedOn(context.asOf()); q = q.next()) {
				try {
					if (quarter(q, source, context)) {
						built++;
					}
					else {
						kept++;
					}
				}
				catch (IOException | RuntimeException ex) {
					if (OutputFolder.isDiskFull(ex)) {
						throw ex;
					}
					// one quarter's pack never withholds the others: keep its published pack
					context.failures().add("pack " + q.id(), ex);
					logger.error("Pack " + q.id() + " could not be built, the previous one is kept: " + ex, ex);
					OutputFolder.keepPrevious(context, "packs/" + q.id());
				}
			}
		}
		forgetOtherQuarters(first, context.asOf());
		logger.info("Packs: " + built + " built, " + kept + " carried over");
	}

	/** Builds one quarter's pack or carries it over; returns whether it was built. */
	private boolean quarter(Quarter q, PackSource source, OutputContext context) throws IOException {
		this.beforeQuarter.accept(q.id());
		PackData data = source.load(q, this.targets);
		String fingerprint = fingerprint(data);
		Path previous = previousPack(context, q);
		if (previous != null && fingerprint.equals(storedFingerprint(q))
				&& fingerprint.equals(PackZip.fingerprintOf(previous.resolve("pack.zip"), q))) {
			carry(previous, packDir(context, q));
			return false;
		}
		write(q, data, fingerprint, context);
		return true;
	}

	/**
	 * Builds (or rebuilds) the pack of one closed quarter into {@code context.dir()}, whatever its
	 * fingerprint, and records the fingerprint.
	 * @param quarter the quarter, e.g. {@code 2025-Q3}
	 * @return the pack's folder, {@code packs/2025-Q3} below {@code context.dir()}
	 * @throws IllegalArgumentException when the quarter is malformed or not closed on the as-of date
	 */
	public Path build(String quarter, OutputContext context) throws IOException {
		Quarter q = Quarter.parse(quarter);
		if (!q.closedOn(context.asOf())) {
			throw new IllegalArgumentException("quarter " + q.id() + " is not closed on " + context.asOf()
					+ ": a pack is built once the quarter's last day (" + q.lastDay() + ") is reached");
		}
		PackData data = new PackSource(this.dataSource).load(q, this.targets);
		return write(q, data, fingerprint(data), context);
	}

	/**
	 * Forgets the fingerprints of quarters that are no longer reported (an erroneous early date was
	 * corrected and the store's first quarter moved forward): their packs are not carried over, and
	 * should the quarter be reported again its pack is built afresh.
	 */
	private void forgetOtherQuarters(Quarter first, LocalDate asOf) {
		List<String> quarters = this.jdbc.queryForList("SELECT quarter FROM quarter_pack", String.class);
		for (String id : quarters) {
			Quarter q = Quarter.parse(id.trim());
			if (first == null || q.compareTo(first) < 0 || !q.closedOn(asOf)) {
				this.jdbc.update("DELETE FROM quarter_pack WHERE quarter = ?", id);
			}
		}
	}

	private Path write(Quarter q, PackData data, String fingerprint, OutputContext context) throws IOException {
		PackReport report = new PackReport(data);
		Map<String, PackImages.Rendered> charts = PackImages.of(report);
		List<PackTable> tables = PackTables.of(report);
		byte[] pdf = new PackPdf(report, context.asOf(), fingerprint, charts).render();
		byte[] zip = PackZip.write(q, fingerprint, context.asOf(), tables, charts);
		Path dir = packDir(context, q);
		if (Files.exists(dir)) {
			deleteFiles(dir);
		}
		Files.createDirectories(dir);
		Files.write(dir.resolve("pack.pdf"), pdf);
		Files.write(dir.resolve("pack.zip"), zip);
		record(q, fingerprint, context.runId());
		logger.info("Pack " + q.id() + " built (" + pdf.length + " + " + zip.length + " bytes)");
		return dir;
	}

	static String fingerprint(PackData data) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			byte[] digest = sha.digest((FORMAT + '\n' + data.canonical()).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String storedFingerprint(Quarter q) {
		List<String> found = this.jdbc.queryForList("SELECT fingerprint FROM quarter_pack WHERE quarter = ?",
				String.class, q.id());
		return found.isEmpty() ? null : found.get(0).trim();
	}

	private void record(Quarter q, String fingerprint, long runId) {
		Timestamp now = Timestamp.valueOf(LocalDateTime.now());
		int updated = this.jdbc.update(
				"UPDATE quarter_pack SET fingerprint = ?, run_id = ?, built_at = ? WHERE quarter = ?", fingerprint,
				runId, now, q.id());
		if (updated == 0) {
			this.jdbc.update("INSERT INTO quarter_pack (quarter, fingerprint, run_id, built_at) VALUES (?, ?, ?, ?)",
					q.id(), fingerprint, runId, now);
		}
	}

	private static Path packDir(OutputContext context, Quarter q) {
		return context.dir().resolve("packs").resolve(q.id());
	}

	private static Path previousPack(OutputContext context, Quarter q) {
		if (context.previous() == null) {
			return null;
		}
		Path dir = context.previous().resolve("packs").resolve(q.id());
		return Files.isRegularFile(dir.resolve("pack.pdf")) && Files.isRegularFile(dir.resolve("pack.zip")) ? dir
				: null;
	}

	/** Hard-links (or, across file systems, copies) a pack folder's files into the new folder. */
	private static void carry(Path from, Path to) throws IOException {
		Files.createDirectories(to);
		try (DirectoryStream<Path> files = Files.newDirectoryStream(from)) {
			for (Path f : files) {
				if (!Files.isRegularFile(f)) {
					continue;
				}
				Path target = to.resolve(f.getFileName().toString());
				try {
					Files.createLink(target, f);
				}
				catch (IOException | UnsupportedOperationException ex) {
					Files.copy(f, target);
				}
			}
		}
	}

	private static void deleteFiles(Path dir) {
		try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
			for (Path f : files) {
				Files.delete(f);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
