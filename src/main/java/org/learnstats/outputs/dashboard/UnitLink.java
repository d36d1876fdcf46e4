package org.learnstats.outputs.dashboard;

import org.learnstats.outputs.UnitKey;
import org.learnstats.store.UnitForest.Unit;

/**
 * A link to a unit's page: its file name percent-encoded (relative to {@code units/}) and the
 * unit's name, both plain text for the templates to escape.
 */
record UnitLink(String href, String name) {

	static UnitLink of(Unit unit) {
		return new UnitLink(Html.href(UnitKey.of(unit.code()) + ".html"), unit.name());
	}

}
