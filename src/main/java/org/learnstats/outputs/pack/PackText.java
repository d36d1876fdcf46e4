package org.learnstats.outputs.pack;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.indicators.IndicatorDefinition.Type;
import org.learnstats.vocabulary.Kind;
import org.learnstats.vocabulary.ReasonLabel;
import org.learnstats.vocabulary.ValueFormat;

/**
 * The pack's words and numbers: how values, goals and changes read, and the Chinese names of
 * kinds and reject reasons. Missing values read "—".
 */
final class PackText {

	static final String MISSING = ValueFormat.MISSING;

	private PackText() {
	}

	static String kind(String kind) {
		return Kind.chinese(kind);
	}

	static String reason(String reason) {
		return ReasonLabel.chinese(reason);
	}

	/** A value as it prints: rates "87.5%", means with one decimal (the score two), counts whole. */
	static String value(IndicatorDefinition def, BigDecimal val) {
		return def.format().print(val);
	}

	static String percent(BigDecimal share) {
		return ValueFormat.RATE.print(share);
	}

	static int meanDecimals(IndicatorDefinition def) {
		return def.format().printDecimals();
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
		return def.format().displayed(now.subtract(before), def.format().printDecimals());
	}

	/** Whether the change is an improvement (+1), a decline (-1) or neither (0). */
	static int direction(IndicatorDefinition def, BigDecimal now, BigDecimal before) {
		BigDecimal diff = difference(def, now, before);
		if (diff == null || diff.signum() == 0) {
			return 0;
		}
		return def.higherIsBetter() ? diff.signum() : -diff.signum();
	}

	/** Marks a value, or a comparison with a value, that covers only part of its period ({@link PackData#partial}). */
	static final String PARTIAL = org.learnstats.outputs.charts.PeriodLines.PARTIAL;

	static String marked(String text, boolean partial) {
		return partial && !MISSING.equals(text) ? text + PARTIAL : text;
	}

	/** The footnote to the marks: where the data starts and what a mark means. */
	static String partialNote(java.time.LocalDate coveredFrom) {
		return PARTIAL + " 部分期间：数据自" + coveredFrom.getYear() + "年" + coveredFrom.getMonthValue()
				+ "月起，标 " + PARTIAL + " 的数值只含该期间的部分月份（年初至季末累计值从1月1日算起），与之相关的比较偏低或偏高，仅供参考。";
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
