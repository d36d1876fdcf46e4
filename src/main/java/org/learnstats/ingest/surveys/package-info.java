/** Ingest of questionnaires handed out (问卷发放): the denominators of the response rate. */
package org.learnstats.ingest.surveys;
