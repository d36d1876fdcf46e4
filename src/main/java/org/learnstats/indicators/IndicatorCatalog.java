package org.learnstats.indicators;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.learnstats.indicators.IndicatorDefinition.Type;

/**
 * Every indicator of spec section 3, in the order readers see them. Goals are the programme's
 * own where it sets one (every committee, branch and cadre compliant; nobody remedial) and
 * reasonable expectations elsewhere; see the README for how they are used.
 */
public final class IndicatorCatalog {

	/** The session types of attendance, each with its own attendance_rate.&lt;type&gt;. */
	public static final List<String> SESSION_TYPES = List.of("central_group", "branch_study", "study_day", "lecture",
			"other");

	public static final List<IndicatorDefinition> ALL = List.of(
			rate("attendance_rate", "学习出勤率", "MQY", "0.9"),
			rate("attendance_rate.central_group", "中心组学习出勤率", "MQY", "0.9"),
			rate("attendance_rate.branch_study", "支部集中学习出勤率", "MQY", "0.9"),
			rate("attendance_rate.study_day", "学习日出勤率", "MQY", "0.9"),
			rate("attendance_rate.lecture", "专题讲座出勤率", "MQY", "0.9"),
			rate("attendance_rate.other", "其他学习出勤率", "MQY", "0.9"),
			rate("central_group_compliance", "中心组学习达标率", "Q", "1"),
			rate("branch_study_compliance", "支部集中学习达标率", "M", "1"),
			rate("attendance_reporting_rate", "考勤报送率", "M", "1"),
			rate("credit_completion_rate", "年度学分达标率", "Y", "1"),
			rate("credit_on_track_rate", "学分进度达标率", "Q", "1"),
			new IndicatorDefinition("avg_credits", "人均学分", "QY", Type.MEAN, null, true),
			new IndicatorDefinition("remedial_count", "需补训人数", "Y", Type.COUNT, BigDecimal.ZERO, false),
			rate("bachelor_rate", "本科及以上学历占比", "QY", null),
			rate("college_rate", "大专及以上学历占比", "QY", null),
			new IndicatorDefinition("under_age_limit_without_college", "50岁以下大专以下学历人数", "QY", Type.COUNT,
					BigDecimal.ZERO, false),
			new IndicatorDefinition("degree_program_count", "在职学历教育人数", "QY", Type.COUNT, null, true),
			rate("research_compliance", "调研天数达标率", "Y", "1"),
			new IndicatorDefinition("avg_research_days", "人均调研天数", "Y", Type.MEAN, null, true),
			rate("research_report_rate", "调研报告提交率", "Y", "1"),
			rate("survey_response_rate", "问卷回收率", "QY", "0.8"),
			new IndicatorDefinition("satisfaction_mean", "问卷平均满意度(1-5分)", "QY", Type.MEAN, new BigDecimal("4"),
					true),
			new IndicatorDefinition("suggestion_count", "意见建议条数", "QY", Type.COUNT, null, true));

	private static final Map<String, IndicatorDefinition> BY_ID = ALL.stream()
		.collect(Collectors.toUnmodifiableMap(IndicatorDefinition::id, Function.identity()));

	private IndicatorCatalog() {
	}

	public static Optional<IndicatorDefinition> find(String id) {
		return Optional.ofNullable(BY_ID.get(id));
	}

	private static IndicatorDefinition rate(String id, String label, String granularities, String goal) {
		return new IndicatorDefinition(id, label, granularities, Type.RATE, goal == null ? null : new BigDecimal(goal),
				true);
	}

}
