package org.learnstats.outputs.pack;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.outputs.charts.ChartMedia;
import org.learnstats.outputs.charts.PdfGlyphs;
import org.learnstats.outputs.pack.PdfCanvas.Cell;
import org.learnstats.outputs.pack.PdfCanvas.Column;
import org.learnstats.store.UnitForest.Unit;
import org.learnstats.vocabulary.ChineseDate;

/**
 * Composes the pack's PDF: cover, key indicators, trends, ranking of the top units, exceptions
 * in numbers, data completeness and definitions. Document dates and ID come from the as-of date
 * and the fingerprint, never the clock, so the same pack gives the same bytes.
 */
final class PackPdf {

	static final String TITLE = "学习型组织建设指标季报";

	static final float TABLE_SIZE = 8.5f;

	/** Points a section needs left on a page to start below the one before (its heading, notes and a few rows). */
	static final float SECTION_ROOM = 260;

	private final PackReport report;

	private final LocalDate asOf;

	private final String fingerprint;

	private final Map<String, PackImages.Rendered> charts;

	private PdfCanvas pdf;

	/** The glyphs of the charts' text, each defined once in the document. */
	private PdfGlyphs glyphs;

	private List<String> squeezed = List.of();

	/** Whether a value or comparison drawn since the last footnote was marked partial. */
	private boolean marked;

	PackPdf(PackReport report, LocalDate asOf, String fingerprint, Map<String, PackImages.Rendered> charts) {
		this.report = report;
		this.asOf = asOf;
		this.fingerprint = fingerprint;
		this.charts = charts;
	}

	byte[] render() throws IOException {
		try (PDDocument doc = new PDDocument()) {
			try (PdfCanvas canvas = new PdfCanvas(doc)) {
				this.pdf = canvas;
				this.glyphs = new PdfGlyphs(doc);
				new PackCover(canvas, this.report, this.asOf, this.fingerprint).draw();
				summary();
				trends();
				ranking();
				PackRecords records = new PackRecords(canvas, this.report);
				records.exceptions();
				records.completeness();
				definitions();
				canvas.footers(TITLE + " · " + quarter().label() + " · 数据截止日 " + ChineseDate.of(this.asOf));
				this.squeezed = canvas.squeezed();
				PackDocumentInfo.describe(doc, TITLE + " " + quarter().label(), this.report.organization(), this.asOf,
						this.fingerprint + '\n' + quarter().id() + '\n' + this.asOf);
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				doc.save(out);
				return out.toByteArray();
			}
		}
	}

	/** The numbers the rendering had to draw smaller to fit their column: none when the layout holds. */
	List<String> squeezed() {
		return this.squeezed;
	}

	private Quarter quarter() {
		return this.report.quarter();
	}

	private void summary() throws IOException {
		Quarter q = quarter();
		for (Unit root : this.report.data().roots()) {
			boolean many = this.report.data().roots().size() > 1;
			this.pdf.newPage("一、关键指标一览" + (many ? "：" + root.name() : ""));
			this.pdf.subheading("季度指标（" + q.label() + "）");
			this.pdf.paragraph("上季度为" + q.previous().label() + "，去年同期为" + q.sameQuarterLastYear().label()
					+ "。比率的变化以百分点计；“—”表示无数据或不可比（人均学分为年初至季末累计，第一季度不与上年第四季度比较）。", 8.5f, PdfCanvas.MUTED);
			this.pdf.moveDown(4);
			// widths hold the widest number with its unit and mark ("+100.0个百分点*") on one line
			List<Column> cols = List.of(new Column("指标", 113, false), new Column("目标", 46, true),
					new Column("本季度", 50, true), new Column("上季度", 46, true), new Column("去年同期", 48, true),
					new Column("较上季度", 78, true), new Column("较去年同期", 78, true), new Column("达标", 36, true));
			List<List<Cell>> rows = new ArrayList<>();
			for (PackReport.SummaryRow s : this.report.quarterSummary(root)) {
				IndicatorDefinition d = s.def();
				rows.add(List.of(Cell.of(d.label()), new Cell(PackText.goal(d), PdfCanvas.MUTED),
						value(d, s.period(), s.now()), value(d, s.previousPeriod(), s.previous()),
						value(d, s.lastYearPeriod(), s.lastYear()),
						PackReport.comparableWithPreviousQuarter(d, q)
								? change(d, s.now(), s.previous(), this.report.partialComparison(s, s.previousPeriod()))
								: new Cell(PackText.MISSING, PdfCanvas.MUTED),
						change(d, s.now(), s.lastYear(), this.report.partialComparison(s, s.lastYearPeriod())),
						met(d, s.now())));
			}
			this.pdf.table(cols, rows, TABLE_SIZE);
			int y = this.report.closedYear();
			this.pdf.subheading("年度指标（" + y + "年度，最近一个已结束的年度）");
			List<Column> ycols = List.of(new Column("指标", 172, false), new Column("目标", 60, true),
					new Column(y + "年", 70, true), new Column((y - 1) + "年", 70, true), new Column("较上年", 80, true),
					new Column("达标", 43, true));
			List<List<Cell>> yrows = new ArrayList<>();
			for (PackReport.SummaryRow s : this.report.yearSummary(root)) {
				IndicatorDefinition d = s.def();
				yrows.add(List.of(Cell.of(d.label()), new Cell(PackText.goal(d), PdfCanvas.MUTED),
						value(d, s.period(), s.now()), value(d, s.previousPeriod(), s.previous()),
						change(d, s.now(), s.previous(), this.report.partialComparison(s, s.previousPeriod())),
						met(d, s.now())));
			}
			this.pdf.table(ycols, yrows, TABLE_SIZE);
			partialNote();
		}
		if (this.report.data().roots().isEmpty()) {
			this.pdf.newPage("一、关键指标一览");
			this.pdf.paragraph("数据库中尚无单位。", 10, PdfCanvas.INK);
		}
	}

