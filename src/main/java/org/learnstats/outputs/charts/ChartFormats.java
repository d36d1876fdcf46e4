package org.learnstats.outputs.charts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.indicators.IndicatorDefinition.Type;
import org.learnstats.indicators.IndicatorNumbers;

/** The number formats and name cuts of every chart, rounded half up like the values of indicators.csv. */
final class ChartFormats {

	/** Unit names in rankings are cut to this many characters. */
	static final int MAX_NAME = 16;

	private ChartFormats() {
	}

	static NumberFormat valueFormat(IndicatorDefinition def) {
		return switch (def.type()) {
			case RATE -> decimalFormat("0.0%");
			case MEAN -> decimalFormat("0.0");
			case COUNT -> integerFormat();
		};
	}

	/** Point labels: "61%", "62.5%", "4.2", "12". */
	static NumberFormat labelFormat(IndicatorDefinition def) {
		return (def.type() == Type.RATE) ? decimalFormat("0.#%") : valueFormat(def);
	}

	/** A goal as readers write it: "90%", "4.0", "0". */
	static String goalText(IndicatorDefinition def) {
		return labelFormat(def).format(def.goal().doubleValue());
	}

	static NumberFormat integerFormat() {
		return decimalFormat("0");
	}

	/** Rounded half up, like the values of indicators.csv. */
	static NumberFormat decimalFormat(String pattern) {
		DecimalFormat f = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
		f.setRoundingMode(RoundingMode.HALF_UP);
		return f;
	}

	static String plain(BigDecimal d) {
		return IndicatorNumbers.plain(d);
	}

	/** A unit name cut to {@link #MAX_NAME} characters, the last of them "…". */
	static String shorten(String name) {
		return (name.codePointCount(0, name.length()) <= MAX_NAME) ? name
				: name.substring(0, name.offsetByCodePoints(0, MAX_NAME - 1)) + "…";
	}

	/** Tick labels of a histogram axis: plain numbers, "≥n" at the open bucket, nothing beyond. */
	static NumberFormat openEndedFormat(double openFrom) {
		DecimalFormat plain = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
		return new NumberFormat() {
			@Override
			public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
				if (number > openFrom + 1e-9) {
					return to;
				}
				if (openFrom > 0 && Math.abs(number - openFrom) < 1e-9) {
					to.append('≥');
				}
				return plain.format(number, to, pos);
			}

			@Override
			public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
				return format((double) number, to, pos);
			}

			@Override
			public Number parse(String source, ParsePosition pos) {
				return plain.parse(source, pos);
			}
		};
	}

}
