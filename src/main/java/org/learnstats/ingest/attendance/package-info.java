/** Ingest of study sessions and sign-in (学习考勤): the largest export by far. */
package org.learnstats.ingest.attendance;