	/** A value, marked when it covers only part of its period. */
	private Cell value(IndicatorDefinition d, String period, BigDecimal v) {
		boolean partial = v != null && this.report.partial(period, d);
		this.marked |= partial;
		return Cell.of(PackText.marked(PackText.value(d, v), partial));
	}

	/** A change, coloured by direction and marked when it compares with a partial period (then muted). */
	private Cell change(IndicatorDefinition d, BigDecimal now, BigDecimal before, boolean partial) {
		int dir = PackText.direction(d, now, before);
		Color c = partial ? PdfCanvas.MUTED : dir > 0 ? PdfCanvas.GOOD : dir < 0 ? PdfCanvas.BAD : PdfCanvas.INK;
		String text = PackText.change(d, now, before);
		this.marked |= partial && !PackText.MISSING.equals(text);
		return new Cell(PackText.marked(text, partial), c);
	}

	/** The footnote to the partial marks of the page, when it has any. */
	private void partialNote() throws IOException {
		if (this.marked && this.report.data().coveredFrom() != null) {
			this.pdf.paragraph(PackText.partialNote(this.report.data().coveredFrom()), 8.5f, PdfCanvas.MUTED);
			this.pdf.moveDown(4);
		}
		this.marked = false;
	}

	private static Cell met(IndicatorDefinition d, BigDecimal v) {
		Boolean met = d.meets(v);
		if (met == null) {
			return new Cell(PackText.MISSING, PdfCanvas.MUTED);
		}
		return met ? new Cell("达标", PdfCanvas.GOOD) : new Cell("未达标", PdfCanvas.BAD);
	}

	private void trends() throws IOException {
		this.pdf.newPage("二、趋势（近 " + this.report.data().trend().size() + " 个季度）");
		this.pdf.paragraph("折线为" + (this.report.data().scope() != null ? "本单位（含全部下级单位）"
				: this.report.data().roots().size() > 1 ? "各组织" : "全组织")
				+ "各季度数值，红色虚线为目标。年初至季末累计的指标按年分段绘制：每年1月1日重新累计，第一季度低于上年第四季度并非下降。", 9,
				PdfCanvas.MUTED);
		this.pdf.moveDown(6);
		List<String> empty = new ArrayList<>();
		List<PackImages.Rendered> drawn = new ArrayList<>();
		for (String id : PackReport.KEY) {
			PackImages.Rendered chart = this.charts.get(PackImages.trendName(id));
			if (chart == null) {
				empty.add(PackReport.def(id).label());
				continue;
			}
			drawn.add(chart);
			this.marked |= this.report.data().trend().stream().anyMatch((q) -> this.report.data().partial(q.id(), id));
		}
		grid(drawn);
		if (!empty.isEmpty()) {
			this.pdf.paragraph("以下指标在统计期内无数据，未绘制趋势图：" + String.join("、", empty) + "。", 9, PdfCanvas.MUTED);
		}
		partialNote();
	}

