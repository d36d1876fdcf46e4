/** Step 4 of the flow, outputs: wide tables (units × periods) of every indicator as CSV and XLSX, and spreadsheet-safe text. */
package org.learnstats.outputs.tables;
