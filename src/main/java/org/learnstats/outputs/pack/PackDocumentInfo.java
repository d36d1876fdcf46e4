package org.learnstats.outputs.pack;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.TimeZone;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * A pack PDF's document information and ID, from the as-of date and the pack's identity, never the
 * clock, so the same pack gives the same bytes.
 */
final class PackDocumentInfo {

	private PackDocumentInfo() {
	}

	/**
	 * @param identity what the document ID digests: the fingerprint, the quarter and the as-of date
	 */
	static void describe(PDDocument doc, String title, String subject, LocalDate asOf, String identity) {
		PDDocumentInformation info = doc.getDocumentInformation();
		info.setTitle(title);
		info.setSubject(subject);
		info.setAuthor("learnstats");
		info.setCreator("learnstats");
		info.setProducer("learnstats");
		Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
		date.clear();
		date.set(asOf.getYear(), asOf.getMonthValue() - 1, asOf.getDayOfMonth());
		info.setCreationDate(date);
		info.setModificationDate(date);
		byte[] id = md5(identity);
		doc.setDocumentId(new BigDecimal(new java.math.BigInteger(1, id)).longValue());
		COSArray ids = new COSArray();
		ids.add(new COSString(id));
		ids.add(new COSString(id));
		doc.getDocument().getTrailer().setItem(COSName.ID, ids);
	}

	private static byte[] md5(String text) {
		try {
			MessageDigest md5 = MessageDigest.getInstance("MD5");
			byte[] digest = md5.digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().parseHex(HexFormat.of().formatHex(digest));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
