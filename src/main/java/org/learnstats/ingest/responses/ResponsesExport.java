package org.learnstats.ingest.responses;

import java.util.List;
import java.util.stream.Collectors;

import org.learnstats.ingest.CheckedRow;
import org.learnstats.ingest.CheckedRow.Answer;
import org.learnstats.ingest.Column;
import org.learnstats.ingest.Column.DateRole;
import org.learnstats.ingest.ExportKind;
import org.learnstats.vocabulary.Kind;
import org.springframework.stereotype.Component;

/**
 * Questionnaire answers (问卷答卷): key (unit_code, survey_id, response_id); question columns
 * q1, q2, ... (题1, 题2, ...) hold scores 1 to 5 or nothing. The store keeps per response the
 * number of answered questions, their total and the answers themselves.
 */
@Component
public class ResponsesExport implements ExportKind {

	private static final List<Column> COLUMNS = List.of(
			Column.code("unit_code", true, "单位代码").referencingUnits(),
			Column.code("survey_id", true, "问卷编号"),
			Column.code("response_id", true, "答卷编号"),
			Column.date("submitted_on", true, DateRole.EVENT, "提交日期"),
			Column.text("suggestion", false, "意见建议"));

	@Override
	public Kind kind() {
		return Kind.RESPONSES;
	}

	@Override
	public List<Column> columns() {
		return COLUMNS;
	}

	@Override
	public List<String> key() {
		return List.of("unit_code", "survey_id", "response_id");
	}

	@Override
	public boolean appendsEvents() {
		return true;
	}

	@Override
	public boolean hasQuestions() {
		return true;
	}

	@Override
	public List<String> storeColumns() {
		return List.of("unit_code", "survey_id", "response_id", "submitted_on", "answered", "score_sum", "answers",
				"suggestion");
	}

	@Override
	public Object[] toStoreRow(CheckedRow row) {
		List<Answer> answers = row.questions();
		int sum = answers.stream().mapToInt(Answer::score).sum();
		String text = answers.stream()
			.sorted(java.util.Comparator.comparingInt(Answer::question))
			.map((a) -> "q" + a.question() + "=" + a.score())
			.collect(Collectors.joining(";"));
		return new Object[] { row.get(0), row.get(1), row.get(2), row.get(3), answers.size(), sum, text,
				row.get(4) };
	}

}
