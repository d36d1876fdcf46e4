package org.learnstats.ingest.excel;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.learnstats.vocabulary.RejectDetail;

/**
 * An open workbook: its sheets, in workbook order. The format is read from the bytes, not the
 * name: a zip package is read as .xlsx (streamed), an OLE2 file as .xls (HSSF); anything else
 * is no workbook.
 */
public interface WorkbookFile extends Closeable {

	/** No sheet is read beyond this row: a larger sheet is a bad workbook. */
	long MAX_ROWS = 1_000_000;

	/** "xlsx" or "xls". */
	String format();

	List<String> sheetNames();

	SheetRows sheet(int index) throws BadWorkbookException;

	/**
	 * Reads sheet {@code index}'s bytes through once, cheaply (no parsing), so that what would
	 * stop its reading later shows now: a zip bomb, corrupt zip data, more than
	 * {@link #MAX_ROWS} rows.
	 */
	void check(int index) throws BadWorkbookException;

	@Override
	void close();

	static WorkbookFile open(Path file) throws BadWorkbookException {
		Limits.apply();
		FileMagic magic;
		try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
			magic = FileMagic.valueOf(in);
		}
		catch (IOException | RuntimeException ex) {
			throw new BadWorkbookException(RejectDetail.NOT_A_WORKBOOK.text(ex.getMessage()), ex);
		}
		try {
			return switch (magic) {
				case OOXML -> XlsxWorkbook.open(file);
				case OLE2 -> XlsWorkbook.open(file);
				case BIFF2, BIFF3, BIFF4 -> throw new BadWorkbookException(RejectDetail.EXCEL_2_TO_4.text());
				default -> throw new BadWorkbookException(
						RejectDetail.NOT_EXCEL.text(magic.name().toLowerCase(Locale.ROOT)));
			};
		}
		catch (BadWorkbookException ex) {
			throw ex;
		}
		catch (OldExcelFormatException ex) {
			throw new BadWorkbookException(RejectDetail.EXCEL_95.text(), ex);
		}
		catch (EncryptedDocumentException ex) {
			throw encrypted();
		}
		catch (Exception ex) {
			throw failure(ex);
		}
	}

	static BadWorkbookException encrypted() {
		return new BadWorkbookException(RejectDetail.ENCRYPTED.text());
	}

	/** A reading failure as a bad workbook, a zip bomb named as such. */
	static BadWorkbookException failure(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof BadWorkbookException b) {
				return b;
			}
			String m = String.valueOf(t.getMessage());
			if (m.contains("Zip bomb") || m.contains("zip bomb")) {
				return new BadWorkbookException(RejectDetail.ZIP_BOMB.text(
						Math.round(1 / ZipSecureFile.getMinInflateRatio()), firstLine(m)), ex);
			}
			if (t instanceof EncryptedDocumentException) {
				return encrypted();
			}
		}
		String m = ex.getMessage() == null ? ex.getClass().getSimpleName() : firstLine(ex.getMessage());
		return new BadWorkbookException(RejectDetail.CORRUPT.text(m), ex);
	}

	private static String firstLine(String s) {
		int nl = s.indexOf('\n');
		String line = nl < 0 ? s : s.substring(0, nl);
		return line.length() > 300 ? line.substring(0, 300) + "…" : line;
	}

	/** POI's limits against zip bombs and runaway parts, set once for the process. */
	final class Limits {

		/** A part inflating more than 100 times its compressed size is a zip bomb (POI's default). */
		static final double MIN_INFLATE_RATIO = 0.01;

		/** No part (a sheet's XML) may inflate beyond 2 GiB. */
		static final long MAX_ENTRY_SIZE = 2L << 30;

		private static volatile boolean applied;

		private Limits() {
		}

		static void apply() {
			if (!applied) {
				ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
				ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
				applied = true;
			}
		}

	}

}
