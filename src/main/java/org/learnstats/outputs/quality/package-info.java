/** Outputs: data-quality/, the reject ledger and accounting of the run's deliveries, for the people who fix exports. */
package org.learnstats.outputs.quality;
