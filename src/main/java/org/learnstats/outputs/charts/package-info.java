/** Step 4 of the flow: charts (PNG and SVG) of indicators and distributions per unit, from the store. */
package org.learnstats.outputs.charts;
