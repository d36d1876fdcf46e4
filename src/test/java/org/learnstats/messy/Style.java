package org.learnstats.messy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * How one office system writes its exports: encoding and byte order mark, delimiter, line ends,
 * header language and spelling, column order, extra and repeated columns, date and yes/no style.
 * {@link #ALL} covers every encoding and delimiter of spec section 2; a night's files rotate
 * through them so that every night holds each.
 */
record Style(String name, Charset charset, byte[] bom, char delimiter, String eol, boolean chinese,
		boolean shuffled, boolean extraColumns, boolean repeatedColumn, boolean oddCase,
		Function<LocalDate, String> date, String yes, String no) {

	static final Function<LocalDate, String> ISO = LocalDate::toString;

	static final Function<LocalDate, String> SLASH = (d) -> d.getYear() + "/" + d.getMonthValue() + "/"
			+ d.getDayOfMonth();

	static final Function<LocalDate, String> DOT = (d) -> d.getYear() + "." + d.getMonthValue() + "."
			+ d.getDayOfMonth();

	static final Function<LocalDate, String> CN = (d) -> d.getYear() + "年" + d.getMonthValue() + "月"
			+ d.getDayOfMonth() + "日";

	static final Function<LocalDate, String> COMPACT = (d) -> d.toString().replace("-", "");

	static final List<Style> ALL = List.of(
			new Style("utf8-comma-lf-en", StandardCharsets.UTF_8, new byte[0], ',', "\n", false, false, false, false,
					false, ISO, "yes", "no"),
			new Style("utf8bom-tab-crlf-zh", StandardCharsets.UTF_8, new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
					'\t', "\r\n", true, true, true, false, false, CN, "是", "否"),
			new Style("gb18030-semicolon-crlf-zh", Charset.forName("GB18030"), new byte[0], ';', "\r\n", true, false,
					true, true, false, SLASH, "是", "否"),
			new Style("utf16le-comma-crlf-en", StandardCharsets.UTF_16LE, new byte[] { (byte) 0xFF, (byte) 0xFE }, ',',
					"\r\n", false, true, true, false, true, COMPACT, "Y", "N"),
			new Style("utf16be-tab-lf-zh", StandardCharsets.UTF_16BE, new byte[] { (byte) 0xFE, (byte) 0xFF }, '\t', "\n",
					true, true, false, true, false, DOT, "1", "0"),
			new Style("utf8-semicolon-lf-en", StandardCharsets.UTF_8, new byte[0], ';', "\n", false, true, true, true,
					true, ISO, "TRUE", "false"));

	/** The header cell for a canonical column name. */
	String header(String column) {
		if (this.chinese && Vocabulary.HEADER.containsKey(column)) {
			return Vocabulary.HEADER.get(column);
		}
		return this.oddCase ? " " + column.toUpperCase(Locale.ROOT) + " " : column;
	}

	/** An enumeration value as this office system spells it. */
	String word(String canonical) {
		if (this.chinese) {
			return Vocabulary.WORD.getOrDefault(canonical, canonical);
		}
		return this.oddCase ? canonical.substring(0, 1).toUpperCase(Locale.ROOT) + canonical.substring(1) : canonical;
	}

	String yesNo(boolean b) {
		return b ? this.yes : this.no;
	}

}
