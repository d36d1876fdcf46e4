-- Step 2: every indicator of spec section 3, as each unit's own numerator and denominator
-- (ind_own), then rolled up over the subtree closure into indicator_value (rollup.sql).
-- Only the dirty months (ind_dirty_month), years (ind_dirty_year) and periods (ind_dirty_period)
-- are deleted and recomputed; a full refresh marks everything dirty. Runs after the facts
-- (ind_att_session, ind_training_fact, ind_research_fact), the calendar (ind_period,
-- ind_period_month, ind_period_ytd, ind_day), the closure, the rank targets and surveys.sql.
-- ind_day ends at D, so joining on it also drops later events.
-- Parameters: :asOf, :minSessions, :minHours, :minDays. Portable SQL (H2 and PostgreSQL).

DELETE FROM ind_own WHERE period IN (SELECT period FROM ind_dirty_period);

DELETE FROM ind_unit_count WHERE period IN (SELECT period FROM ind_dirty_period);

-- attendance by (unit, month, type)
DELETE FROM ind_att_month WHERE ym IN (SELECT ym FROM ind_dirty_month);

INSERT INTO ind_att_month (unit_code, ym, session_type, n_all, n_present)
SELECT s.unit_code, c.ym, s.session_type, SUM(s.n_all), SUM(s.n_present)
FROM ind_dirty_month m
JOIN ind_day c ON c.ym = m.ym
JOIN ind_att_session s ON s.session_date = c.d
GROUP BY s.unit_code, c.ym, s.session_type;

INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT pm.period, a.unit_code, 'attendance_rate', SUM(a.n_present), SUM(a.n_all)
FROM ind_dirty_period dp
JOIN ind_period_month pm ON pm.period = dp.period
JOIN ind_att_month a ON a.ym = pm.ym
GROUP BY pm.period, a.unit_code;

INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT pm.period, a.unit_code, 'attendance_rate.' || a.session_type, SUM(a.n_present), SUM(a.n_all)
FROM ind_dirty_period dp
JOIN ind_period_month pm ON pm.period = dp.period
JOIN ind_att_month a ON a.ym = pm.ym
WHERE a.session_type IN ('central_group', 'branch_study', 'study_day', 'lecture', 'other')
GROUP BY pm.period, a.unit_code, a.session_type;

-- central_group_compliance: every committee, every quarter
INSERT INTO ind_unit_count (indicator, period, unit_code, cnt)
SELECT 'central_group_compliance', pm.period, s.unit_code, COUNT(DISTINCT s.session_id)
FROM ind_dirty_period dp
JOIN ind_period_month pm ON pm.period = dp.period AND pm.granularity = 'Q'
JOIN ind_day c ON c.ym = pm.ym
JOIN ind_att_session s ON s.session_date = c.d
WHERE s.session_type = 'central_group' AND s.duration_hours >= :minHours
GROUP BY pm.period, s.unit_code;

INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT p.period, u.unit_code, 'central_group_compliance',
       CASE WHEN x.cnt >= :minSessions THEN 1 ELSE 0 END, 1
FROM ind_dirty_period dp
JOIN ind_period p ON p.period = dp.period
CROSS JOIN unit u
LEFT JOIN ind_unit_count x ON x.indicator = 'central_group_compliance' AND x.period = p.period
    AND x.unit_code = u.unit_code
WHERE u.unit_type = 'committee' AND p.granularity = 'Q';

-- branch_study_compliance: every branch, every month
INSERT INTO ind_unit_count (indicator, period, unit_code, cnt)
SELECT 'branch_study_compliance', pm.period, s.unit_code, COUNT(DISTINCT s.session_date)
FROM ind_dirty_period dp
JOIN ind_period_month pm ON pm.period = dp.period AND pm.granularity = 'M'
JOIN ind_day c ON c.ym = pm.ym
JOIN ind_att_session s ON s.session_date = c.d
WHERE s.session_type = 'branch_study'
GROUP BY pm.period, s.unit_code;

INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT p.period, u.unit_code, 'branch_study_compliance',
       CASE WHEN x.cnt >= :minDays THEN 1 ELSE 0 END, 1
