package org.learnstats.outputs.dashboard;

import java.time.LocalDate;
import java.util.List;

import org.learnstats.indicators.DeliveryRecord;
import org.learnstats.outputs.UnitKey;
import org.learnstats.store.UnitForest;
import org.learnstats.store.UnitForest.Unit;

/** The overview's line naming the units that have not delivered last month's data. */
final class DeliveryNotice {

	/** Units named on the overview; the rest are counted and on the data-quality page. */
	static final int NAMED = 30;

	private DeliveryNotice() {
	}

	static String render(DeliveryRecord record, UnitForest forest) {
		List<String> missing = record.notDeliveredLastMonth(forest.units().stream().map(Unit::code).toList());
		LocalDate due = record.dueDate(record.lastMonth());
		boolean overdue = record.asOf().isAfter(due);
		StringBuilder out = new StringBuilder("<div class=\"notice")
			.append(missing.isEmpty() ? " ok" : (overdue ? " bad" : "")).append("\" id=\"delivery-notice\">");
		if (missing.isEmpty()) {
			return out.append("上月（").append(record.lastMonth()).append("）的数据各单位均已报送。</div>\n").toString();
		}
		out.append("<b>上月（").append(record.lastMonth()).append("）数据").append(overdue ? "逾期未报送" : "尚未报送")
			.append("的单位 ").append(missing.size()).append(" 个</b>（截止日 ").append(due).append("）：");
		for (int i = 0; i < Math.min(NAMED, missing.size()); i++) {
			Unit unit = forest.get(missing.get(i));
			out.append((i > 0) ? "、" : "").append("<a href=\"units/").append(Html.href(UnitKey.of(unit.code()) + ".html"))
				.append("\">").append(Html.esc(unit.name())).append("</a>");
		}
		if (missing.size() > NAMED) {
			out.append(" 等");
		}
		return out.append("。<a href=\"data-quality.html#coverage\">报送明细</a></div>\n").toString();
	}

}
