package org.learnstats.vocabulary;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The export kinds of spec section 2.1, declared in the order of section 2.2 (the order a run
 * applies them in and the tie-break of header recognition): the code written in ledgers and
 * run.json, the store table, the event-date column (spec section 1; none for the registers of
 * units and people), the labels, and the one-character mark of the delivery matrix.
 */
public enum Kind {

	UNITS("units", "unit", null, "单位", "Units", null),

	PEOPLE("people", "person", null, "人员", "People", null),

	SURVEYS("surveys", "survey", "opened_on", "问卷发放", "Surveys", "卷"),

	ATTENDANCE("attendance", "attendance", "session_date", "学习考勤", "Attendance", "考"),

	TRAINING("training", "training", "completed_on", "学习培训", "Training", "训"),

	RESEARCH("research", "research", "start_date", "调查研究", "Field research", "调"),

	RESPONSES("responses", "response", "submitted_on", "问卷答卷", "Survey responses", "答");

	/** The label of a file whose kind could not be told. */
	public static final String UNKNOWN_LABEL = "未识别";

	/**
	 * The kinds holding dated events, in the order spec section 1 lists their event dates
	 * (session_date, completed_on, start_date, opened_on, submitted_on): the order of the
	 * delivery matrix and of the pack's completeness table.
	 */
	private static final List<Kind> EVENTS = List.of(ATTENDANCE, TRAINING, RESEARCH, SURVEYS, RESPONSES);

	private final String code;

	private final String table;

	private final String eventDate;

	private final String chinese;

	private final String english;

	private final String mark;

	Kind(String code, String table, String eventDate, String chinese, String english, String mark) {
		this.code = code;
		this.table = table;
		this.eventDate = eventDate;
		this.chinese = chinese;
		this.english = english;
		this.mark = mark;
	}

	/** The kind's name in ledgers, run.json and CSV outputs: units, people, attendance, ... */
	public String code() {
		return this.code;
	}

	/** The position in spec section 2.2's order (0 for units). */
	public int order() {
		return ordinal();
	}

	/** The store table its rows are merged into. */
	public String table() {
		return this.table;
	}

	/** The column holding the event date of a row, or {@code null} for units and people. */
	public String eventDate() {
		return this.eventDate;
	}

	public String chinese() {
		return this.chinese;
	}

	public String english() {
		return this.english;
	}

	/** One character for the delivery matrix (考, 训, ...), or {@code null} for units and people. */
	public String mark() {
		return this.mark;
	}

	/** The kinds in the order of spec section 2.2. */
	public static List<Kind> inOrder() {
		return List.of(values());
	}

	/** The codes in the order of spec section 2.2. */
	public static List<String> codes() {
		return Arrays.stream(values()).map(Kind::code).toList();
	}

	/** The kinds with an event date, in the order of spec section 1's event dates. */
	public static List<Kind> events() {
		return EVENTS;
	}

	/** The kind of a code, or {@code null} for null or an unknown code. */
	public static Kind of(String code) {
		for (Kind kind : values()) {
			if (kind.code.equals(code)) {
				return kind;
			}
		}
		return null;
	}

	/** The Chinese label of a code: 未识别 for none, the code itself when unknown. */
	public static String chinese(String code) {
		if (code == null) {
			return UNKNOWN_LABEL;
		}
		Kind kind = of(code);
		return (kind != null) ? kind.chinese : code;
	}

	/** The position of a code in spec section 2.2's order; unknown codes and null last. */
	public static int rank(String code) {
		Kind kind = of(code);
		return (kind != null) ? kind.ordinal() : values().length;
	}

	/** Orders codes as spec section 2.2 does, unknown codes and null last. */
	public static Comparator<String> codeOrder() {
		return Comparator.comparingInt(Kind::rank);
	}

}
