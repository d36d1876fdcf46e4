package org.learnstats.store;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.learnstats.ingest.StoreLookups;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The units and surveys of the store, held in memory for the checks (a province has a few
 * thousand units and tens of thousands of surveys), and kept current as files apply more.
 */
final class StoreSnapshot implements StoreLookups {

	private final Map<String, String> parents = new HashMap<>();

	private final Set<String> surveys = new HashSet<>();

	static StoreSnapshot load(DataSource dataSource, boolean withSurveys) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		StoreSnapshot snapshot = new StoreSnapshot();
		jdbc.query("SELECT unit_code, parent_code FROM unit",
				(RowCallbackHandler) (rs) -> snapshot.parents.put(rs.getString(1), rs.getString(2)));
		if (withSurveys) {
			jdbc.query("SELECT unit_code, survey_id FROM survey",
					(RowCallbackHandler) (rs) -> snapshot.surveys.add(surveyKey(rs.getString(1), rs.getString(2))));
		}
		return snapshot;
	}

	@Override
	public boolean unitKnown(String unitCode) {
		return this.parents.containsKey(unitCode);
	}

	@Override
	public String parentOf(String unitCode) {
		return this.parents.get(unitCode);
	}

	@Override
	public boolean surveyKnown(String unitCode, String surveyId) {
		return this.surveys.contains(surveyKey(unitCode, surveyId));
	}

	@Override
	public void unitApplied(String unitCode, String parentCode) {
		this.parents.put(unitCode, parentCode);
	}

	@Override
	public void surveyApplied(String unitCode, String surveyId) {
		this.surveys.add(surveyKey(unitCode, surveyId));
	}

	private static String surveyKey(String unit, String survey) {
		return unit + '\u0001' + survey;
	}

}
