/** Step 4 of the flow: the one chart factory (screen and print styles, PNG and SVG), and the charts of indicators and distributions per unit, from the store. */
package org.learnstats.outputs.charts;
