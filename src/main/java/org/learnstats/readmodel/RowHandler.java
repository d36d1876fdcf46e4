package org.learnstats.readmodel;

import java.io.IOException;

/** Takes the rows of a listing one by one, as the store returns them (each cell as JDBC reads it). */
@FunctionalInterface
public interface RowHandler {

	void row(Object[] cells) throws IOException;

}
