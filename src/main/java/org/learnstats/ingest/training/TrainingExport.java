package org.learnstats.ingest.training;

import java.util.List;
import java.util.Map;

import org.learnstats.ingest.Column;
import org.learnstats.ingest.Column.DateRole;
import org.learnstats.ingest.ExportKind;
import org.learnstats.vocabulary.Kind;
import org.springframework.stereotype.Component;

/** Training records (学习培训): key (unit_code, record_id); credits count for the person. */
@Component
public class TrainingExport implements ExportKind {

	private static final List<Column> COLUMNS = List.of(
			Column.code("unit_code", true, "单位代码").referencingUnits(),
			Column.code("record_id", true, "记录编号"),
			Column.code("person_id", true, "人员编号", "工号"),
			Column.text("course_name", true, "课程名称"),
			Column.choice("course_type", false, Map.of(
					"online", List.of("网络培训", "网络学习"),
					"classroom", List.of("集中培训", "脱产培训"),
					"lecture", List.of("专题讲座"),
					"degree", List.of("学历教育"),
					"other", List.of("其他")), "other", "培训类型", "课程类型"),
			Column.decimal("credits", true, "0", true, "100", "学分"),
			Column.date("completed_on", true, DateRole.EVENT, "完成日期", "结业日期"));

	@Override
	public Kind kind() {
		return Kind.TRAINING;
	}

	@Override
	public List<Column> columns() {
		return COLUMNS;
	}

	@Override
	public List<String> key() {
		return List.of("unit_code", "record_id");
	}

	@Override
	public boolean appendsEvents() {
		return true;
	}

}
