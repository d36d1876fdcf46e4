package org.learnstats.ingest.units;

import java.util.List;
import java.util.Map;

import org.learnstats.ingest.Column;
import org.learnstats.ingest.ExportKind;
import org.learnstats.vocabulary.Kind;
import org.springframework.stereotype.Component;

/** The units register (单位): key unit_code; parent_code empty for a root. */
@Component
public class UnitsExport implements ExportKind {

	private static final List<Column> COLUMNS = List.of(
			Column.code("unit_code", true, "单位代码", "单位编码"),
			Column.text("unit_name", true, "单位名称"),
			Column.code("parent_code", false, "上级单位代码", "上级代码"),
			Column.choiceOrElse("unit_type", true,
					Map.of("committee", List.of("党委", "党组", "委员会"), "branch", List.of("党支部", "支部", "党总支")),
					"office", "单位类型"));

	@Override
	public Kind kind() {
		return Kind.UNITS;
	}

	@Override
	public List<Column> columns() {
		return COLUMNS;
	}

	@Override
	public List<String> key() {
		return List.of("unit_code");
	}

}
