package org.learnstats.vocabulary;

import java.util.ArrayList;
import java.util.List;

/**
 * The one home of every reject detail (spec section 2.3: "reject, explain"): one message
 * template per rule, in Chinese for the people who fix exports (rejects.csv, open.csv, the
 * data-quality page) and in English after it (rejects.csv's detail_en, the log), with the reason
 * code the rule gives. Placeholders {0}, {1}, ... take a value, or a {@link Text} (a column, a
 * kind, a nested reason) that reads in the same language. The fragments at the end (no reason)
 * only build arguments; a reject always has a template with a reason.
 */
public enum RejectDetail {

	// the file as a whole

	NOT_TEXT(ReasonLabel.NOT_TEXT, "文件含有 NUL 字节，或含有不属于 UTF-8、UTF-16、GB18030 编码的字节",
			"the file holds NUL bytes or bytes that are not UTF-8, UTF-16 or GB18030"),

	FILE_TOO_LARGE(ReasonLabel.TOO_LARGE, "文件大小 {0} 字节，超过上限 {1}（learnstats.ingest.max-file-size）",
			"the file is {0} bytes, more than the limit of {1} (learnstats.ingest.max-file-size)"),

	NO_HEADER(ReasonLabel.EMPTY_FILE, "文件没有表头行", "the file has no header row"),

	NO_SHEET_WITH_ROWS(ReasonLabel.EMPTY_FILE, "工作簿中没有任何含数据的工作表", "no sheet of the workbook holds a row"),

	HEADER_TOO_LONG(ReasonLabel.TOO_LARGE, "表头行超过 {0} 个字符（learnstats.ingest.max-record-chars）",
			"the header row is longer than {0} characters (learnstats.ingest.max-record-chars)"),

	HEADER_TOO_WIDE(ReasonLabel.TOO_LARGE, "表头行有 {0} 列，超过上限 {1}（learnstats.ingest.max-columns）",
			"the header row has {0} columns, more than the limit of {1} (learnstats.ingest.max-columns)"),

	NO_KIND(ReasonLabel.UNKNOWN_KIND, "表头中没有任何导出类型的列：{0}", "the header names no column of any export kind: {0}"),

	LACKS_COLUMNS(ReasonLabel.MISSING_COLUMN, "表头看似“{0}”导出，但缺少必需列：{1}",
			"the header looks like {0} but lacks required column(s): {1}"),

	STORE_REFUSED(ReasonLabel.STORE_ERROR, "数据库拒收该文件的行，未应用任何一行：{0}",
			"the store refused the file's rows, none is applied: {0}"),

	// workbooks (.xlsx, .xls) and their sheets

	NOT_A_WORKBOOK(ReasonLabel.BAD_WORKBOOK, "文件无法作为工作簿读取：{0}", "the file cannot be read as a workbook: {0}"),

	EXCEL_2_TO_4(ReasonLabel.BAD_WORKBOOK, "这是 Excel 2.x 至 4.0 工作表，不予读取：请另存为 .xlsx",
			"an Excel 2.x to 4.0 worksheet, which is not read: save it as .xlsx"),

	NOT_EXCEL(ReasonLabel.BAD_WORKBOOK, "文件不是 Excel 工作簿（既非 .xlsx 也非 .xls，而是 {0}）；CSV 导出文件应以 .csv 命名",
			"the file is no Excel workbook (neither .xlsx nor .xls but {0}); a CSV export must be named .csv"),

	EXCEL_95(ReasonLabel.BAD_WORKBOOK, "这是 Excel 5.0/95 工作簿，不予读取：请另存为 .xlsx",
			"an Excel 5.0/95 workbook, which is not read: save it as .xlsx"),

	ENCRYPTED(ReasonLabel.BAD_WORKBOOK, "工作簿已加密（设有密码）：请去掉密码后重新保存",
			"the workbook is encrypted (password-protected): save it without a password"),

	ZIP_BOMB(ReasonLabel.BAD_WORKBOOK, "工作簿疑似压缩炸弹（解压后膨胀超过 {0} 倍）：{1}",
			"the workbook looks like a zip bomb (it inflates more than {0} times): {1}"),

	CORRUPT(ReasonLabel.BAD_WORKBOOK, "工作簿已损坏或无法读取：{0}", "the workbook is corrupt or cannot be read: {0}"),

	NOT_EXCEL_OLE2(ReasonLabel.BAD_WORKBOOK, "这是不含 Excel 工作簿的 OLE2 文件（Word 或其他 Office 文件？）",
			"an OLE2 file that holds no Excel workbook (a Word or other Office file?)"),

	SHEET_ROWS(ReasonLabel.BAD_WORKBOOK, "工作表有 {0} 行，超过上限 {1}", "the sheet has {0} rows, more than the limit of {1}"),

	SHEET_DECLARES_ROWS(ReasonLabel.BAD_WORKBOOK, "工作表声明有 {0} 行，超过上限 {1}",
			"the sheet declares {0} rows, more than the limit of {1}"),

