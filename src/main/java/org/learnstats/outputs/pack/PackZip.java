package org.learnstats.outputs.pack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The pack's ZIP: its tables as CSV and one XLSX workbook, and its charts as PNG and SVG, in a
 * fixed order with fixed entry times. The archive comment names the quarter and the fingerprint
 * the pack was built from, so a later run can tell a current pack from a stale one.
 */
final class PackZip {

	private static final String COMMENT = "learnstats pack ";

	private PackZip() {
	}

	static byte[] write(Quarter quarter, String fingerprint, LocalDate asOf, List<PackTable> tables,
			Map<String, PackImages.Rendered> charts) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
			zip.setComment(comment(quarter, fingerprint));
			for (PackTable t : tables) {
				entry(zip, "tables/" + t.name() + ".csv", PackTables.csv(t), asOf);
			}
			entry(zip, "tables/tables.xlsx", PackTables.xlsx(tables, asOf), asOf);
			for (Map.Entry<String, PackImages.Rendered> c : charts.entrySet()) {
				entry(zip, "charts/" + c.getKey() + ".png", c.getValue().png(), asOf);
				entry(zip, "charts/" + c.getKey() + ".svg", c.getValue().svg().getBytes(StandardCharsets.UTF_8), asOf);
			}
		}
		return out.toByteArray();
	}

	/**
	 * PNG images and the XLSX workbook are compressed already: deflating them again took a third of
	 * a pack's time for a few bytes, so they go in uncompressed; text (CSV, SVG) is deflated at
	 * zlib's fastest level (at its default level a committee's pack took 7 % more CPU, for a ZIP
	 * 2 % smaller).
	 */
	private static void entry(ZipOutputStream zip, String name, byte[] bytes, LocalDate asOf) throws IOException {
		zip.setLevel(name.endsWith(".png") || name.endsWith(".xlsx") ? Deflater.NO_COMPRESSION : Deflater.BEST_SPEED);
		ZipEntry e = new ZipEntry(name);
		e.setTimeLocal(asOf.atStartOfDay());
		zip.putNextEntry(e);
		zip.write(bytes);
		zip.closeEntry();
	}

	static String comment(Quarter quarter, String fingerprint) {
		return COMMENT + quarter.id() + " " + fingerprint;
	}

	/** The fingerprint a pack.zip was built from, or {@code null} when it cannot be read. */
	static String fingerprintOf(Path zip, Quarter quarter) {
		try (ZipFile file = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
			String comment = file.getComment();
			String prefix = COMMENT + quarter.id() + " ";
			return comment != null && comment.startsWith(prefix) ? comment.substring(prefix.length()) : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

}
