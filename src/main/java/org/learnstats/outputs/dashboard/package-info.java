/** Step 4 of the flow, outputs: the offline static dashboard (index.html, one page per unit, data-quality.html). */
package org.learnstats.outputs.dashboard;
