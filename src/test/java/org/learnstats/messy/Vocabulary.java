package org.learnstats.messy;

import java.util.Map;

/** The Chinese side of the export format (spec section 2.1): one header alias and one word each. */
final class Vocabulary {

	static final Map<String, String> HEADER = Map.ofEntries(Map.entry("unit_code", "单位代码"),
			Map.entry("unit_name", "单位名称"), Map.entry("parent_code", "上级单位代码"), Map.entry("unit_type", "单位类型"),
			Map.entry("person_id", "人员编号"), Map.entry("name", "姓名"), Map.entry("rank", "职级"),
			Map.entry("education", "学历"), Map.entry("birth_date", "出生日期"), Map.entry("joined_on", "入职日期"),
			Map.entry("left_on", "离职日期"), Map.entry("in_degree_program", "在职学历教育"),
			Map.entry("session_id", "活动编号"), Map.entry("session_date", "活动日期"), Map.entry("session_type", "活动类型"),
			Map.entry("duration_hours", "学时"), Map.entry("status", "出勤情况"), Map.entry("record_id", "记录编号"),
			Map.entry("course_name", "课程名称"), Map.entry("course_type", "培训类型"), Map.entry("credits", "学分"),
			Map.entry("completed_on", "完成日期"), Map.entry("trip_id", "调研编号"), Map.entry("start_date", "开始日期"),
			Map.entry("end_date", "结束日期"), Map.entry("topic", "调研主题"), Map.entry("report_submitted", "是否提交调研报告"),
			Map.entry("survey_id", "问卷编号"), Map.entry("title", "问卷名称"), Map.entry("opened_on", "发放日期"),
			Map.entry("distributed", "发放数量"), Map.entry("response_id", "答卷编号"), Map.entry("submitted_on", "提交日期"),
			Map.entry("q1", "题1"), Map.entry("q2", "题2"), Map.entry("q3", "题3"), Map.entry("suggestion", "意见建议"));

	static final Map<String, String> WORD = Map.ofEntries(Map.entry("committee", "党委"), Map.entry("branch", "党支部"),
			Map.entry("office", "办公室"), Map.entry("bureau", "副厅级"), Map.entry("division", "处级"),
			Map.entry("section", "副科级"), Map.entry("staff", "科员"), Map.entry("postgraduate", "硕士"),
			Map.entry("bachelor", "大学本科"), Map.entry("college", "大专"), Map.entry("secondary", "高中"),
			Map.entry("central_group", "理论学习中心组"), Map.entry("branch_study", "三会一课"), Map.entry("study_day", "周五学习日"),
			Map.entry("lecture", "专题讲座"), Map.entry("other", "其他"), Map.entry("present", "出勤"), Map.entry("late", "迟到"),
			Map.entry("excused", "请假"), Map.entry("absent", "缺席"), Map.entry("online", "网络培训"),
			Map.entry("classroom", "集中培训"), Map.entry("degree", "学历教育"));

	private Vocabulary() {
	}

}
