-- The incremental indicator refresh finds the rows delivered since its last run by delivery_id.
-- BRIN, not B-tree: rows arrive in delivery order at the end of the heap, so a block-range summary
-- finds the night's rows at almost no cost to ingest (no per-row index entry on the 19M-row table).
-- autosummarize: autovacuum summarizes each filled range; the refresh also summarizes the new
-- ranges itself (brin_summarize_new_values), for servers where autovacuum is off.
CREATE INDEX attendance_delivery_brin ON attendance USING brin (delivery_id) WITH (autosummarize = on);
CREATE INDEX training_delivery_brin ON training USING brin (delivery_id) WITH (autosummarize = on);
CREATE INDEX research_delivery_brin ON research USING brin (delivery_id) WITH (autosummarize = on);
