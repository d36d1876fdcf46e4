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

	/**
	 * The most copies one survey can hand out: more than any organization has people, and low
	 * enough that the indicator sums over every survey of the store stay far inside BIGINT and
	 * NUMERIC(38,18) on both stores (9.2 billion surveys at the limit before a BIGINT sum overflows).
	 */
	static final long MAX_DISTRIBUTED = 1_000_000_000L;

	private static final List<Column> COLUMNS = List.of(
			Column.code("unit_code", true, "单位代码").referencingUnits(),
			Column.code("survey_id", true, "问卷编号"),
			Column.text("title", true, "问卷名称"),
			Column.date("opened_on", true, DateRole.EVENT, "发放日期"),
			Column.integer("distributed", true, 0, MAX_DISTRIBUTED, "发放数量", "发放份数"));

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
