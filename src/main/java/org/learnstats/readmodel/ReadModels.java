package org.learnstats.readmodel;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Makes the {@link ReadModel} of a run: the one reader of the store and of the indicator
 * refresh's results that the output parts share. Make one per run (or per pack command) and
 * hand it to every part, so what they share is read once.
 */
@Component
public class ReadModels {

	private final DataSource dataSource;

	public ReadModels(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** A reader of the store as it is now; it keeps what it read for its lifetime. */
	public ReadModel open() {
		return new ReadModel(this.dataSource);
	}

}
