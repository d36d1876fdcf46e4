/** Step 3 of the flow: computes every indicator of spec section 3 in the database and writes indicators.csv. */
package org.learnstats.indicators;
