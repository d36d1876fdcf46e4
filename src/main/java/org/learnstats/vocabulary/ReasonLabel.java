package org.learnstats.vocabulary;

import java.util.Arrays;
import java.util.List;

/**
 * The reject reasons of spec section 2.3 in the order of its table (the file-level ones quarantine a
 * whole file), and the warning UNKNOWN_PERSON last: one Chinese and one English label per code,
 * used by the dashboard, the data-quality page, the pack and CSV outputs. The checks themselves
 * live in the ingest's own {@code Reason}; a test holds the two lists equal, so a reason
 * added there fails until it has its labels here.
 */
public enum ReasonLabel {

	UNKNOWN_KIND("无法识别的文件类型", "Unrecognized file kind"),

	MISSING_COLUMN("缺少必需列", "Missing required column"),

	EMPTY_FILE("空文件", "Empty file"),

	NOT_TEXT("非文本文件", "Not a text file"),

	TOO_LARGE("文件超出处理上限", "File beyond the size limits"),

	STORE_ERROR("数据库拒收该文件", "Refused by the store"),

	BAD_WORKBOOK("无法读取的工作簿", "Unreadable workbook"),

	TOO_LONG("行或字段过长", "Row or field too long"),

	FIELD_COUNT("列数不符", "Wrong number of fields"),

	MISSING_VALUE("必填值为空", "Required value missing"),

	BAD_DATE("日期无效", "Invalid date"),

	BAD_NUMBER("数字格式错误", "Invalid number"),

	BAD_CODE("代码或取值无效", "Invalid code or value"),

	OUT_OF_RANGE("超出允许范围", "Out of range"),

	FUTURE_DATE("日期晚于数据截止日", "Date after the as-of date"),

	UNKNOWN_UNIT("未知单位", "Unknown unit"),

	UNKNOWN_SURVEY("未知问卷", "Unknown survey"),

	CYCLE("上下级关系成环", "Unit hierarchy cycle"),

	DUPLICATE_KEY("同一文件内重复记录", "Duplicate key in file"),

	/** Not a reject: an applied row whose person is not in the roster (spec section 2.3). */
	UNKNOWN_PERSON("未知人员", "Unknown person");

	private final String chinese;

	private final String english;

	ReasonLabel(String chinese, String english) {
		this.chinese = chinese;
		this.english = english;
	}

	/** The code written in the ledgers and CSV outputs. */
	public String code() {
		return name();
	}

	public String chinese() {
		return this.chinese;
	}

	public String english() {
		return this.english;
	}

	/** Whether this is a warning on an applied row rather than a reject. */
	public boolean warning() {
		return this == UNKNOWN_PERSON;
	}

	/** The reject reasons (no warning), in the order of spec section 2.3's table. */
	public static List<ReasonLabel> rejects() {
		return Arrays.stream(values()).filter((r) -> !r.warning()).toList();
	}

	/** The reason of a code, or {@code null} for null or an unknown code. */
	public static ReasonLabel of(String code) {
		for (ReasonLabel reason : values()) {
			if (reason.name().equals(code)) {
				return reason;
			}
		}
		return null;
	}

	/** The Chinese label of a code; the code itself when unknown. */
	public static String chinese(String code) {
		ReasonLabel reason = of(code);
		return (reason != null) ? reason.chinese : code;
	}

	/** The position of a code in spec section 2.3's order; unknown codes last. */
	public static int rank(String code) {
		ReasonLabel reason = of(code);
		return (reason != null) ? reason.ordinal() : values().length;
	}

}
