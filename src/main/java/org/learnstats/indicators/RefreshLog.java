package org.learnstats.indicators;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.learnstats.indicators.IndicatorRefresher.Outcome;

/** The one log line that says what a refresh did and why. */
final class RefreshLog {

	/** Why a period is recomputed, in the order the log names them. */
	private static final Map<Character, String> WHY = whyNames();

	private RefreshLog() {
	}

	static String describe(LocalDate asOf, Outcome o) {
		StringBuilder line = new StringBuilder("Indicators as of ").append(asOf).append(": ");
		if (o.full()) {
			line.append("full (").append(o.reason()).append("), ").append(o.periods()).append(" periods");
		}
		else {
			line.append("incremental, ").append(o.recomputed()).append(" of ").append(o.periods()).append(" periods");
			List<String> parts = new ArrayList<>();
			WHY.forEach((code, name) -> {
				Integer n = o.why().get(code);
				if (n != null && n > 0) {
					parts.add(n + " " + name);
				}
			});
			if (!parts.isEmpty()) {
				line.append(" (").append(String.join(", ", parts)).append(')');
			}
		}
		if (!o.full()) {
			line.append(String.format(Locale.ROOT, ", %,d of %,d rows", o.rows(), o.total()));
		}
		else {
			line.append(String.format(Locale.ROOT, ", %,d rows", o.rows()));
		}
		return line.append(" in ").append(o.millis()).append(" ms").toString();
	}

	private static Map<Character, String> whyNames() {
		Map<Character, String> names = new LinkedHashMap<>();
		names.put('N', "new");
		names.put('C', "open or changed in the calendar");
		names.put('D', "with new data");
		names.put('R', "after a recomputed year");
		names.put('X', "dropped");
		return names;
	}

}
