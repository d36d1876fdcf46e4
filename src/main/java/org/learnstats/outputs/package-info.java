/** Step 4 of the flow: everything a run writes for its readers, built aside and published atomically. */
package org.learnstats.outputs;