	SHEET_ROW_BEYOND(ReasonLabel.BAD_WORKBOOK, "工作表的第 {0} 行超出 {1} 行的上限",
			"the sheet has a row {0}, beyond the limit of {1} rows"),

	SHARED_STRINGS(ReasonLabel.BAD_WORKBOOK, "工作簿的共享字符串占 {0} MB，超过上限 {1} MB",
			"the workbook's shared strings take {0} MB, more than the limit of {1} MB"),

	SHEET_UNREADABLE(ReasonLabel.BAD_WORKBOOK, "工作表无法读取：{0}", "{0}"),

	// a row's own values, in the order RowChecker judges them

	ROW_TOO_LONG(ReasonLabel.TOO_LONG, "该行长 {0} 个字符，超过上限 {1}（learnstats.ingest.max-record-chars）",
			"the row is {0} characters long, more than the limit of {1} (learnstats.ingest.max-record-chars)"),

	FIELD_TOO_LONG(ReasonLabel.TOO_LONG, "第 {0} 个字段长 {1} 个字符，超过上限 {2}（learnstats.ingest.max-field-chars）",
			"field {0} is {1} characters long, more than the limit of {2} (learnstats.ingest.max-field-chars)"),

	FIELD_COUNT(ReasonLabel.FIELD_COUNT, "该行有 {0} 个字段，表头有 {1} 个", "the row has {0} fields, the header {1}"),

	BLANK(ReasonLabel.MISSING_VALUE, "{0}为空", "{0} is blank"),

	NOT_A_DATE(ReasonLabel.BAD_DATE, "{0}“{1}”不是有效日期", "{0} '{1}' is not a valid date"),

	NOT_A_NUMBER(ReasonLabel.BAD_NUMBER, "{0}“{1}”不是数字", "{0} '{1}' is not a number"),

	NOT_AN_INTEGER(ReasonLabel.BAD_NUMBER, "{0}“{1}”不是整数", "{0} '{1}' is not an integer"),

	UNREADABLE_VALUE(ReasonLabel.BAD_CODE, "{0}“{1}”无法读取", "{0} '{1}' cannot be read"),

	CODE_TOO_LONG(ReasonLabel.BAD_CODE, "{0}超过 {1} 个字符", "{0} is longer than {1} characters"),

	NOT_YES_NO(ReasonLabel.BAD_CODE, "{0}“{1}”不是“是/否”", "{0} '{1}' is not yes/no"),

	UNKNOWN_WORD(ReasonLabel.BAD_CODE, "{0}“{1}”不是可识别的取值", "{0} '{1}' is not a known word"),

	TOO_MANY_DIGITS(ReasonLabel.OUT_OF_RANGE, "{0}“{1}”的位数超出数据库可保存的范围（整数部分 {2} 位，小数部分 {3} 位）",
			"{0} '{1}' has more digits than the store keeps ({2} before the point, {3} after)"),

	OUT_OF_RANGE(ReasonLabel.OUT_OF_RANGE, "{0}{1} 超出允许范围", "{0} {1} is out of range"),

	BEFORE_EARLIEST(ReasonLabel.OUT_OF_RANGE, "{0}{1} 早于本系统的最早日期 {2}（learnstats.ingest.earliest-date）",
			"{0} {1} is before the programme's earliest date {2} (learnstats.ingest.earliest-date)"),

	SCORE_RANGE(ReasonLabel.OUT_OF_RANGE, "{0}的分数不在 1 到 5 之间", "{0} score is not between 1 and 5"),

	DATE_BEFORE(ReasonLabel.OUT_OF_RANGE, "{0}{1} 早于{2}{3}", "{0} {1} is before {2} {3}"),

	DATE_NOT_AFTER(ReasonLabel.OUT_OF_RANGE, "{0}{1} 不晚于{2}{3}", "{0} {1} is not after {2} {3}"),

	AFTER_AS_OF(ReasonLabel.FUTURE_DATE, "{0}{1} 晚于数据截止日 {2}", "{0} {1} is after the as-of date {2}"),

	// checks against the store and the rest of the file

	NOT_A_UNIT(ReasonLabel.UNKNOWN_UNIT, "{0}{1} 不是已知单位", "{0} {1} is not a known unit"),

	NO_SUCH_SURVEY(ReasonLabel.UNKNOWN_SURVEY, "问卷 {0} 未在单位 {1} 发放", "survey {0} is not defined for unit {1}"),

	PARENT_IN_LOOP(ReasonLabel.CYCLE, "单位 {0}：其上级单位 {1} 处于循环中", "unit {0}: its parent {1} is in a loop"),

	LOOP(ReasonLabel.CYCLE, "单位 {0} 以 {1} 为上级，将使上级链形成循环",
			"unit {0} with parent {1} would make its parent chain loop"),

	REPEATED_KEY(ReasonLabel.DUPLICATE_KEY, "键 {0} = {1} 在本文件中已出现过", "key {0} = {1} appeared earlier in this file"),

	// fragments: the arguments of the templates above, never a detail of their own

