package org.learnstats.ingest;

/** What the checks need to know of the store: its units and surveys. */
public interface StoreLookups {

	boolean unitKnown(String unitCode);

	/** The parent of a unit of the store, or null for a root or an unknown unit. */
	String parentOf(String unitCode);

	boolean surveyKnown(String unitCode, String surveyId);

	/** Records a unit applied by a file of this run, known to later files. */
	void unitApplied(String unitCode, String parentCode);

	/** Records a survey applied by a file of this run, known to later files. */
	void surveyApplied(String unitCode, String surveyId);

}
