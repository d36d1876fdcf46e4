package org.learnstats.outputs.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;

/** The charts of one PDF define each glyph once and place it wherever it is used. */
class PdfGlyphsTest {

	private static JFreeChart chart() {
		return Charts.trend(new TrendData(ChartsTest.ATTENDANCE, 'Q', "省教育厅",
				List.of("2026-Q1", "2026-Q2", "2026-Q3"), Arrays.asList(0.81, null, 0.93)), "省教育厅　数据截至2026-11-20",
				ChartStyle.PRINT);
	}

	@Test
	void eachGlyphIsDefinedOnceAndPlacedWhereItIsUsed() throws Exception {
		try (PDDocument doc = new PDDocument()) {
			PdfGlyphs glyphs = new PdfGlyphs(doc);
			PDFormXObject first = ChartMedia.pdf(chart(), glyphs, 241.5, 190);
			List<COSName> placed = placements(first);
			Set<PDXObject> defined = new HashSet<>();
			for (COSName name : first.getResources().getXObjectNames()) {
				defined.add(first.getResources().getXObject(name));
			}
			// "学习出勤率：季度趋势", the subtitle, ticks, labels and the legend: far more characters than glyphs
			assertThat(placed.size()).isGreaterThan(2 * defined.size());
			assertThat(defined.size()).isGreaterThan(30);
			// no glyph's outline is written in the chart's own content: it holds no curves
			assertThat(operators(first)).doesNotContain("c");

			// a second chart of the document uses the forms the first defined
			PDFormXObject second = ChartMedia.pdf(chart(), glyphs, 241.5, 190);
			Set<PDXObject> again = new HashSet<>();
			for (COSName name : second.getResources().getXObjectNames()) {
				again.add(second.getResources().getXObject(name));
			}
			assertThat(again.stream().map((x) -> x.getCOSObject()).toList())
				.containsExactlyInAnyOrderElementsOf(defined.stream().map((x) -> x.getCOSObject()).toList());
		}
	}

	private static List<COSName> placements(PDFormXObject form) throws Exception {
		List<COSName> out = new ArrayList<>();
		List<Object> tokens = new PDFStreamParser(form).parse();
		for (int i = 1; i < tokens.size(); i++) {
			if (tokens.get(i) instanceof Operator op && op.getName().equals("Do")) {
				out.add((COSName) tokens.get(i - 1));
			}
		}
		return out;
	}

	private static List<String> operators(PDFormXObject form) throws Exception {
		return new PDFStreamParser(form).parse().stream()
			.filter(Operator.class::isInstance)
			.map((o) -> ((Operator) o).getName())
			.toList();
	}

}