	/** Charts two to a row, each scaled to half the text width. */
	private void grid(List<PackImages.Rendered> charts) throws IOException {
		float gap = (float) PackImages.GAP;
		float w = (PdfCanvas.RIGHT - PdfCanvas.LEFT - gap) / 2;
		for (int i = 0; i < charts.size(); i += 2) {
			List<PackImages.Rendered> row = charts.subList(i, Math.min(i + 2, charts.size()));
			float h = 0;
			for (PackImages.Rendered c : row) {
				h = Math.max(h, (float) (c.height() * w / c.width()));
			}
			this.pdf.ensure(h + 10);
			for (int k = 0; k < row.size(); k++) {
				PackImages.Rendered c = row.get(k);
				this.pdf.place(xobject(c), PdfCanvas.LEFT + k * (w + gap), w, (float) (c.height() * w / c.width()));
			}
			this.pdf.moveDown(h + 10);
		}
	}

	private void image(PackImages.Rendered chart) throws IOException {
		float w = (float) chart.width();
		float h = (float) chart.height();
		this.pdf.ensure(h + 14);
		this.pdf.image(xobject(chart), PdfCanvas.LEFT + (PdfCanvas.RIGHT - PdfCanvas.LEFT - w) / 2, w, h);
		this.pdf.moveDown(14);
	}

	/**
	 * The chart in vectors: sharp in print at any size, and nothing to encode (a 300 dpi image took
	 * most of a pack's time in deflating its pixels).
	 */
	private PDFormXObject xobject(PackImages.Rendered chart) throws IOException {
		return ChartMedia.pdf(chart.chart(), this.glyphs, chart.width(), chart.height());
	}

	private void ranking() throws IOException {
		boolean unit = !this.report.data().peers().isEmpty();
		this.pdf.section(unit ? "三、同级比较与下属单位排名" : "三、下属单位排名", SECTION_ROOM);
		if (unit) {
			PackPeers.draw(this.pdf, this.report, TABLE_SIZE);
			this.pdf.subheading("下属单位排名");
		}
		List<Unit> top = this.report.data().topUnits();
		if (top.isEmpty()) {
			this.pdf.paragraph((unit ? "本单位" : "组织") + "没有下属单位，无排名。", 10, PdfCanvas.INK);
			return;
		}
		this.pdf.paragraph(quarter().label() + "各下属一级单位（含其全部下级单位）的数值，括号内为名次（1 为最好，数值相同者名次相同）；红色为未达到目标，“—”表示无数据。", 9,
				PdfCanvas.MUTED);
		this.pdf.moveDown(4);
		List<Column> cols = new ArrayList<>();
		cols.add(new Column("单位", 105, false));
		List<List<PackReport.Ranked>> ranks = new ArrayList<>();
		for (String id : PackReport.KEY) {
			cols.add(new Column(PackReport.def(id).label(), 65, true));
			ranks.add(this.report.ranking(id));
		}
		List<List<Cell>> rows = new ArrayList<>();
		for (int i = 0; i < top.size(); i++) {
			List<Cell> row = new ArrayList<>();
			row.add(Cell.of(top.get(i).name()));
			for (int k = 0; k < PackReport.KEY.size(); k++) {
				PackReport.Ranked r = ranks.get(k).get(i);
				IndicatorDefinition d = PackReport.def(PackReport.KEY.get(k));
				Boolean met = d.meets(r.value());
				Color c = met == null ? PdfCanvas.INK : met ? PdfCanvas.INK : PdfCanvas.BAD;
				row.add(new Cell(r.rank() == 0 ? PackText.MISSING : PackText.value(d, r.value()) + " (" + r.rank() + ")",
						c));
			}
			rows.add(row);
		}
		this.pdf.table(cols, rows, TABLE_SIZE);
		this.pdf.moveDown(8);
		for (String id : PackReport.KEY) {
			PackImages.Rendered chart = this.charts.get(PackImages.rankingName(id));
			if (chart != null) {
				image(chart);
			}
		}
	}

	private void definitions() throws IOException {
		this.pdf.section("六、指标定义", SECTION_ROOM);
		for (String note : PackDefinitions.notes(this.report.data().targets())) {
			this.pdf.paragraph(note, 8.5f, PdfCanvas.INK);
			this.pdf.moveDown(3);
		}
		this.pdf.moveDown(6);
		List<Column> cols = List.of(new Column("指标", 118, false), new Column("统计周期", 54, false),
				new Column("目标", 46, true), new Column("定义", 277, false));
		List<List<Cell>> rows = new ArrayList<>();
		for (PackDefinitions.Definition d : PackDefinitions.all(this.report.data().targets())) {
			rows.add(List.of(Cell.of(d.indicator().label()), Cell.of(d.periods()),
					new Cell(PackText.goal(d.indicator()), PdfCanvas.MUTED), Cell.of(d.text())));
		}
		this.pdf.table(cols, rows, TABLE_SIZE);
	}

}
