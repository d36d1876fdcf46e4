package org.learnstats.outputs.dashboard;

import org.learnstats.outputs.OutputFailures;

/** The banner on top of every page when a part of tonight's outputs could not be rebuilt. */
final class Banner {

	private Banner() {
	}

	static String of(OutputFailures failures) {
		if (failures.isEmpty()) {
			return "";
		}
		StringBuilder out = new StringBuilder("<div class=\"banner\" role=\"alert\"><p><b>部分内容本次未能重建，显示的是上一次运行的结果。"
				+ "Some outputs could not be rebuilt tonight; the previous night's files are shown:</b></p><ul>");
		for (OutputFailures.Failure f : failures.list()) {
			out.append("<li>").append(Html.esc(f.part())).append(" <span class=\"note\">")
				.append(Html.esc(f.cause())).append("</span></li>");
		}
		return out.append("</ul></div>\n").toString();
	}

}
