-- Incremental refresh, step 1: the keys of attendance, training and research delivered since the
-- watermark (:wm). Replacements carry the new delivery_id, so they are found too.
INSERT INTO ind_touched_session (unit_code, session_id)
SELECT DISTINCT unit_code, session_id
FROM attendance
WHERE delivery_id > :wm;

INSERT INTO ind_touched_training (unit_code, record_id)
SELECT unit_code, record_id
FROM training
WHERE delivery_id > :wm;

INSERT INTO ind_touched_research (unit_code, trip_id)
SELECT unit_code, trip_id
FROM research
WHERE delivery_id > :wm;
