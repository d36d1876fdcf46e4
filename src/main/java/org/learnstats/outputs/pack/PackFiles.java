package org.learnstats.outputs.pack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.learnstats.outputs.OutputContext;
import org.learnstats.outputs.OutputFolder;
import org.learnstats.outputs.UnitKey;

/**
 * A pack's files: {@code pack.pdf}, {@code pack.zip} and their sums drawn and written into the
 * night's folder, or the previous folder's files carried over by hard link.
 */
final class PackFiles {

	private static final Log logger = LogFactory.getLog(PackFiles.class);

	private PackFiles() {
	}

	/** Writes one pack; {@code cutOff} is the data cut-off it prints and its documents are dated with. */
	static Path write(Quarter q, String unitCode, PackData data, String fingerprint, LocalDate cutOff,
			OutputContext context) throws IOException {
		long started = System.nanoTime();
		long cpu = cpuNanos();
		PackReport report = new PackReport(data);
		Map<String, PackImages.Rendered> charts = PackImages.of(report);
		List<PackTable> tables = PackTables.of(report);
		PackPdf document = new PackPdf(report, cutOff, fingerprint, charts);
		byte[] pdf = document.render();
		if (!document.squeezed().isEmpty()) {
			logger.warn("Pack " + q.id() + (unitCode == null ? "" : " of " + unitCode)
					+ ": numbers drawn smaller to fit their column: " + document.squeezed());
		}
		byte[] zip = PackZip.write(q, fingerprint, cutOff, tables, charts);
		Path dir = dir(context, q, unitCode);
		if (Files.exists(dir)) {
			deleteFiles(dir);
		}
		Files.createDirectories(dir);
		Files.write(dir.resolve("pack.pdf"), pdf);
		Files.write(dir.resolve("pack.zip"), zip);
		PackIndex.writeSums(dir, Map.of("pack.pdf", pdf, "pack.zip", zip));
		logger.debug("Pack " + q.id() + (unitCode == null ? "" : " of " + unitCode) + " built in "
				+ (System.nanoTime() - started) / 1_000_000 + " ms, " + (cpuNanos() - cpu) / 1_000_000 + " ms CPU ("
				+ pdf.length + " + " + zip.length + " bytes)");
		return dir;
	}

	/** CPU time of the process (all threads; charts render in parallel): the cost of a pack on a busy machine. */
	private static long cpuNanos() {
		return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
				? os.getProcessCpuTime() : 0;
	}

	/** {@code packs/<quarter>/} for the organization, {@code packs/<quarter>/<unit key>/} for a unit. */
	static Path packDir(Path root, Quarter q, String unitCode) {
		Path dir = root.resolve("packs").resolve(q.id());
		return unitCode == null ? dir : dir.resolve(UnitKey.of(unitCode));
	}

	static Path dir(OutputContext context, Quarter q, String unitCode) {
		return packDir(context.dir(), q, unitCode);
	}

	/** The pack's folder in the previous build when it holds both files, or null. */
	static Path previous(OutputContext context, Quarter q, String unitCode) {
		if (context.previous() == null) {
			return null;
		}
		Path dir = packDir(context.previous(), q, unitCode);
		return Files.isRegularFile(dir.resolve("pack.pdf")) && Files.isRegularFile(dir.resolve("pack.zip")) ? dir
				: null;
	}

	/** Hard-links (or, across file systems, copies) a pack folder's files into the new folder. */
	static void carry(Path from, Path to) throws IOException {
		Files.createDirectories(to);
		try (DirectoryStream<Path> files = Files.newDirectoryStream(from)) {
			for (Path f : files) {
				if (!Files.isRegularFile(f)) {
					continue;
				}
				OutputFolder.linkOrCopy(f, to.resolve(f.getFileName().toString()));
			}
		}
	}

	/** Deletes a pack's files, not its quarter's unit folders. */
	private static void deleteFiles(Path dir) {
		try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
			for (Path f : files) {
				if (Files.isRegularFile(f)) {
					Files.delete(f);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
