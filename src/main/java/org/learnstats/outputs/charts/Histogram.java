package org.learnstats.outputs.charts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.learnstats.vocabulary.Rank;

/**
 * How many people of a unit's subtree fall in each bucket of a yearly quantity (credits, research
 * days), one group per target: the dataset of a distribution chart. Bucket {@code i} holds values
 * in {@code [i × binWidth, (i + 1) × binWidth)}; the last bucket is open-ended and holds everything
 * from {@link #openFrom()} up.
 *
 * @param quantity what is counted
 * @param through the last day counted: the quantity is summed from 1 January of its year up to it
 * @param binWidth the width of a bucket
 * @param groups one group per rank with a positive target, highest rank first
 */
public record Histogram(Quantity quantity, LocalDate through, double binWidth, List<Group> groups) {

	public Histogram {
		groups = List.copyOf(groups);
	}

	/** The yearly quantities charted, with their Chinese words. */
	public enum Quantity {

		CREDITS("学分", "分"), RESEARCH_DAYS("调研天数", "天");

		private final String noun;

		private final String unit;

		Quantity(String noun, String unit) {
			this.noun = noun;
			this.unit = unit;
		}

		/** e.g. "学分". */
		public String noun() {
			return this.noun;
		}

		/** e.g. "分". */
		public String unit() {
			return this.unit;
		}

	}

	/**
	 * The people of one rank: one group per rank, never ranks merged, so a rank keeps its colour
	 * ({@link ChartTheme#rank}) in every chart.
	 *
	 * @param rank who they are
	 * @param target their yearly target
	 * @param counts people per bucket
	 */
	public record Group(Rank rank, BigDecimal target, long[] counts) {

		public Group {
			counts = counts.clone();
		}

		/** The rank's Chinese name, e.g. "厅级". */
		public String label() {
			return this.rank.chinese();
		}

		@Override
		public long[] counts() {
			return this.counts.clone();
		}

		public long total() {
			return Arrays.stream(this.counts).sum();
		}

		@Override
		public boolean equals(Object o) {
			return (o instanceof Group g) && this.rank == g.rank && this.target.compareTo(g.target) == 0
					&& Arrays.equals(this.counts, g.counts);
		}

		@Override
		public int hashCode() {
			return this.rank.hashCode() * 31 + Arrays.hashCode(this.counts);
		}

		@Override
		public String toString() {
			return "Group[" + this.rank.code() + ", target=" + this.target + ", counts=" + Arrays.toString(this.counts) + "]";
		}

	}

	/** The year the quantity is summed over. */
	public int year() {
		return this.through.getYear();
	}

	public int buckets() {
		return this.groups.isEmpty() ? 0 : this.groups.get(0).counts.length;
	}

	/** Where the open-ended last bucket starts. */
	public double openFrom() {
		return this.binWidth * (buckets() - 1);
	}

	public long total() {
		return this.groups.stream().mapToLong(Group::total).sum();
	}

	/** The most people in one bucket, all groups stacked. */
	public long tallestBar() {
		long tallest = 0;
		for (int b = 0; b < buckets(); b++) {
			long stack = 0;
			for (Group g : this.groups) {
				stack += g.counts[b];
			}
			tallest = Math.max(tallest, stack);
		}
		return tallest;
	}

	public boolean isEmpty() {
		return total() == 0;
	}

}
