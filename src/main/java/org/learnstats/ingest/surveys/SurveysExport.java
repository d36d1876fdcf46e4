package org.learnstats.ingest.surveys;

import java.util.List;

import org.learnstats.ingest.Column;
import org.learnstats.ingest.Column.DateRole;
import org.learnstats.ingest.ExportKind;
import org.learnstats.vocabulary.Kind;
import org.springframework.stereotype.Component;

/** Questionnaires handed out (问卷发放): key (unit_code, survey_id). */
@Component
public class SurveysExport implements ExportKind {

	private static final List<Column> COLUMNS = List.of(
			Column.code("unit_code", true, "单位代码").referencingUnits(),
			Column.code("survey_id", true, "问卷编号"),
			Column.text("title", true, "问卷名称"),
			Column.date("opened_on", true, DateRole.NOT_AFTER_AS_OF, "发放日期"),
			Column.integer("distributed", true, 0, null, "发放数量", "发放份数"));

	@Override
	public Kind kind() {
		return Kind.SURVEYS;
	}

	@Override
	public List<Column> columns() {
		return COLUMNS;
	}

	@Override
	public List<String> key() {
		return List.of("unit_code", "survey_id");
	}

}