FROM ind_dirty_period dp
JOIN ind_period p ON p.period = dp.period
CROSS JOIN unit u
LEFT JOIN ind_unit_count x ON x.indicator = 'branch_study_compliance' AND x.period = p.period
    AND x.unit_code = u.unit_code
WHERE u.unit_type = 'branch' AND p.granularity = 'M';

-- attendance_reporting_rate: every committee and branch, every month
INSERT INTO ind_unit_count (indicator, period, unit_code, cnt)
SELECT 'attendance_reporting_rate', pm.period, a.unit_code, SUM(a.n_all)
FROM ind_dirty_period dp
JOIN ind_period_month pm ON pm.period = dp.period AND pm.granularity = 'M'
JOIN ind_att_month a ON a.ym = pm.ym
GROUP BY pm.period, a.unit_code;

INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT p.period, u.unit_code, 'attendance_reporting_rate',
       CASE WHEN x.cnt > 0 THEN 1 ELSE 0 END, 1
FROM ind_dirty_period dp
JOIN ind_period p ON p.period = dp.period
CROSS JOIN unit u
LEFT JOIN ind_unit_count x ON x.indicator = 'attendance_reporting_rate' AND x.period = p.period
    AND x.unit_code = u.unit_code
WHERE u.unit_type IN ('committee', 'branch') AND p.granularity = 'M';

-- credits of roster people (whatever unit reported them), by month and year to date
DELETE FROM ind_credit_month WHERE ym IN (SELECT ym FROM ind_dirty_month);

INSERT INTO ind_credit_month (person_id, ym, credits)
SELECT t.person_id, c.ym, SUM(t.credits)
FROM ind_dirty_month m
JOIN ind_day c ON c.ym = m.ym
JOIN ind_training_fact t ON t.completed_on = c.d
JOIN person pe ON pe.person_id = t.person_id
GROUP BY t.person_id, c.ym;

DELETE FROM ind_credit_period WHERE period IN (SELECT period FROM ind_dirty_period);

INSERT INTO ind_credit_period (period, person_id, credits)
SELECT y.period, m.person_id, SUM(m.credits)
FROM ind_dirty_period dp
JOIN ind_period_ytd y ON y.period = dp.period AND y.granularity = 'Q'
JOIN ind_credit_month m ON m.ym = y.ym
GROUP BY y.period, m.person_id;

-- a year to date is its last reported quarter to date (same end: D or 31 December), which is
-- current here whether it was just redone or is clean
INSERT INTO ind_credit_period (period, person_id, credits)
SELECT p.period, cp.person_id, cp.credits
FROM ind_dirty_period dp
JOIN ind_period p ON p.period = dp.period AND p.granularity = 'Y'
JOIN ind_period q ON q.granularity = 'Q' AND q.yr = p.yr AND q.end_date = p.end_date
JOIN ind_credit_period cp ON cp.period = q.period;

DELETE FROM ind_person_credit WHERE period IN (SELECT period FROM ind_dirty_period);

INSERT INTO ind_person_credit (period, granularity, qn, person_id, unit_code, target, credits)
SELECT p.period, p.granularity, p.qn, pe.person_id, pe.unit_code, t.credits, COALESCE(cp.credits, 0)
FROM ind_dirty_period dp
JOIN ind_period p ON p.period = dp.period
JOIN person pe ON (pe.joined_on IS NULL OR pe.joined_on <= p.end_date)
    AND (pe.left_on IS NULL OR pe.left_on > p.end_date)
JOIN ind_rank_target t ON t.person_rank = pe.person_rank
LEFT JOIN ind_credit_period cp ON cp.period = p.period AND cp.person_id = pe.person_id
WHERE p.granularity IN ('Q', 'Y') AND t.credits > 0;

INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT pc.period, pc.unit_code, 'credit_completion_rate',
       SUM(CASE WHEN pc.credits >= pc.target THEN 1 ELSE 0 END), COUNT(*)
FROM ind_dirty_period dp
JOIN ind_person_credit pc ON pc.period = dp.period
WHERE pc.granularity = 'Y'
GROUP BY pc.period, pc.unit_code;

INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT pc.period, pc.unit_code, 'credit_on_track_rate',
       SUM(CASE WHEN pc.credits * 4 >= pc.target * pc.qn THEN 1 ELSE 0 END), COUNT(*)
FROM ind_dirty_period dp
JOIN ind_person_credit pc ON pc.period = dp.period
WHERE pc.granularity = 'Q'
GROUP BY pc.period, pc.unit_code;

INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT pc.period, pc.unit_code, 'avg_credits', SUM(pc.credits), COUNT(*)
FROM ind_dirty_period dp
JOIN ind_person_credit pc ON pc.period = dp.period
GROUP BY pc.period, pc.unit_code;

-- remedial_count: closed years whose previous year is reported, zero for every unit
INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT p.period, u.unit_code, 'remedial_count', 0, CAST(NULL AS NUMERIC(38,18))
FROM ind_dirty_period dp
JOIN ind_period p ON p.period = dp.period
CROSS JOIN unit u
WHERE p.granularity = 'Y' AND p.closed AND p.prev_period IS NOT NULL;

INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT p.period, a.unit_code, 'remedial_count', COUNT(*), CAST(NULL AS NUMERIC(38,18))
FROM ind_dirty_period dp
JOIN ind_period p ON p.period = dp.period
JOIN ind_person_credit a ON a.period = p.period
JOIN ind_person_credit b ON b.period = p.prev_period AND b.person_id = a.person_id
WHERE p.granularity = 'Y' AND p.closed AND p.prev_period IS NOT NULL
    AND a.credits < a.target AND b.credits < b.target
GROUP BY p.period, a.unit_code;

-- the active population: degrees, age, degree programmes
DELETE FROM ind_pop WHERE period IN (SELECT period FROM ind_dirty_period);

INSERT INTO ind_pop (period, unit_code, n_all, n_bachelor, n_college, n_young_secondary, n_degree_program)
SELECT p.period, pe.unit_code, COUNT(*),
       SUM(CASE WHEN pe.education IN ('postgraduate', 'bachelor') THEN 1 ELSE 0 END),
       SUM(CASE WHEN pe.education IN ('postgraduate', 'bachelor', 'college') THEN 1 ELSE 0 END),
       SUM(CASE WHEN pe.education = 'secondary' AND pe.birth_date > p.age_cutoff THEN 1 ELSE 0 END),
       SUM(CASE WHEN pe.in_degree_program THEN 1 ELSE 0 END)
FROM ind_dirty_period dp
JOIN ind_period p ON p.period = dp.period
JOIN person pe ON (pe.joined_on IS NULL OR pe.joined_on <= p.end_date)
    AND (pe.left_on IS NULL OR pe.left_on > p.end_date)
WHERE p.granularity IN ('Q', 'Y')
GROUP BY p.period, pe.unit_code;

INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT x.period, x.unit_code, 'bachelor_rate', x.n_bachelor, x.n_all
FROM ind_dirty_period dp JOIN ind_pop x ON x.period = dp.period;

INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT x.period, x.unit_code, 'college_rate', x.n_college, x.n_all
FROM ind_dirty_period dp JOIN ind_pop x ON x.period = dp.period;

INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT x.period, x.unit_code, 'under_age_limit_without_college', x.n_young_secondary, CAST(NULL AS NUMERIC(38,18))
FROM ind_dirty_period dp JOIN ind_pop x ON x.period = dp.period;

INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT x.period, x.unit_code, 'degree_program_count', x.n_degree_program, CAST(NULL AS NUMERIC(38,18))
FROM ind_dirty_period dp JOIN ind_pop x ON x.period = dp.period;

-- research: distinct days of roster people with a research target, per year, up to D
DELETE FROM ind_research_year WHERE yr IN (SELECT yr FROM ind_dirty_year);

INSERT INTO ind_research_year (person_id, yr, days)
SELECT r.person_id, c.yr, COUNT(DISTINCT c.d)
FROM ind_dirty_year y
JOIN ind_research_fact r ON r.end_date >= y.first_day AND r.start_date <= y.last_day
JOIN person pe ON pe.person_id = r.person_id
JOIN ind_rank_target t ON t.person_rank = pe.person_rank AND t.research_days > 0
JOIN ind_day c ON c.d >= r.start_date AND c.d <= r.end_date AND c.yr = y.yr
GROUP BY r.person_id, c.yr;

