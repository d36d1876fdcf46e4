package org.learnstats.outputs.pack;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.learnstats.vocabulary.ChineseDate;

/**
 * Page 1 of a pack: the title, whose pack it is, the quarter in three lines ({@link PackHeadline}:
 * targets met and missed, the biggest movers up and down, the units that need attention), then the
 * cover facts (period, as-of date, scope, input fingerprint) in small print.
 */
final class PackCover {

	private final PdfCanvas pdf;

	private final PackReport report;

	private final LocalDate asOf;

	private final String fingerprint;

	PackCover(PdfCanvas pdf, PackReport report, LocalDate asOf, String fingerprint) {
		this.pdf = pdf;
		this.report = report;
		this.asOf = asOf;
		this.fingerprint = fingerprint;
	}

	void draw() throws IOException {
		PdfCanvas pdf = this.pdf;
		pdf.newPage(null);
		float w = PdfCanvas.WIDTH;
		pdf.rect(0, PdfCanvas.HEIGHT - 14, w, 14, PdfCanvas.NAVY);
		pdf.rect(0, 0, w, 6, PdfCanvas.NAVY);
		Quarter q = this.report.quarter();
		float y = PdfCanvas.HEIGHT - 80;
		pdf.text(PackPdf.TITLE + " · " + q.label(), PdfCanvas.LEFT, y, 20, PdfCanvas.NAVY);
		y -= 26;
		for (String line : pdf.wrap(this.report.organization(), 14, PdfCanvas.RIGHT - PdfCanvas.LEFT)) {
			pdf.text(line, PdfCanvas.LEFT, y, 14, PdfCanvas.INK);
			y -= 20;
		}
		y -= 4;
		pdf.line(PdfCanvas.LEFT, y, PdfCanvas.RIGHT, y, PdfCanvas.NAVY, 1.2f);
		pdf.moveDown(pdf.y() - y + 14);
		headline(PackHeadline.of(this.report));
		facts();
	}

	private void headline(PackHeadline h) throws IOException {
		PdfCanvas pdf = this.pdf;
		pdf.subheading("本季度要点");
		String targets = "目标：" + h.met() + " 项达标，" + h.missed() + " 项未达标"
				+ (h.missedNames().isEmpty() ? "。" : "（" + String.join("、", h.missedNames()) + "）。");
		pdf.paragraph(targets, 11, h.missed() > 0 ? PdfCanvas.BAD : PdfCanvas.GOOD);
		pdf.moveDown(4);
		pdf.paragraph("较上季度改善最多：" + movers(h.up()), 11, PdfCanvas.INK);
		pdf.moveDown(4);
		pdf.paragraph("较上季度下降最多：" + movers(h.down()), 11, PdfCanvas.INK);
		pdf.moveDown(4);
		if (Stream.concat(h.up().stream(), h.down().stream()).anyMatch((m) -> m.change().endsWith(PackText.PARTIAL))) {
			pdf.paragraph(PackText.partialNote(this.report.data().coveredFrom()), 8.5f, PdfCanvas.MUTED);
			pdf.moveDown(4);
		}
		if (this.report.data().topUnits().isEmpty()) {
			pdf.paragraph("需要关注的单位：无下属单位。", 11, PdfCanvas.INK);
		}
		else if (h.attention().isEmpty()) {
			pdf.paragraph("需要关注的单位：各下属单位的关键指标均达标或无数据。", 11, PdfCanvas.GOOD);
		}
		else {
			pdf.paragraph("需要关注的单位（关键指标未达标项数最多）：", 11, PdfCanvas.INK);
			for (PackHeadline.Attention a : h.attention()) {
				pdf.paragraph("· " + a.unit().name() + "：" + a.missed().size() + " 项未达标（" + String.join("、", a.missed())
						+ "）", 10.5f, PdfCanvas.BAD, PdfCanvas.LEFT + 14, PdfCanvas.RIGHT - PdfCanvas.LEFT - 14);
			}
		}
		pdf.moveDown(6);
		pdf.paragraph("详见：一、关键指标一览；二、趋势；三、排名" + (this.report.data().peers().isEmpty() ? "" : "与同级比较")
				+ "；四、异常情况；五、数据完整性；六、指标定义。", 9, PdfCanvas.MUTED);
	}

	private static String movers(List<PackHeadline.Mover> movers) {
		if (movers.isEmpty()) {
			return "无（无可比数据或持平）。";
		}
		return String.join("；", movers.stream().map((m) -> m.def().label() + " " + m.change()).toList()) + "。";
	}

	/** The cover facts in small print at the foot of page 1. */
	private void facts() throws IOException {
		PdfCanvas pdf = this.pdf;
		Quarter q = this.report.quarter();
		int top = this.report.data().topUnits().size();
		int all = this.report.data().completeness().isEmpty() ? 0 : this.report.data().completeness().get(0).units();
		String[][] info = { { "统计期间", ChineseDate.of(q.firstDay()) + " 至 " + ChineseDate.of(q.lastDay()) },
				{ "数据截止日", ChineseDate.of(this.asOf) }, { "统计范围", all + " 个单位，其中直属下级单位 " + top + " 个" },
				{ "输入指纹", "SHA-256 " + this.fingerprint } };
		float x = PdfCanvas.LEFT;
		float vx = x + 60;
		float y = 110;
		pdf.line(x, y + 14, PdfCanvas.RIGHT, y + 14, PdfCanvas.RULE, 0.5f);
		for (String[] row : info) {
			pdf.text(row[0], x, y, 8, PdfCanvas.MUTED);
			pdf.text(row[1], vx, y, 8, PdfCanvas.INK);
			y -= 13;
		}
		pdf.text("本报告根据各单位报送的数据自动生成；指纹相同即数据相同。报告只列人数，人员名单见受控目录 restricted/。", x, y - 4, 8,
				PdfCanvas.MUTED);
	}

}
