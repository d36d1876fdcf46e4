package org.learnstats.outputs.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Chinese words the pages show for the codes of the store. */
final class Labels {

	/** The reject reasons of spec section 2.3, in the order of its table. */
	static final Map<String, String> REASONS = ordered("UNKNOWN_KIND", "无法识别文件类型", "MISSING_COLUMN", "缺少必需列",
			"EMPTY_FILE", "空文件", "NOT_TEXT", "非文本文件", "FIELD_COUNT", "列数不符", "MISSING_VALUE", "必填值为空", "BAD_DATE",
			"日期无效", "BAD_NUMBER", "数字无效", "BAD_CODE", "代码或取值无效", "OUT_OF_RANGE", "超出允许范围", "FUTURE_DATE",
			"日期晚于统计日", "UNKNOWN_UNIT", "未知单位", "UNKNOWN_SURVEY", "未知问卷", "CYCLE", "上下级关系成环", "DUPLICATE_KEY",
			"文件内重复记录");

	/** The export kinds of spec section 2.1, in their order. */
	static final Map<String, String> KINDS = ordered("units", "单位", "people", "人员", "surveys", "问卷发放", "attendance",
			"学习考勤", "training", "学习培训", "research", "调查研究", "responses", "问卷答卷", "unit", "单位", "person", "人员",
			"survey", "问卷发放", "response", "问卷答卷");

	/** The kinds holding events by month, with the one-character mark of the delivery matrix. */
	static final List<String[]> EVENT_KINDS = List.of(new String[] { "attendance", "考", "学习考勤" },
			new String[] { "training", "训", "学习培训" }, new String[] { "research", "调", "调查研究" },
			new String[] { "surveys", "卷", "问卷发放" }, new String[] { "responses", "答", "问卷答卷" });

	private Labels() {
	}

	static String unitType(String type) {
		if (type == null) {
			return "";
		}
		return switch (type) {
			case "committee" -> "党委（党组）";
			case "branch" -> "党支部";
			case "office" -> "其他单位";
			default -> type;
		};
	}

	static String reason(String code) {
		return REASONS.getOrDefault(code, code);
	}

	static String kind(String kind) {
		return (kind == null) ? "未识别" : KINDS.getOrDefault(kind, kind);
	}

	private static Map<String, String> ordered(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

}
