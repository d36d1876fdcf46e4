package org.learnstats.outputs.tables;

import org.learnstats.vocabulary.Granularity;

/**
 * Where the wide tables lie in a run's output folder, for every reader that links to them
 * (dashboard, pack): {@code tables/<indicator>-monthly.csv} (and {@code -quarterly},
 * {@code -yearly}) and one workbook {@code tables/<indicator>.xlsx} with a sheet per granularity.
 */
public final class TableFiles {

	public static final String DIR = "tables";

	private TableFiles() {
	}

	/** The CSV of one indicator and granularity, relative to the output folder. */
	public static String csv(String indicator, char granularity) {
		return DIR + "/" + indicator + "-" + suffix(granularity) + ".csv";
	}

	/** The workbook of one indicator, relative to the output folder. */
	public static String xlsx(String indicator) {
		return DIR + "/" + indicator + ".xlsx";
	}

	/** The Chinese name of a granularity: 月度, 季度, 年度 (also the workbook's sheet names). */
	public static String granularityLabel(char granularity) {
		return Granularity.of(granularity).adjective();
	}

	private static String suffix(char granularity) {
		return Granularity.of(granularity).english();
	}

}
