package org.learnstats.outputs.charts;

/**
 * The education of the people of a unit's subtree active on the as-of date: the dataset of the
 * degree-structure chart.
 */
public record EducationShares(long postgraduate, long bachelor, long college, long secondary) {

	/** Chinese labels, in the order of the components. */
	public static final String[] LABELS = { "研究生", "本科", "大专", "中专及以下" };

	public long total() {
		return this.postgraduate + this.bachelor + this.college + this.secondary;
	}

	public boolean isEmpty() {
		return total() == 0;
	}

	long[] counts() {
		return new long[] { this.postgraduate, this.bachelor, this.college, this.secondary };
	}

	EducationShares plus(EducationShares o) {
		return new EducationShares(this.postgraduate + o.postgraduate, this.bachelor + o.bachelor,
				this.college + o.college, this.secondary + o.secondary);
	}

}
