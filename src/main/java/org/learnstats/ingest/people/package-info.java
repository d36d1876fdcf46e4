/** Ingest of the people roster (人员): ranks, education, dates of joining and leaving. */
package org.learnstats.ingest.people;
