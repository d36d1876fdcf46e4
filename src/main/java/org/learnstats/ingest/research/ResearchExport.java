package org.learnstats.ingest.research;

import java.time.LocalDate;
import java.util.List;

import org.learnstats.ingest.CheckedRow;
import org.learnstats.ingest.Column;
import org.learnstats.ingest.Column.DateRole;
import org.learnstats.ingest.ExportKind;
import org.learnstats.vocabulary.Kind;
import org.learnstats.vocabulary.RejectDetail;
import org.learnstats.ingest.Rejection;
import org.springframework.stereotype.Component;

/** Field research trips (调查研究): key (unit_code, trip_id); end_date not before start_date. */
@Component
public class ResearchExport implements ExportKind {

	private static final int START = 3;

	private static final int END = 4;

	private static final List<Column> COLUMNS = List.of(
			Column.code("unit_code", true, "单位代码").referencingUnits(),
			Column.code("trip_id", true, "调研编号"),
			Column.code("person_id", true, "人员编号", "工号"),
			Column.date("start_date", true, DateRole.EVENT, "开始日期"),
			Column.date("end_date", true, DateRole.NOT_AFTER_AS_OF, "结束日期"),
			Column.text("topic", false, "调研主题"),
			Column.yesNo("report_submitted", false, "是否提交调研报告", "调研报告"));

	@Override
	public Kind kind() {
		return Kind.RESEARCH;
	}

	@Override
	public List<Column> columns() {
		return COLUMNS;
	}

	@Override
	public List<String> key() {
		return List.of("unit_code", "trip_id");
	}

	@Override
	public boolean appendsEvents() {
		return true;
	}

	@Override
	public Rejection crossCheck(CheckedRow row) {
		LocalDate start = (LocalDate) row.get(START);
		LocalDate end = (LocalDate) row.get(END);
		if (end.isBefore(start)) {
			return Rejection.of(RejectDetail.DATE_BEFORE, COLUMNS.get(END).label(), end, COLUMNS.get(START).label(),
					start);
		}
		return null;
	}

}
