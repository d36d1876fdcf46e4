package org.learnstats.outputs.pack;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.learnstats.indicators.IndicatorCatalog;
import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.vocabulary.Rank;

/**
 * The definitions page: one short Chinese text per indicator of the catalogue, following spec
 * section 3, with the targets in force.
 */
final class PackDefinitions {

	/** One definition: the indicator, the periods it is computed for, and its text. */
	record Definition(IndicatorDefinition indicator, String periods, String text) {
	}

	private PackDefinitions() {
	}

	static List<Definition> all(PackTargets t) {
		List<Definition> out = new ArrayList<>();
		for (IndicatorDefinition def : IndicatorCatalog.ALL) {
			out.add(new Definition(def, periods(def), text(def, t)));
		}
		return out;
	}

	/** General notes shown above the definitions. */
	static List<String> notes(PackTargets t) {
		return List.of(
				"统计范围：每个单位的指标均包含本单位及其全部下级单位。人员类指标以期末在岗人员（入职日期不晚于期末且未在期末前离职）为准，人员按名册所在单位归属；名册以外的人员不计入人员类指标。",
				"期末：期间的最后一天；期间尚未结束时为数据截止日。比率 = 分子 ÷ 分母，四舍五入保留四位小数；本报告以百分比显示，保留一位小数；分母为 0 时不计算，显示为“—”。",
				"学分目标：" + perRank(t.credits(), " 分") + "（目标为 0 者不计入学分类指标）。调研天数目标："
						+ perRank(t.researchDays(), " 天") + "。",
				"调研天数进度未达标（本报告的季度预警）：有调研天数目标、期末在岗，且自 1 月 1 日至季末的调研天数（同一天只计一次）少于“年度目标 × 季度序号 ÷ 4”的人数。",
				"数据完整性：季度内至少有一条本单位自己的、日期在本季度内的记录的单位数 / 应报单位数（学习考勤的应报单位为党委（党组）和党支部，其余为全部单位；考勤按活动日期，培训按完成日期，调研按开始日期，问卷按发放日期，答卷按提交日期）。拒收行：本季度内（按运行的数据截止日）接收的数据文件中未被采用的行。");
	}

	/** "厅级 18 分、处级 18 分、科级 12 分、科员及以下 0 分". */
	private static String perRank(Map<String, BigDecimal> targets, String unit) {
		return Arrays.stream(Rank.values())
			.map((rank) -> rank.chinese() + " " + n(targets.get(rank.code())) + unit)
			.collect(Collectors.joining("、"));
	}

	private static String periods(IndicatorDefinition def) {
		List<String> p = new ArrayList<>();
		if (def.computedFor('M')) {
			p.add("月");
		}
		if (def.computedFor('Q')) {
			p.add("季");
		}
		if (def.computedFor('Y')) {
			p.add("年");
		}
		return String.join("、", p);
	}

	private static String text(IndicatorDefinition def, PackTargets t) {
		String id = def.id();
		if (id.startsWith("attendance_rate.")) {
			return "同“学习出勤率”，仅统计“" + def.label().replace("出勤率", "") + "”类学习活动的考勤记录。";
		}
		return switch (id) {
			case "attendance_rate" -> "期内（按活动日期）考勤记录中状态为出勤或迟到的条数 ÷ 期内全部考勤记录条数；名册以外人员的考勤记录同样计入。";
			case "central_group_compliance" -> "季度内，本单位自己的中心组学习考勤中、时长不少于 " + n(t.centralGroupHours()) + " 小时的不同学习活动不少于 "
					+ t.centralGroupSessions() + " 次的党委（党组）数 ÷ 党委（党组）总数。";
			case "branch_study_compliance" -> "月内，本支部自己的支部集中学习考勤中不同学习日期不少于 " + t.branchStudyDays() + " 天的党支部数 ÷ 党支部总数。";
			case "attendance_reporting_rate" -> "月内至少有一条本单位自己的考勤记录的党委（党组）和党支部数 ÷ 党委（党组）和党支部总数。";
			case "credit_completion_rate" -> "年内（按完成日期）所得学分达到本人年度学分目标的人数 ÷ 有学分目标的人数。";
			case "credit_on_track_rate" -> "自 1 月 1 日至季末所得学分达到“年度学分目标 × 季度序号 ÷ 4”的人数 ÷ 有学分目标的人数。";
			case "avg_credits" -> "有学分目标的人员自 1 月 1 日至期末所得学分之和 ÷ 有学分目标的人数。";
			case "remedial_count" -> "本年末和上年末均在岗、且连续两年未达到学分目标（均按现任职级判断）的人数，即下一年度需参加补训的人数；仅统计已结束的年度。";
			case "bachelor_rate" -> "学历为研究生或大学本科的人数 ÷ 在岗人数。";
			case "college_rate" -> "学历为研究生、大学本科或大专的人数 ÷ 在岗人数。";
			case "under_age_limit_without_college" -> "期末未满 " + t.degreeAgeLimit() + " 周岁（按周岁计）、学历在大专以下的在岗人数。";
			case "degree_program_count" -> "正在接受在职学历教育的在岗人数。";
			case "research_compliance" -> "年内调研天数（多次调研重叠的日期只计一次，跨年调研按各自年份的天数计）达到本人调研天数目标的人数 ÷ 有调研天数目标的人数。";
			case "avg_research_days" -> "有调研天数目标的人员年内调研天数之和 ÷ 有调研天数目标的人数。";
			case "research_report_rate" -> "年内至少有一次开始于本年、且已提交调研报告的调研的人数 ÷ 有调研天数目标的人数。";
			case "survey_response_rate" -> "期内发放的问卷在数据截止日前收回的答卷数 ÷ 这些问卷的发放份数。";
			case "satisfaction_mean" -> "期内提交的答卷中全部已作答题目的得分（1–5 分）之和 ÷ 已作答题目数；未作答的题目不计。";
			case "suggestion_count" -> "期内提交、且填写了意见建议的答卷数。";
			default -> def.label();
		};
	}

	private static String n(BigDecimal v) {
		return PackData.plain(v);
	}

}
