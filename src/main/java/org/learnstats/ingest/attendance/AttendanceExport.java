package org.learnstats.ingest.attendance;

import java.util.List;
import java.util.Map;

import org.learnstats.ingest.Column;
import org.learnstats.ingest.Column.DateRole;
import org.learnstats.ingest.ExportKind;
import org.learnstats.vocabulary.Kind;
import org.springframework.stereotype.Component;

/**
 * Sessions and sign-in (学习考勤): one row per person per session, key (unit_code, session_id,
 * person_id); unit_code is the unit that held the session.
 */
@Component
public class AttendanceExport implements ExportKind {

	private static final List<Column> COLUMNS = List.of(
			Column.code("unit_code", true, "单位代码").referencingUnits(),
			Column.code("session_id", true, "活动编号", "学习编号"),
			Column.code("person_id", true, "人员编号", "工号"),
			Column.date("session_date", true, DateRole.EVENT, "活动日期", "学习日期", "日期"),
			Column.choice("session_type", true, Map.of(
					"central_group", List.of("中心组学习", "理论学习中心组"),
					"branch_study", List.of("支部集中学习", "支部学习", "三会一课"),
					"study_day", List.of("学习日", "周五学习日"),
					"lecture", List.of("专题讲座", "辅导报告", "讲座"),
					"other", List.of("其他")), null, "活动类型", "学习形式"),
			Column.decimal("duration_hours", true, "0", false, "24", "时长", "时长(小时)", "学时"),
			Column.choice("status", true, Map.of(
					"present", List.of("出勤", "到会", "已到"),
					"late", List.of("迟到"),
					"excused", List.of("请假"),
					"absent", List.of("缺勤", "缺席", "未到")), null, "出勤情况", "考勤状态", "状态"));

	@Override
	public Kind kind() {
		return Kind.ATTENDANCE;
	}

	@Override
	public List<Column> columns() {
		return COLUMNS;
	}

	@Override
	public List<String> key() {
		return List.of("unit_code", "session_id", "person_id");
	}

	@Override
	public boolean appendsEvents() {
		return true;
	}

}
