/** Step 3½ of the flow, between indicators and outputs: what every output part reads of the store and the refresh, loaded once per run. */
package org.learnstats.readmodel;
