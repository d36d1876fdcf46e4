package org.learnstats.outputs.pack;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.indicators.IndicatorDefinition.Type;

/**
 * The pack's words and numbers: how values, goals and changes read, and the Chinese names of
 * kinds and reject reasons. Missing values read "—".
 */
final class PackText {

	static final String MISSING = "—";

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private static final Map<String, String> KINDS = Map.of("units", "单位", "people", "人员", "attendance", "学习考勤",
			"training", "学习培训", "research", "调查研究", "surveys", "问卷发放", "responses", "问卷答卷");

	private static final List<String> REASONS = List.of("UNKNOWN_KIND", "MISSING_COLUMN", "EMPTY_FILE", "NOT_TEXT",
			"FIELD_COUNT", "MISSING_VALUE", "BAD_DATE", "BAD_NUMBER", "BAD_CODE", "OUT_OF_RANGE", "FUTURE_DATE",
			"UNKNOWN_UNIT", "UNKNOWN_SURVEY", "CYCLE", "DUPLICATE_KEY");

	private static final List<String> REASON_LABELS = List.of("无法识别的文件类型", "缺少必填列", "空文件", "非文本文件", "字段数不符",
			"必填值为空", "日期格式错误", "数字格式错误", "代码或取值错误", "数值超出范围", "日期晚于数据截止日", "未知单位", "未知问卷", "上下级关系成环",
			"同一文件内重复记录");

	private PackText() {
	}

	static String kind(String kind) {
		return kind == null ? "未识别" : KINDS.getOrDefault(kind, kind);
	}

	static int reasonOrder(String reason) {
		int i = REASONS.indexOf(reason);
		return i < 0 ? REASONS.size() : i;
	}

	static String reason(String reason) {
		int i = REASONS.indexOf(reason);
		return i < 0 ? reason : REASON_LABELS.get(i);
	}

	/** A value as it reads: rates "87.5%", means with one or two decimals, counts whole. */
	static String value(IndicatorDefinition def, BigDecimal val) {
		if (val == null) {
			return MISSING;
		}
		return switch (def.type()) {
			case RATE -> percent(val);
			case MEAN -> val.setScale(meanDecimals(def), RoundingMode.HALF_UP).toPlainString();
			case COUNT -> val.setScale(0, RoundingMode.HALF_UP).toPlainString();
		};
	}

	static String percent(BigDecimal share) {
		return share == null ? MISSING : share.multiply(HUNDRED).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
	}

	static int meanDecimals(IndicatorDefinition def) {
		return "satisfaction_mean".equals(def.id()) ? 2 : 1;
	}

	/** The goal as it reads: "≥ 90.0%", "≤ 0", or "—". */
	static String goal(IndicatorDefinition def) {
		if (def.goal() == null) {
			return MISSING;
		}
		return (def.higherIsBetter() ? "≥ " : "≤ ") + value(def, def.goal());
	}

	/** The change from {@code before} to {@code now}: "+1.2个百分点", "-0.35", "持平", or "—". */
	static String change(IndicatorDefinition def, BigDecimal now, BigDecimal before) {
		BigDecimal diff = difference(def, now, before);
		if (diff == null) {
			return MISSING;
		}
		if (diff.signum() == 0) {
			return "持平";
		}
		String sign = diff.signum() > 0 ? "+" : "-";
		String abs = diff.abs().toPlainString();
		return def.type() == Type.RATE ? sign + abs + "个百分点" : sign + abs;
	}

	/** The change in display units (percentage points for rates), rounded as displayed; null when unknown. */
	static BigDecimal difference(IndicatorDefinition def, BigDecimal now, BigDecimal before) {
		if (now == null || before == null) {
			return null;
		}
		BigDecimal diff = now.subtract(before);
		return switch (def.type()) {
			case RATE -> diff.multiply(HUNDRED).setScale(1, RoundingMode.HALF_UP);
			case MEAN -> diff.setScale(meanDecimals(def), RoundingMode.HALF_UP);
			case COUNT -> diff.setScale(0, RoundingMode.HALF_UP);
		};
	}

	/** Whether the change is an improvement (+1), a decline (-1) or neither (0). */
	static int direction(IndicatorDefinition def, BigDecimal now, BigDecimal before) {
		BigDecimal diff = difference(def, now, before);
		if (diff == null || diff.signum() == 0) {
			return 0;
		}
		return def.higherIsBetter() ? diff.signum() : -diff.signum();
	}

	static String count(long n) {
		return Long.toString(n);
	}

	/** "12 / 30" with the share: "12 / 30（40.0%）". */
	static String share(long n, long m) {
		if (m == 0) {
			return n + " / " + m;
		}
		return n + " / " + m + "（" + percent(BigDecimal.valueOf(n).divide(BigDecimal.valueOf(m), 4, RoundingMode.HALF_UP))
				+ "）";
	}

}
