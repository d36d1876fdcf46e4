/** Ingest of field research trips (调查研究): research days and reports. */
package org.learnstats.ingest.research;
