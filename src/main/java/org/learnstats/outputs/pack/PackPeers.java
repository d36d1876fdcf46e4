package org.learnstats.outputs.pack;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.outputs.pack.PdfCanvas.Cell;
import org.learnstats.outputs.pack.PdfCanvas.Column;

/**
 * A unit's position among its peers (the units under the same parent, itself included) on each
 * key indicator: its value, its rank of how many, the best peer value and the peers' median.
 */
final class PackPeers {

	private PackPeers() {
	}

	/** One key indicator: the scope's value and rank among its peers, the best and the median. */
	record Row(IndicatorDefinition def, BigDecimal value, int rank, int ranked, BigDecimal best, BigDecimal median) {
	}

	static List<Row> rows(PackReport report) {
		List<Row> out = new ArrayList<>();
		String scope = report.data().scope() == null ? null : report.data().scope().code();
		for (String id : PackReport.KEY) {
			IndicatorDefinition d = PackReport.def(id);
			List<PackReport.Ranked> ranked = report.peerRanking(id);
			List<BigDecimal> values = new ArrayList<>(
					ranked.stream().map(PackReport.Ranked::value).filter((v) -> v != null).toList());
			values.sort(d.higherIsBetter() ? java.util.Comparator.reverseOrder() : java.util.Comparator.naturalOrder());
			PackReport.Ranked own = ranked.stream().filter((r) -> r.unit().code().equals(scope)).findFirst().orElse(null);
			BigDecimal median = values.isEmpty() ? null
					: values.size() % 2 == 1 ? values.get(values.size() / 2)
							: values.get(values.size() / 2 - 1)
								.add(values.get(values.size() / 2))
								.divide(BigDecimal.valueOf(2));
			out.add(new Row(d, own == null ? null : own.value(), own == null ? 0 : own.rank(), values.size(),
					values.isEmpty() ? null : values.get(0), median));
		}
		return out;
	}

	static void draw(PdfCanvas pdf, PackReport report, float size) throws IOException {
		int n = report.data().peers().size();
		pdf.paragraph(report.quarter().label() + "本单位在同级 " + n + " 个单位（同一上级单位的直属下级单位，含本单位）中的位置；名次 1 为最好，数值相同者名次相同。", 9,
				PdfCanvas.MUTED);
		pdf.moveDown(4);
		List<Column> cols = List.of(new Column("指标", 150, false), new Column("本单位", 75, true),
				new Column("同级名次", 75, true), new Column("同级最好", 75, true), new Column("同级中位数", 75, true));
		List<List<Cell>> rows = new ArrayList<>();
		for (Row r : rows(report)) {
			IndicatorDefinition d = r.def();
			Boolean met = d.meets(r.value());
			rows.add(List.of(Cell.of(d.label()),
					new Cell(PackText.value(d, r.value()), Boolean.FALSE.equals(met) ? PdfCanvas.BAD : PdfCanvas.INK),
					Cell.of(r.rank() == 0 ? PackText.MISSING : r.rank() + " / " + r.ranked()),
					Cell.of(PackText.value(d, r.best())), Cell.of(PackText.value(d, r.median()))));
		}
		pdf.table(cols, rows, size);
	}

}
