package org.learnstats.outputs.tables;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes the workbooks of the tables and of the packs, both streamed with POI's SXSSF (each cell
 * written as text as it comes, where the in-memory XSSF model built and serialized an XML object
 * per cell: two fifths of a pack's time). POI leaves the zip entries' times unset or takes the
 * clock; every entry is stamped here with one given time, so the same workbook gives the same bytes.
 */
public final class Workbooks {

	private Workbooks() {
	}

	/** The workbook as bytes, its entries stamped with {@code entryTime}; disposes the workbook. */
	public static byte[] bytes(SXSSFWorkbook wb, LocalDateTime entryTime) throws IOException {
		Path raw = Files.createTempFile("learnstats-", ".xlsx");
		try {
			write(wb, raw);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			rezip(raw, entryTime, out);
			return out.toByteArray();
		}
		finally {
			Files.deleteIfExists(raw);
		}
	}

	/** Writes the workbook as POI makes it into {@code file}, then closes and disposes it. */
	static void write(SXSSFWorkbook wb, Path file) throws IOException {
		try (OutputStream out = Files.newOutputStream(file)) {
			wb.write(out);
		}
		finally {
			wb.close();
			wb.dispose();
		}
	}

	/** Copies the zip entry by entry in the same order, every entry stamped with {@code time}. */
	static void rezip(Path zip, LocalDateTime time, OutputStream target) throws IOException {
		try (ZipFile in = new ZipFile(zip.toFile()); ZipOutputStream out = new ZipOutputStream(target)) {
			for (ZipEntry entry : Collections.list(in.entries())) {
				ZipEntry copy = new ZipEntry(entry.getName());
				copy.setTimeLocal(time);
				out.putNextEntry(copy);
				try (InputStream data = in.getInputStream(entry)) {
					data.transferTo(out);
				}
				out.closeEntry();
			}
		}
	}

}
