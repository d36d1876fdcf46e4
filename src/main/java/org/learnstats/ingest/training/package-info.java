/** Ingest of training records (学习培训): the credits counted against yearly targets. */
package org.learnstats.ingest.training;
