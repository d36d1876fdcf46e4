/** Ingest of questionnaire answers (问卷答卷): scores and suggestions. */
package org.learnstats.ingest.responses;
