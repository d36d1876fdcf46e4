/** Step 1 of the flow: finds exports in the inbox, decodes them, recognizes their kind from the header and checks every row (spec section 2). */
package org.learnstats.ingest;
