package org.learnstats.outputs.dashboard;

import org.learnstats.vocabulary.Kind;
import org.learnstats.vocabulary.ReasonLabel;

/** The Chinese words the pages show for the codes of the store, from the programme's vocabulary. */
final class Labels {

	private Labels() {
	}

	static String unitType(String type) {
		if (type == null) {
			return "";
		}
		return switch (type) {
			case "committee" -> "党委（党组）";
			case "branch" -> "党支部";
			case "office" -> "其他单位";
			default -> type;
		};
	}

	static String reason(String code) {
		return ReasonLabel.chinese(code);
	}

	static String kind(String kind) {
		return Kind.chinese(kind);
	}

}
