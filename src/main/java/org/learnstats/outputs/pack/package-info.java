/** Step 4 of the flow, last part: the quarterly metric pack (PDF + ZIP) for leadership, built once per closed quarter. */
package org.learnstats.outputs.pack;