DELETE FROM ind_research_report WHERE yr IN (SELECT yr FROM ind_dirty_year);

INSERT INTO ind_research_report (person_id, yr, reports)
SELECT r.person_id, c.yr, COUNT(*)
FROM ind_dirty_year y
JOIN ind_research_fact r ON r.start_date >= y.first_day AND r.start_date <= y.last_day
JOIN person pe ON pe.person_id = r.person_id
JOIN ind_day c ON c.d = r.start_date
WHERE r.report_submitted
GROUP BY r.person_id, c.yr;

DELETE FROM ind_person_research WHERE period IN (SELECT period FROM ind_dirty_period);

INSERT INTO ind_person_research (period, person_id, unit_code, target, days, reports)
SELECT p.period, pe.person_id, pe.unit_code, t.research_days, COALESCE(ry.days, 0), COALESCE(rr.reports, 0)
FROM ind_dirty_period dp
JOIN ind_period p ON p.period = dp.period
JOIN person pe ON (pe.joined_on IS NULL OR pe.joined_on <= p.end_date)
    AND (pe.left_on IS NULL OR pe.left_on > p.end_date)
JOIN ind_rank_target t ON t.person_rank = pe.person_rank
LEFT JOIN ind_research_year ry ON ry.person_id = pe.person_id AND ry.yr = p.yr
LEFT JOIN ind_research_report rr ON rr.person_id = pe.person_id AND rr.yr = p.yr
WHERE p.granularity = 'Y' AND t.research_days > 0;

INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT x.period, x.unit_code, 'research_compliance', SUM(CASE WHEN x.days >= x.target THEN 1 ELSE 0 END), COUNT(*)
FROM ind_dirty_period dp JOIN ind_person_research x ON x.period = dp.period
GROUP BY x.period, x.unit_code;

INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT x.period, x.unit_code, 'avg_research_days', SUM(x.days), COUNT(*)
FROM ind_dirty_period dp JOIN ind_person_research x ON x.period = dp.period
GROUP BY x.period, x.unit_code;

INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT x.period, x.unit_code, 'research_report_rate', SUM(CASE WHEN x.reports > 0 THEN 1 ELSE 0 END), COUNT(*)
FROM ind_dirty_period dp JOIN ind_person_research x ON x.period = dp.period
GROUP BY x.period, x.unit_code;

-- surveys by opening month (sums of surveys.sql)
INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT pm.period, s.unit_code, 'survey_response_rate', SUM(s.responses), SUM(s.distributed)
FROM ind_dirty_period dp
JOIN ind_period_month pm ON pm.period = dp.period AND pm.granularity IN ('Q', 'Y')
JOIN ind_survey_month s ON s.ym = pm.ym
GROUP BY pm.period, s.unit_code;

-- responses by submission month
INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT pm.period, r.unit_code, 'satisfaction_mean', SUM(r.score_sum), SUM(r.answered)
FROM ind_dirty_period dp
JOIN ind_period_month pm ON pm.period = dp.period AND pm.granularity IN ('Q', 'Y')
JOIN ind_response_month r ON r.ym = pm.ym
GROUP BY pm.period, r.unit_code;

INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT pm.period, r.unit_code, 'suggestion_count', SUM(r.suggestions), CAST(NULL AS NUMERIC(38,18))
FROM ind_dirty_period dp
JOIN ind_period_month pm ON pm.period = dp.period AND pm.granularity IN ('Q', 'Y')
JOIN ind_response_month r ON r.ym = pm.ym
GROUP BY pm.period, r.unit_code;

-- counts are written for every unit and period of their granularity, zero included
INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT p.period, u.unit_code, k.indicator, 0, CAST(NULL AS NUMERIC(38,18))
FROM ind_dirty_period dp
JOIN ind_period p ON p.period = dp.period
CROSS JOIN unit u
CROSS JOIN (VALUES ('under_age_limit_without_college'), ('degree_program_count'), ('suggestion_count')) AS k (indicator)
WHERE p.granularity IN ('Q', 'Y');
