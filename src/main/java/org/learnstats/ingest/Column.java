package org.learnstats.ingest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.learnstats.vocabulary.RejectDetail;
import org.learnstats.vocabulary.RejectDetail.Text;

/**
 * One column of an export kind: its canonical English name, its aliases, whether it is
 * required, and how its values are read and checked. Built with the static factories.
 *
 * @param name canonical name, as in spec section 2.1
 * @param aliases Chinese (or other) header names that mean the same column
 * @param required whether the header must hold it and its values must not be blank
 * @param type how values are read
 * @param dateRole for dates: whether a date after D is rejected
 * @param min for numbers: the lowest allowed value, or null
 * @param minInclusive whether {@code min} itself is allowed
 * @param max for numbers: the highest allowed value, or null
 * @param words for choices: accepted words (lower-cased) to canonical values
 * @param fallback for choices and yes/no: the value when blank, or for choices the value of any
 * unknown word when {@code anyWord} is set
 * @param anyWord for choices: unknown words map to {@code fallback} instead of BAD_CODE
 * @param unitRef whether values must name a known unit
 */
public record Column(String name, List<String> aliases, boolean required, Type type, DateRole dateRole,
		BigDecimal min, boolean minInclusive, BigDecimal max, Map<String, String> words, Object fallback,
		boolean anyWord, boolean unitRef) {

	/** How a column's values are read. */
	public enum Type {

		CODE, TEXT, DATE, DECIMAL, INTEGER, YES_NO, CHOICE

	}

	/** Whether a date may lie after the as-of date D (spec: FUTURE_DATE) or before the programme. */
	public enum DateRole {

		/**
		 * An event date (session_date, completed_on, start_date, opened_on, submitted_on): after D
		 * is FUTURE_DATE, before the programme's earliest date OUT_OF_RANGE; the reported periods
		 * start from the earliest of them.
		 */
		EVENT,
		/** An end date or birth date: after D is FUTURE_DATE. */
		NOT_AFTER_AS_OF,
		/** joined_on and left_on may lie ahead. */
		ANY

	}

	public static Column code(String name, boolean required, String... aliases) {
		return new Column(name, List.of(aliases), required, Type.CODE, null, null, false, null, null, null, false,
				false);
	}

	public static Column text(String name, boolean required, String... aliases) {
		return new Column(name, List.of(aliases), required, Type.TEXT, null, null, false, null, null, null, false,
				false);
	}

	public static Column date(String name, boolean required, DateRole role, String... aliases) {
		return new Column(name, List.of(aliases), required, Type.DATE, role, null, false, null, null, null, false,
				false);
	}

	public static Column decimal(String name, boolean required, String min, boolean minInclusive, String max,
			String... aliases) {
		return new Column(name, List.of(aliases), required, Type.DECIMAL, null, new BigDecimal(min), minInclusive,
				max == null ? null : new BigDecimal(max), null, null, false, false);
	}

	public static Column integer(String name, boolean required, long min, Long max, String... aliases) {
		return new Column(name, List.of(aliases), required, Type.INTEGER, null, BigDecimal.valueOf(min), true,
				max == null ? null : BigDecimal.valueOf(max), null, null, false, false);
	}

	public static Column yesNo(String name, boolean fallback, String... aliases) {
		return new Column(name, List.of(aliases), false, Type.YES_NO, null, null, false, null, null, fallback, false,
				false);
	}

	/**
	 * A column of enumerated words. {@code words} maps canonical values to the words that mean
	 * them; the canonical English value itself is always accepted, in any letter case.
	 */
	public static Column choice(String name, boolean required, Map<String, List<String>> words, String fallback,
			String... aliases) {
		return new Column(name, List.of(aliases), required, Type.CHOICE, null, null, false, null, wordIndex(words),
				fallback, false, false);
	}

	/** A choice where any word not listed means {@code fallback} (unit_type: office). */
	public static Column choiceOrElse(String name, boolean required, Map<String, List<String>> words,
			String fallback, String... aliases) {
		return new Column(name, List.of(aliases), required, Type.CHOICE, null, null, false, null, wordIndex(words),
				fallback, true, false);
	}

	/**
	 * The column as a reject detail names it: 职级（rank） in Chinese (its first header alias with
	 * the canonical name), rank in English.
	 */
	public Text label() {
		return this.aliases.isEmpty() ? RejectDetail.word(this.name, this.name)
				: RejectDetail.COLUMN.text(this.aliases.get(0), this.name);
	}

	/** This column, whose values must name a unit of the store. */
	public Column referencingUnits() {
		return new Column(this.name, this.aliases, this.required, this.type, this.dateRole, this.min,
				this.minInclusive, this.max, this.words, this.fallback, this.anyWord, true);
	}

	private static Map<String, String> wordIndex(Map<String, List<String>> words) {
		java.util.HashMap<String, String> index = new java.util.HashMap<>();
		words.forEach((canonical, list) -> {
			index.put(canonical.toLowerCase(Locale.ROOT), canonical);
			list.forEach((w) -> index.put(w.toLowerCase(Locale.ROOT), canonical));
		});
		return Map.copyOf(index);
	}

}
