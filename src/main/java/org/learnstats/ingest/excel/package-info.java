/**
 * Reading Excel workbooks (.xlsx streamed, .xls with HSSF) as rows of cell text, with nothing
 * of exports in it: {@code ingest} turns each sheet into an export. Depends on Apache POI only.
 */
package org.learnstats.ingest.excel;
