package org.learnstats.outputs.pack;

import java.awt.Color;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.learnstats.outputs.pack.PdfCanvas.Cell;
import org.learnstats.outputs.pack.PdfCanvas.Column;
import org.learnstats.store.UnitForest.Unit;
import org.learnstats.vocabulary.ChineseDate;

/**
 * The pack's record sections: four, the exceptions in numbers of people (never names), and five,
 * the data's completeness (which units' rows cover the quarter) with, in the organization's pack,
 * the files received and rejected.
 */
final class PackRecords {

	private final PdfCanvas pdf;

	private final PackReport report;

	PackRecords(PdfCanvas pdf, PackReport report) {
		this.pdf = pdf;
		this.report = report;
	}

	void exceptions() throws IOException {
		this.pdf.section("四、异常情况（人数）", PackPdf.SECTION_ROOM);
		this.pdf.paragraph("本节只列人数，不列姓名；人员名单见受控目录 restricted/，仅限授权人员查阅。第一行为"
				+ (this.report.data().scope() == null ? "全组织" : "本单位") + "合计，其下为各下属一级单位。"
				+ "学分进度未达标：截至季末所得学分未达到“年度目标 × 季度序号 ÷ 4”；调研天数进度未达标同理；需补训人数：连续两年未达到学分目标、下一年度需参加补训的人数。",
				9, PdfCanvas.MUTED);
		this.pdf.moveDown(4);
		List<PackReport.Exceptions> all = this.report.exceptions();
		int roots = this.report.data().roots().size();
		int y = this.report.closedYear();
		this.pdf.paragraph("“本季度”各列截至" + ChineseDate.of(this.report.quarter().lastDay()) + "；“" + y + "年”各列为最近一个已结束的年度，其中连续两年未达标者即"
				+ (y + 1) + "年需参加补训的人数。", 9, PdfCanvas.MUTED);
		this.pdf.moveDown(4);
		List<Column> cols = List.of(new Column("单位", 131, false), new Column("本季度\n学分进度\n未达标", 52, true),
				new Column("本季度\n调研天数\n进度未达标", 52, true), new Column("本季度\n50岁以下无\n大专学历", 52, true),
				new Column(y + "年\n学分\n未达标", 52, true), new Column(y + "年\n调研天数\n未达标", 52, true),
				new Column(y + "年\n未提交\n调研报告", 52, true), new Column(y + "年\n连续两年\n学分未达标", 52, true));
		List<List<Cell>> rows = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			PackReport.Exceptions e = all.get(i);
			rows.add(List.of(unitCell(e.unit(), i < roots), count(e.creditsBehind()),
					count(e.researchBehind() == null ? null : BigDecimal.valueOf(e.researchBehind())),
					count(e.underAgeWithoutCollege()), count(e.creditsMissedYear()), count(e.researchMissedYear()),
					count(e.reportMissingYear()), count(e.remedial())));
		}
		this.pdf.table(cols, rows, PackPdf.TABLE_SIZE);
	}

	private static Cell unitCell(Unit u, boolean root) {
		return root ? new Cell(u.name() + "（合计）", PdfCanvas.NAVY) : new Cell("　" + u.name(), PdfCanvas.INK);
	}

	private static Cell count(BigDecimal n) {
		if (n == null) {
			return new Cell(PackText.MISSING, PdfCanvas.MUTED);
		}
		String text = n.setScale(0, java.math.RoundingMode.HALF_UP).toPlainString();
		return new Cell(text, n.signum() > 0 ? PdfCanvas.BAD : PdfCanvas.INK);
	}

	void completeness() throws IOException {
		this.pdf.section("五、数据完整性", PackPdf.SECTION_ROOM);
		this.pdf.paragraph("各类数据在" + this.report.quarter().label() + "有报送的单位数 / 单位总数：单位有至少一条自己的、日期在本季度内的记录即计为已报送；学习考勤只计党委（党组）和党支部。", 9,
				PdfCanvas.MUTED);
		this.pdf.moveDown(4);
		List<Column> cols = new ArrayList<>();
		cols.add(new Column("范围", 150, false));
		cols.add(new Column("单位数", 45, true));
		PackData.DATED_KINDS.forEach((k) -> cols.add(new Column(PackText.kind(k), 60, true)));
		List<List<Cell>> rows = new ArrayList<>();
		boolean first = true;
		for (PackData.Completeness c : this.report.data().completeness()) {
			List<Cell> row = new ArrayList<>();
			row.add(first ? new Cell(c.name(), PdfCanvas.NAVY) : Cell.of("　" + c.name()));
			row.add(Cell.of(Integer.toString(c.units())));
			for (int k = 0; k < c.reported().size(); k++) {
				int n = c.reported().get(k);
				int m = c.expected().get(k);
				Color color = n == 0 && m > 0 ? PdfCanvas.BAD : PdfCanvas.INK;
				row.add(new Cell(first ? n + " / " + m + "\n" + percentOf(n, m) : n + " / " + m, color));
			}
			rows.add(row);
			first = false;
		}
		this.pdf.table(cols, rows, PackPdf.TABLE_SIZE);
		if (this.report.data().scope() != null) {
			return; // a delivery is not one unit's: the organization's pack lists them
		}
		this.pdf.subheading("本季度内各次运行接收的数据文件");
		List<PackData.Delivered> delivered = this.report.data().delivered();
		if (delivered.isEmpty()) {
			// e.g. a first installation that loaded the history at once: completeness above is
			// judged by the data's own dates and does not depend on when the files arrived
			this.pdf.paragraph("本季度内（按运行的数据截止日）没有运行接收数据文件，本季度的数据是在之后的运行中接收的（如首次安装时一次性导入历史数据）。"
					+ "上表的报送情况按记录本身的日期统计，不受接收时间影响。", 9, PdfCanvas.MUTED);
			return;
		}
		List<Column> dcols = List.of(new Column("数据类型", 115, false), new Column("文件数", 70, true),
				new Column("整体拒收文件数", 80, true), new Column("读取行数", 80, true), new Column("拒收行数", 75, true),
				new Column("拒收比例", 75, true));
		List<List<Cell>> drows = new ArrayList<>();
		long read = 0;
		long rejected = 0;
		long files = 0;
		long quarantined = 0;
		for (PackData.Delivered d : delivered) {
			drows.add(deliveryRow(PackText.kind(d.kind()), d.files(), d.quarantined(), d.rowsRead(), d.rowsRejected(),
					PdfCanvas.INK));
			read += d.rowsRead();
			rejected += d.rowsRejected();
			files += d.files();
			quarantined += d.quarantined();
		}
		drows.add(deliveryRow("合计", files, quarantined, read, rejected, PdfCanvas.NAVY));
		this.pdf.table(dcols, drows, PackPdf.TABLE_SIZE);
		if (!this.report.data().reasons().isEmpty()) {
			this.pdf.subheading("拒收原因");
			this.pdf.paragraph("整体拒收的文件（如无法识别的文件类型）计一条记录；逐行明细见各次运行的 data-quality/rejects.csv。", 8.5f,
					PdfCanvas.MUTED);
			this.pdf.moveDown(4);
			List<Column> rcols = List.of(new Column("原因", 200, false), new Column("拒收记录数", 90, true));
			List<List<Cell>> rrows = new ArrayList<>();
			for (PackData.ReasonCount r : this.report.data().reasons()) {
				rrows.add(List.of(Cell.of(PackText.reason(r.reason())), Cell.of(Long.toString(r.entries()))));
			}
			this.pdf.table(rcols, rrows, PackPdf.TABLE_SIZE);
		}
	}

	private static String percentOf(long n, long m) {
		return m == 0 ? PackText.MISSING
				: PackText.percent(BigDecimal.valueOf(n).divide(BigDecimal.valueOf(m), 4, java.math.RoundingMode.HALF_UP));
	}

	private static List<Cell> deliveryRow(String kind, long files, long quarantined, long read, long rejected,
			Color color) {
		String share = read == 0 ? PackText.MISSING
				: PackText.percent(BigDecimal.valueOf(rejected).divide(BigDecimal.valueOf(read), 4,
						java.math.RoundingMode.HALF_UP));
		return List.of(new Cell(kind, color), new Cell(Long.toString(files), color),
				new Cell(Long.toString(quarantined), color), new Cell(Long.toString(read), color),
				new Cell(Long.toString(rejected), rejected > 0 ? PdfCanvas.BAD : color), new Cell(share, color));
	}

}
