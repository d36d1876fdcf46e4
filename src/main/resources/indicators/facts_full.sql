-- Full refresh, step 1: the one scan of attendance, reduced to sessions (every date: D filters
-- later through ind_day), and narrow copies of what the indicators read of training, research,
-- units and the roster, and training records by unit and month. Runs on emptied tables.
INSERT INTO ind_att_session (unit_code, session_id, session_date, session_type, duration_hours, n_all, n_present)
SELECT unit_code, session_id, session_date, session_type, duration_hours, COUNT(*),
       SUM(CASE WHEN status IN ('present', 'late') THEN 1 ELSE 0 END)
FROM attendance
GROUP BY unit_code, session_id, session_date, session_type, duration_hours;

INSERT INTO ind_training_fact (unit_code, record_id, person_id, completed_on, credits)
SELECT unit_code, record_id, person_id, completed_on, credits
FROM training;

-- training records by unit and month, for the coverage grid (all dates, like the facts)
INSERT INTO ind_training_month (unit_code, y, m, n)
SELECT unit_code, CAST(EXTRACT(YEAR FROM completed_on) AS INTEGER), CAST(EXTRACT(MONTH FROM completed_on) AS INTEGER),
       COUNT(*)
FROM ind_training_fact
GROUP BY unit_code, CAST(EXTRACT(YEAR FROM completed_on) AS INTEGER), CAST(EXTRACT(MONTH FROM completed_on) AS INTEGER);

INSERT INTO ind_research_fact (unit_code, trip_id, person_id, start_date, end_date, report_submitted)
SELECT unit_code, trip_id, person_id, start_date, end_date, report_submitted
FROM research;

INSERT INTO ind_unit_fact (unit_code, parent_code, unit_type)
SELECT unit_code, parent_code, unit_type
FROM unit;

INSERT INTO ind_person_fact (person_id, unit_code, person_rank, education, birth_date, joined_on, left_on,
                             in_degree_program)
SELECT person_id, unit_code, person_rank, education, birth_date, joined_on, left_on, in_degree_program
FROM person;
