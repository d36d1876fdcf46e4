package org.learnstats.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An in-memory store and sink for checking files without a database. */
final class MemoryStore implements StoreLookups, RowSink {

	record Applied(long line, Object[] row, CheckedRow checked) {
	}

	record Rejected(long line, String unit, Reason reason, String detail, String raw, String english) {
	}

	final Map<String, String> units = new HashMap<>();

	final Set<String> surveys = new HashSet<>();

	final List<Applied> applied = new ArrayList<>();

	final List<Rejected> rejected = new ArrayList<>();

	MemoryStore unit(String code, String parent) {
		this.units.put(code, parent);
		return this;
	}

	MemoryStore survey(String unit, String survey) {
		this.surveys.add(unit + "/" + survey);
		return this;
	}

	@Override
	public boolean unitKnown(String unitCode) {
		return this.units.containsKey(unitCode);
	}

	@Override
	public String parentOf(String unitCode) {
		return this.units.get(unitCode);
	}

	@Override
	public boolean surveyKnown(String unitCode, String surveyId) {
		return this.surveys.contains(unitCode + "/" + surveyId);
	}

	@Override
	public void unitApplied(String unitCode, String parentCode) {
		this.units.put(unitCode, parentCode);
	}

	@Override
	public void surveyApplied(String unitCode, String surveyId) {
		this.surveys.add(unitCode + "/" + surveyId);
	}

	@Override
	public void apply(Object[] storeRow, CheckedRow row) {
		this.applied.add(new Applied(row.line(), storeRow, row));
	}

	@Override
	public void reject(long line, String unitCode, Rejection rejection, String raw) {
		this.rejected.add(new Rejected(line, unitCode, rejection.reason(), rejection.detail(), raw, rejection.english()));
	}

	Reason reasonAt(long line) {
		return this.rejected.stream().filter((r) -> r.line() == line).map(Rejected::reason).findFirst().orElse(null);
	}

}
