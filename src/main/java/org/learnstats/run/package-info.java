/** Step 5 of the flow: the job wiring, the command line, locking and everything an operator sees. */
package org.learnstats.run;