	/** A column: its first Chinese header name with the canonical one, 职级（rank）; in English the canonical one. */
	COLUMN(null, "{0}（{1}）", "{1}"),

	/** A question column of a responses export: 第 3 题（q3）. */
	QUESTION(null, "第 {0} 题（q{0}）", "q{0}"),

	/** The required question columns of a responses export, when it has none. */
	QUESTIONS(null, "q1 等题目列（至少一列）", "q1 (at least one question column)"),

	/** A detail and why it holds: a workbook's cell with no readable value. */
	BECAUSE(null, "{0}：{1}", "{0}: {1}"),

	/** A workbook's formula with no cached value. */
	NO_CACHED_VALUE(null, "公式 ={0} 没有缓存值（工作簿保存时未计算公式）",
			"the formula ={0} has no cached value (the workbook was saved without calculating it)"),

	/** A workbook's cell holding an error such as #DIV/0!. */
	ERROR_CELL(null, "单元格含错误值 {0}", "the cell holds the error {0}");

	private static final String CHINESE_LIST_SEPARATOR = "、";

	private static final String ENGLISH_LIST_SEPARATOR = ", ";

	private final ReasonLabel reason;

	private final String chinese;

	private final String english;

	private final int arity;

	RejectDetail(ReasonLabel reason, String chinese, String english) {
		this.reason = reason;
		this.chinese = chinese;
		this.english = english;
		this.arity = placeholders(chinese, english);
	}

	/** The reason code a reject with this detail gets; {@code null} for a fragment. */
	public ReasonLabel reason() {
		return this.reason;
	}

	/** The Chinese template. */
	public String chinese() {
		return this.chinese;
	}

	/** The English template. */
	public String english() {
		return this.english;
	}

	/** The highest placeholder number plus one: how many arguments the template takes. */
	public int arity() {
		return this.arity;
	}

	private static int placeholders(String... templates) {
		int n = 0;
		for (String template : templates) {
			for (int i = template.indexOf('{'); i >= 0; i = template.indexOf('{', i + 1)) {
				int end = template.indexOf('}', i);
				if (end > i + 1 && template.substring(i + 1, end).chars().allMatch(Character::isDigit)) {
					n = Math.max(n, Integer.parseInt(template.substring(i + 1, end)) + 1);
				}
			}
		}
		return n;
	}

	/** The detail of this template with its arguments, in both languages. */
	public Text text(Object... args) {
		if (args.length != arity()) {
			throw new IllegalArgumentException(name() + " takes " + arity() + " arguments, not " + args.length);
		}
		return new Text(fill(this.chinese, args, true), fill(this.english, args, false), this.reason);
	}

	/** A word of the vocabulary as an argument: a kind, a rank, a column name. */
	public static Text word(String chinese, String english) {
		return new Text(chinese, english, null);
	}

	/** Words as one argument: 、 between them in Chinese, a comma in English. */
	public static Text list(List<Text> words) {
		List<String> chinese = new ArrayList<>();
		List<String> english = new ArrayList<>();
		words.forEach((w) -> {
			chinese.add(w.chinese);
			english.add(w.english);
		});
		return new Text(String.join(CHINESE_LIST_SEPARATOR, chinese), String.join(ENGLISH_LIST_SEPARATOR, english),
				null);
	}

	/** Each placeholder replaced once, left to right, so an argument's own braces stay as they are. */
	private static String fill(String template, Object[] args, boolean chinese) {
		StringBuilder out = new StringBuilder(template.length() + 32);
		int i = 0;
		while (i < template.length()) {
			char c = template.charAt(i);
			int end = (c == '{') ? template.indexOf('}', i) : -1;
			if (end > i + 1 && template.substring(i + 1, end).chars().allMatch(Character::isDigit)) {
				Object arg = args[Integer.parseInt(template.substring(i + 1, end))];
				out.append(arg instanceof Text t ? (chinese ? t.chinese : t.english) : String.valueOf(arg));
				i = end + 1;
			}
			else {
				out.append(c);
				i++;
			}
		}
		return out.toString();
	}

	/**
	 * A detail or a fragment of one, in Chinese and in English; made only by a template of
	 * {@link RejectDetail} or from the vocabulary's words, so no detail is written anywhere else.
	 */
	public static final class Text {

		private final String chinese;

		private final String english;

		private final ReasonLabel reason;

		private Text(String chinese, String english, ReasonLabel reason) {
			this.chinese = chinese;
			this.english = english;
			this.reason = reason;
		}

		public String chinese() {
			return this.chinese;
		}

		public String english() {
			return this.english;
		}

		/** The reason of the template it came from; {@code null} for a fragment. */
		public ReasonLabel reason() {
			return this.reason;
		}

		/** This detail followed by why ({@link #BECAUSE}); itself when {@code why} is null. */
		public Text because(Text why) {
			if (why == null) {
				return this;
			}
			Text t = BECAUSE.text(this, why);
			return new Text(t.chinese, t.english, this.reason);
		}

		@Override
		public String toString() {
			return this.chinese + " / " + this.english;
		}

	}

}
