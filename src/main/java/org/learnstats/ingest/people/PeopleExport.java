package org.learnstats.ingest.people;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.learnstats.ingest.CheckedRow;
import org.learnstats.ingest.Column;
import org.learnstats.ingest.Column.DateRole;
import org.learnstats.ingest.ExportKind;
import org.learnstats.vocabulary.Kind;
import org.learnstats.ingest.Rejection;
import org.springframework.stereotype.Component;
import org.learnstats.vocabulary.RejectDetail;

/** The people roster (人员): key person_id; a person belongs to the unit of their row. */
@Component
public class PeopleExport implements ExportKind {

	static final int JOINED_ON = 6;

	static final int LEFT_ON = 7;

	private static final List<Column> COLUMNS = List.of(
			Column.code("person_id", true, "人员编号", "工号"),
			Column.text("name", true, "姓名"),
			Column.code("unit_code", true, "单位代码", "所在单位代码").referencingUnits(),
			Column.choice("rank", true, Map.of(
					"bureau", List.of("厅级", "厅局级", "副厅级"),
					"division", List.of("处级", "县处级", "副处级"),
					"section", List.of("科级", "乡科级", "副科级"),
					"staff", List.of("科员", "办事员", "一般干部")), null, "职级"),
			Column.choice("education", true, Map.of(
					"postgraduate", List.of("研究生", "博士", "硕士"),
					"bachelor", List.of("本科", "大学本科"),
					"college", List.of("大专", "专科", "大学专科"),
					"secondary", List.of("中专", "高中", "初中", "初中及以下", "高中及以下")), null, "学历"),
			Column.date("birth_date", true, DateRole.NOT_AFTER_AS_OF, "出生日期"),
			Column.date("joined_on", false, DateRole.ANY, "入职日期", "到岗日期"),
			Column.date("left_on", false, DateRole.ANY, "离职日期", "调离日期"),
			Column.yesNo("in_degree_program", false, "在职学历教育"));

	@Override
	public Kind kind() {
		return Kind.PEOPLE;
	}

	@Override
	public List<Column> columns() {
		return COLUMNS;
	}

	@Override
	public List<String> key() {
		return List.of("person_id");
	}

	@Override
	public List<String> storeColumns() {
		return List.of("person_id", "person_name", "unit_code", "person_rank", "education", "birth_date",
				"joined_on", "left_on", "in_degree_program");
	}

	@Override
	public boolean warnsUnknownPerson() {
		return false;
	}

	@Override
	public Rejection crossCheck(CheckedRow row) {
		LocalDate joined = (LocalDate) row.get(JOINED_ON);
		LocalDate left = (LocalDate) row.get(LEFT_ON);
		if (joined != null && left != null && !left.isAfter(joined)) {
			return Rejection.of(RejectDetail.DATE_NOT_AFTER, COLUMNS.get(LEFT_ON).label(), left,
					COLUMNS.get(JOINED_ON).label(), joined);
		}
		return null;
	}

}
