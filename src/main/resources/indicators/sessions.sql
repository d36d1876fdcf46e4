-- Step 1: the one scan of attendance, reduced to sessions (dated up to D).
INSERT INTO ind_att_session (unit_code, session_id, session_date, session_type, duration_hours, n_all, n_present)
SELECT unit_code, session_id, session_date, session_type, duration_hours, COUNT(*),
       SUM(CASE WHEN status IN ('present', 'late') THEN 1 ELSE 0 END)
FROM attendance
WHERE session_date <= :asOf
GROUP BY unit_code, session_id, session_date, session_type, duration_hours;
