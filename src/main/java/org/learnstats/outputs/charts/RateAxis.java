package org.learnstats.outputs.charts;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Collection;
import java.util.Objects;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;

/**
 * The value axis of a rate's trend, zoomed around the data and the goal so that 88–93 % values
 * do not all sit on the 90 % line: from the lowest of data and goal less a margin, down to a
 * round tick, to the highest plus a margin, up to a round tick and never above 100 %; ticks every
 * 1, 2, 5, 10 or 20 points, at most {@link #MAX_TICKS} steps. An axis that does not start at zero
 * says so in its label ("比率（纵轴自 86% 起）"). Computed in tenths of a percent, so the same data
 * give the same axis on every machine.
 *
 * @param lower the lowest tick, a share (0.86)
 * @param top the highest tick, a share, at most 1
 * @param step the tick step, a share
 */
record RateAxis(double lower, double top, double step) {

	/** At most this many tick steps between the lowest and the highest tick. */
	static final int MAX_TICKS = 6;

	/** Tick steps tried, in tenths of a percent: 1, 2, 5, 10 and 20 points. */
	private static final int[] STEPS = { 10, 20, 50, 100, 200 };

	/** Room above the highest tick, a share of the span, for the line itself (room for point labels is the style's). */
	static final double LINE_ROOM = 0.04;

	/** The axis of some values (nulls ignored) and a goal (null for none). */
	static RateAxis of(Collection<Double> values, Double goal) {
		double lo = Double.MAX_VALUE;
		double hi = -Double.MAX_VALUE;
		for (Double v : values.stream().filter(Objects::nonNull).toList()) {
			lo = Math.min(lo, v);
			hi = Math.max(hi, v);
		}
		if (goal != null) {
			lo = Math.min(lo, goal);
			hi = Math.max(hi, goal);
		}
		if (lo > hi) {
			return new RateAxis(0, 1, 0.2);
		}
		int low = (int) Math.floor(Math.max(0, lo) * 1000 + 1e-6);
		int high = (int) Math.ceil(Math.min(1, hi) * 1000 - 1e-6);
		for (int step : STEPS) {
			int margin = Math.max(10, step / 2);
			int lower = Math.max(0, Math.floorDiv(low - margin, step) * step);
			int top = Math.min(1000, ceilDiv(high + 10, step) * step);
			if ((top - lower) / step <= MAX_TICKS) {
				return new RateAxis(lower / 1000.0, top / 1000.0, step / 1000.0);
			}
		}
		return new RateAxis(0, 1, 0.2);
	}

	/** Whether the axis starts above zero. */
	boolean zoomed() {
		return this.lower > 0;
	}

	/** The axis label: {@code label} alone, or "（纵轴自 86% 起）" after it when the axis does not start at zero. */
	String label(String label) {
		return zoomed() ? label + "（纵轴自 " + percent(this.lower) + " 起）" : label;
	}

	/** A JFreeChart axis of these bounds, with {@code room} (a share of the span) above the top for the line or its point labels. */
	NumberAxis axis(String label, double room) {
		NumberAxis axis = new NumberAxis(label(label));
		axis.setAutoRangeIncludesZero(false);
		room = (this.top - this.lower) * room;
		axis.setRange(this.lower, this.top + room);
		axis.setTickUnit(new NumberTickUnit(this.step, new UpToOne()));
		return axis;
	}

	private static int ceilDiv(int a, int b) {
		return -Math.floorDiv(-a, b);
	}

	private static String percent(double share) {
		return Math.round(share * 100) + "%";
	}

	/** Whole percents, blank above 100 % (no rate exceeds it; the room above is for labels). */
	private static final class UpToOne extends NumberFormat {

		@Override
		public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
			return (number > 1 + 1e-9) ? to : to.append(percent(number));
		}

		@Override
		public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
			return format((double) number, to, pos);
		}

		@Override
		public Number parse(String source, ParsePosition pos) {
			throw new UnsupportedOperationException();
		}

	}

}
