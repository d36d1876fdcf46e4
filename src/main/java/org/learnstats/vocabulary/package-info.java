/** The bottom of the flow: the programme's words (kinds, reject reasons, ranks, periods, value formats) with their labels and default targets; no Spring, no JDBC. */
package org.learnstats.vocabulary;
