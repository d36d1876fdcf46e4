package org.learnstats.outputs.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class SvgGlyphsTest {

	@Test
	void replacesTextByGlyphsDefinedOnce() throws Exception {
		String svg = "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' width='10' height='10'>"
				+ "<text x='5.5' y='20' style='fill: rgb(1,2,3); fill-opacity: 1.0; font-family: \"X\"; font-size: 12px;'"
				+ " clip-path='url(#c)'>学习&amp;学</text>"
				+ "<text x='1' y='2' style='fill: rgb(0,0,0); font-size: 24px; font-weight: bold;' transform='rotate(-90)'>A</text>"
				+ "</svg>";
		String out = SvgGlyphs.outline(svg);
		assertThat(out).doesNotContain("<text");
		// 学, 习, & and a bold A: four glyphs, five uses
		assertThat(out.split("<path id='lsg", -1)).hasSize(5);
		assertThat(out.split("<use ", -1)).hasSize(6);
		assertThat(out).contains("<g fill='rgb(1,2,3)' clip-path='url(#c)'><g transform='translate(5.5,20) scale(0.12)'>");
		assertThat(out).contains("<g fill='rgb(0,0,0)' transform='rotate(-90)'><g transform='translate(1,2) scale(0.24)'>");
		assertThat(out).containsPattern("id='lsgb\\d+'");
		ChartMediaTest.parse(out);
	}

	@Test
	void readsAttributesAndStylesAsJFreeSvgWritesThem() {
		assertThat(SvgGlyphs.attributes("x='5.5' y='20' style='fill: rgb(1,2,3); font-size: 12px;' clip-path='url(#c)'"))
			.containsExactly(entry("x", "5.5"), entry("y", "20"), entry("style", "fill: rgb(1,2,3); font-size: 12px;"),
					entry("clip-path", "url(#c)"));
		assertThat(SvgGlyphs.attributes("xlink:href='#a' ='b' data-x = 'c' t='unclosed")).containsExactly(entry("xlink:href", "#a"));
		assertThat(SvgGlyphs.style("fill: rgb(0,0,0); fill-opacity:1.0;font-family: \"X Y\"; font-size: 12px"))
			.containsExactly(entry("fill", "rgb(0,0,0)"), entry("fill-opacity", "1.0"), entry("font-family", "\"X Y\""),
					entry("font-size", "12px"));
		assertThat(SvgGlyphs.style("")).isEmpty();
	}

	@Test
	void leavesWhatIsNotATextElementAsItIs() {
		String svg = "<svg><texture x='1'/><text x='1'>a<b/></text><g>&lt;text</g></svg>";
		assertThat(SvgGlyphs.outline(svg)).isEqualTo(svg);
	}

	@Test
	void roundsNumbersWithoutTrailingZeros() {
		assertThat(SvgGlyphs.number(12.34, 10)).isEqualTo("12.3");
		assertThat(SvgGlyphs.number(-0.06, 10)).isEqualTo("-0.1");
		assertThat(SvgGlyphs.number(3.0, 10)).isEqualTo("3");
		assertThat(SvgGlyphs.number(0.125, 1000)).isEqualTo("0.125");
		assertThat(SvgGlyphs.number(0.1, 1000)).isEqualTo("0.1");
		assertThat(SvgGlyphs.number(-2.05, 1000)).isEqualTo("-2.05");
		assertThat(SvgGlyphs.number(0.0004, 1000)).isEqualTo("0");
	}

}
