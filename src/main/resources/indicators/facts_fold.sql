-- Incremental refresh, step 2: each touched key is deleted from the facts and read again from the
-- store; the dates of its old and of its new rows are recorded as dirty (ind_dirty_span).
-- Reads ind_touched_*, attendance, training, research; writes ind_att_session, ind_training_fact,
-- ind_training_month, ind_research_fact, ind_dirty_span.

-- attendance: the sessions of a touched (unit_code, session_id), old and new
INSERT INTO ind_dirty_span (kind, d1, d2)
SELECT DISTINCT 'A', s.session_date, s.session_date
FROM ind_touched_session t
JOIN ind_att_session s ON s.unit_code = t.unit_code AND s.session_id = t.session_id;

DELETE FROM ind_att_session
WHERE EXISTS (SELECT 1 FROM ind_touched_session t
              WHERE t.unit_code = ind_att_session.unit_code AND t.session_id = ind_att_session.session_id);

INSERT INTO ind_att_session (unit_code, session_id, session_date, session_type, duration_hours, n_all, n_present)
SELECT a.unit_code, a.session_id, a.session_date, a.session_type, a.duration_hours, COUNT(*),
       SUM(CASE WHEN a.status IN ('present', 'late') THEN 1 ELSE 0 END)
FROM ind_touched_session t
JOIN attendance a ON a.unit_code = t.unit_code AND a.session_id = t.session_id
GROUP BY a.unit_code, a.session_id, a.session_date, a.session_type, a.duration_hours;

INSERT INTO ind_dirty_span (kind, d1, d2)
SELECT DISTINCT 'A', s.session_date, s.session_date
FROM ind_touched_session t
JOIN ind_att_session s ON s.unit_code = t.unit_code AND s.session_id = t.session_id;

-- training: a replacement may move a record to another person or month
INSERT INTO ind_dirty_span (kind, d1, d2)
SELECT DISTINCT 'T', f.completed_on, f.completed_on
FROM ind_touched_training t
JOIN ind_training_fact f ON f.unit_code = t.unit_code AND f.record_id = t.record_id;

DELETE FROM ind_training_fact
WHERE EXISTS (SELECT 1 FROM ind_touched_training t
              WHERE t.unit_code = ind_training_fact.unit_code AND t.record_id = ind_training_fact.record_id);

INSERT INTO ind_training_fact (unit_code, record_id, person_id, completed_on, credits)
SELECT r.unit_code, r.record_id, r.person_id, r.completed_on, r.credits
FROM ind_touched_training t
JOIN training r ON r.unit_code = t.unit_code AND r.record_id = t.record_id;

INSERT INTO ind_dirty_span (kind, d1, d2)
SELECT DISTINCT 'T', f.completed_on, f.completed_on
FROM ind_touched_training t
JOIN ind_training_fact f ON f.unit_code = t.unit_code AND f.record_id = t.record_id;

-- training records by unit and month, redone for the months of the touched records (old and new
-- dates). The INSERT runs once per such month (RefreshSql.fold: :y, :m, and the month's first day
-- and the next month's, :first_day and :next_first), so the planner sees the real bounds and reads
-- the month by the completion date index; no touched month, nothing read.
DELETE FROM ind_training_month
WHERE EXISTS (SELECT 1 FROM ind_dirty_span s
              WHERE s.kind = 'T' AND CAST(EXTRACT(YEAR FROM s.d1) AS INTEGER) = ind_training_month.y
                  AND CAST(EXTRACT(MONTH FROM s.d1) AS INTEGER) = ind_training_month.m);

INSERT INTO ind_training_month (unit_code, y, m, n)
SELECT f.unit_code, :y, :m, COUNT(*)
FROM ind_training_fact f
WHERE f.completed_on >= :first_day AND f.completed_on < :next_first
GROUP BY f.unit_code;

-- research: the spans of the old and of the new trip
INSERT INTO ind_dirty_span (kind, d1, d2)
SELECT DISTINCT 'R', f.start_date, f.end_date
FROM ind_touched_research t
JOIN ind_research_fact f ON f.unit_code = t.unit_code AND f.trip_id = t.trip_id;

DELETE FROM ind_research_fact
WHERE EXISTS (SELECT 1 FROM ind_touched_research t
              WHERE t.unit_code = ind_research_fact.unit_code AND t.trip_id = ind_research_fact.trip_id);

INSERT INTO ind_research_fact (unit_code, trip_id, person_id, start_date, end_date, report_submitted)
SELECT r.unit_code, r.trip_id, r.person_id, r.start_date, r.end_date, r.report_submitted
FROM ind_touched_research t
JOIN research r ON r.unit_code = t.unit_code AND r.trip_id = t.trip_id;

INSERT INTO ind_dirty_span (kind, d1, d2)
SELECT DISTINCT 'R', f.start_date, f.end_date
FROM ind_touched_research t
JOIN ind_research_fact f ON f.unit_code = t.unit_code AND f.trip_id = t.trip_id;
