-- Step 2: every indicator of spec section 3, as each unit's own numerator and denominator
-- (ind_own), then rolled up over the subtree closure into indicator_value.
-- Runs after the calendar (ind_period, ind_period_month, ind_period_ytd, ind_day), the closure
-- and the rank targets are filled. ind_day ends at D, so joining on it also drops later events.
-- Parameters: :asOf, :minSessions, :minHours, :minDays. Portable SQL (H2 and PostgreSQL).

-- attendance by (unit, month, type)
INSERT INTO ind_att_month (unit_code, ym, session_type, n_all, n_present)
SELECT s.unit_code, c.ym, s.session_type, SUM(s.n_all), SUM(s.n_present)
FROM ind_att_session s
JOIN ind_day c ON c.d = s.session_date
GROUP BY s.unit_code, c.ym, s.session_type;

INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT pm.period, a.unit_code, 'attendance_rate', SUM(a.n_present), SUM(a.n_all)
FROM ind_att_month a
JOIN ind_period_month pm ON pm.ym = a.ym
GROUP BY pm.period, a.unit_code;

INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT pm.period, a.unit_code, 'attendance_rate.' || a.session_type, SUM(a.n_present), SUM(a.n_all)
FROM ind_att_month a
JOIN ind_period_month pm ON pm.ym = a.ym
WHERE a.session_type IN ('central_group', 'branch_study', 'study_day', 'lecture', 'other')
GROUP BY pm.period, a.unit_code, a.session_type;

-- central_group_compliance: every committee, every quarter
INSERT INTO ind_unit_count (indicator, period, unit_code, cnt)
SELECT 'central_group_compliance', pm.period, s.unit_code, COUNT(DISTINCT s.session_id)
FROM ind_att_session s
JOIN ind_day c ON c.d = s.session_date
JOIN ind_period_month pm ON pm.ym = c.ym AND pm.granularity = 'Q'
WHERE s.session_type = 'central_group' AND s.duration_hours >= :minHours
GROUP BY pm.period, s.unit_code;

INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT p.period, u.unit_code, 'central_group_compliance',
       CASE WHEN x.cnt >= :minSessions THEN 1 ELSE 0 END, 1
FROM unit u
CROSS JOIN ind_period p
LEFT JOIN ind_unit_count x ON x.indicator = 'central_group_compliance' AND x.period = p.period
    AND x.unit_code = u.unit_code
WHERE u.unit_type = 'committee' AND p.granularity = 'Q';

-- branch_study_compliance: every branch, every month
INSERT INTO ind_unit_count (indicator, period, unit_code, cnt)
SELECT 'branch_study_compliance', pm.period, s.unit_code, COUNT(DISTINCT s.session_date)
FROM ind_att_session s
JOIN ind_day c ON c.d = s.session_date
JOIN ind_period_month pm ON pm.ym = c.ym AND pm.granularity = 'M'
WHERE s.session_type = 'branch_study'
GROUP BY pm.period, s.unit_code;

INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT p.period, u.unit_code, 'branch_study_compliance',
       CASE WHEN x.cnt >= :minDays THEN 1 ELSE 0 END, 1
FROM unit u
CROSS JOIN ind_period p
LEFT JOIN ind_unit_count x ON x.indicator = 'branch_study_compliance' AND x.period = p.period
    AND x.unit_code = u.unit_code
WHERE u.unit_type = 'branch' AND p.granularity = 'M';

-- attendance_reporting_rate: every committee and branch, every month
INSERT INTO ind_unit_count (indicator, period, unit_code, cnt)
SELECT 'attendance_reporting_rate', pm.period, a.unit_code, SUM(a.n_all)
FROM ind_att_month a
JOIN ind_period_month pm ON pm.ym = a.ym AND pm.granularity = 'M'
GROUP BY pm.period, a.unit_code;

INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT p.period, u.unit_code, 'attendance_reporting_rate',
       CASE WHEN x.cnt > 0 THEN 1 ELSE 0 END, 1
FROM unit u
CROSS JOIN ind_period p
LEFT JOIN ind_unit_count x ON x.indicator = 'attendance_reporting_rate' AND x.period = p.period
    AND x.unit_code = u.unit_code
WHERE u.unit_type IN ('committee', 'branch') AND p.granularity = 'M';

-- credits of roster people (whatever unit reported them), by month and year to date
INSERT INTO ind_credit_month (person_id, ym, credits)
SELECT t.person_id, c.ym, SUM(t.credits)
FROM training t
JOIN person pe ON pe.person_id = t.person_id
JOIN ind_day c ON c.d = t.completed_on
GROUP BY t.person_id, c.ym;

INSERT INTO ind_credit_period (period, person_id, credits)
SELECT y.period, m.person_id, SUM(m.credits)
FROM ind_credit_month m
JOIN ind_period_ytd y ON y.ym = m.ym
GROUP BY y.period, m.person_id;

INSERT INTO ind_person_credit (period, granularity, qn, person_id, unit_code, target, credits)
SELECT p.period, p.granularity, p.qn, pe.person_id, pe.unit_code, t.credits, COALESCE(cp.credits, 0)
FROM ind_period p
JOIN person pe ON (pe.joined_on IS NULL OR pe.joined_on <= p.end_date)
    AND (pe.left_on IS NULL OR pe.left_on > p.end_date)
JOIN ind_rank_target t ON t.person_rank = pe.person_rank
LEFT JOIN ind_credit_period cp ON cp.period = p.period AND cp.person_id = pe.person_id
WHERE p.granularity IN ('Q', 'Y') AND t.credits > 0;

INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT period, unit_code, 'credit_completion_rate',
       SUM(CASE WHEN credits >= target THEN 1 ELSE 0 END), COUNT(*)
FROM ind_person_credit
WHERE granularity = 'Y'
GROUP BY period, unit_code;

INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT period, unit_code, 'credit_on_track_rate',
       SUM(CASE WHEN credits * 4 >= target * qn THEN 1 ELSE 0 END), COUNT(*)
FROM ind_person_credit
WHERE granularity = 'Q'
GROUP BY period, unit_code;

INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT period, unit_code, 'avg_credits', SUM(credits), COUNT(*)
FROM ind_person_credit
GROUP BY period, unit_code;

-- remedial_count: closed years whose previous year is reported, zero for every unit
INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT p.period, u.unit_code, 'remedial_count', 0, CAST(NULL AS NUMERIC(38,18))
FROM unit u
CROSS JOIN ind_period p
WHERE p.granularity = 'Y' AND p.closed AND p.prev_period IS NOT NULL;

INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT p.period, a.unit_code, 'remedial_count', COUNT(*), CAST(NULL AS NUMERIC(38,18))
FROM ind_period p
JOIN ind_person_credit a ON a.period = p.period
JOIN ind_person_credit b ON b.period = p.prev_period AND b.person_id = a.person_id
WHERE p.granularity = 'Y' AND p.closed AND p.prev_period IS NOT NULL
    AND a.credits < a.target AND b.credits < b.target
GROUP BY p.period, a.unit_code;

-- the active population: degrees, age, degree programmes
INSERT INTO ind_pop (period, unit_code, n_all, n_bachelor, n_college, n_young_secondary, n_degree_program)
SELECT p.period, pe.unit_code, COUNT(*),
       SUM(CASE WHEN pe.education IN ('postgraduate', 'bachelor') THEN 1 ELSE 0 END),
       SUM(CASE WHEN pe.education IN ('postgraduate', 'bachelor', 'college') THEN 1 ELSE 0 END),
       SUM(CASE WHEN pe.education = 'secondary' AND pe.birth_date > p.age_cutoff THEN 1 ELSE 0 END),
       SUM(CASE WHEN pe.in_degree_program THEN 1 ELSE 0 END)
FROM ind_period p
JOIN person pe ON (pe.joined_on IS NULL OR pe.joined_on <= p.end_date)
    AND (pe.left_on IS NULL OR pe.left_on > p.end_date)
WHERE p.granularity IN ('Q', 'Y')
GROUP BY p.period, pe.unit_code;

INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT period, unit_code, 'bachelor_rate', n_bachelor, n_all FROM ind_pop;

INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT period, unit_code, 'college_rate', n_college, n_all FROM ind_pop;

INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT period, unit_code, 'under_age_limit_without_college', n_young_secondary, CAST(NULL AS NUMERIC(38,18))
FROM ind_pop;

INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT period, unit_code, 'degree_program_count', n_degree_program, CAST(NULL AS NUMERIC(38,18))
FROM ind_pop;

-- research: distinct days of roster people with a research target, per year, up to D
INSERT INTO ind_research_year (person_id, yr, days)
SELECT r.person_id, c.yr, COUNT(DISTINCT c.d)
FROM research r
JOIN person pe ON pe.person_id = r.person_id
JOIN ind_rank_target t ON t.person_rank = pe.person_rank AND t.research_days > 0
JOIN ind_day c ON c.d >= r.start_date AND c.d <= r.end_date
GROUP BY r.person_id, c.yr;

INSERT INTO ind_research_report (person_id, yr, reports)
SELECT r.person_id, c.yr, COUNT(*)
FROM research r
JOIN person pe ON pe.person_id = r.person_id
JOIN ind_day c ON c.d = r.start_date
WHERE r.report_submitted
GROUP BY r.person_id, c.yr;

INSERT INTO ind_person_research (period, person_id, unit_code, target, days, reports)
SELECT p.period, pe.person_id, pe.unit_code, t.research_days, COALESCE(ry.days, 0), COALESCE(rr.reports, 0)
FROM ind_period p
JOIN person pe ON (pe.joined_on IS NULL OR pe.joined_on <= p.end_date)
    AND (pe.left_on IS NULL OR pe.left_on > p.end_date)
JOIN ind_rank_target t ON t.person_rank = pe.person_rank
LEFT JOIN ind_research_year ry ON ry.person_id = pe.person_id AND ry.yr = p.yr
LEFT JOIN ind_research_report rr ON rr.person_id = pe.person_id AND rr.yr = p.yr
WHERE p.granularity = 'Y' AND t.research_days > 0;

INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT period, unit_code, 'research_compliance', SUM(CASE WHEN days >= target THEN 1 ELSE 0 END), COUNT(*)
FROM ind_person_research
GROUP BY period, unit_code;

INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT period, unit_code, 'avg_research_days', SUM(days), COUNT(*)
FROM ind_person_research
GROUP BY period, unit_code;

INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT period, unit_code, 'research_report_rate', SUM(CASE WHEN reports > 0 THEN 1 ELSE 0 END), COUNT(*)
FROM ind_person_research
GROUP BY period, unit_code;

-- surveys by opening month, with their responses submitted up to D
INSERT INTO ind_survey_responses (unit_code, survey_id, responses)
SELECT unit_code, survey_id, COUNT(*)
FROM response
WHERE submitted_on <= :asOf
GROUP BY unit_code, survey_id;

INSERT INTO ind_survey_month (unit_code, ym, distributed, responses)
SELECT s.unit_code, c.ym, SUM(s.distributed), SUM(COALESCE(r.responses, 0))
FROM survey s
JOIN ind_day c ON c.d = s.opened_on
LEFT JOIN ind_survey_responses r ON r.unit_code = s.unit_code AND r.survey_id = s.survey_id
GROUP BY s.unit_code, c.ym;

INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT pm.period, s.unit_code, 'survey_response_rate', SUM(s.responses), SUM(s.distributed)
FROM ind_survey_month s
JOIN ind_period_month pm ON pm.ym = s.ym AND pm.granularity IN ('Q', 'Y')
GROUP BY pm.period, s.unit_code;

-- responses by submission month
INSERT INTO ind_response_month (unit_code, ym, answered, score_sum, suggestions)
SELECT r.unit_code, c.ym, SUM(r.answered), SUM(r.score_sum),
       SUM(CASE WHEN r.suggestion IS NOT NULL AND TRIM(r.suggestion) <> '' THEN 1 ELSE 0 END)
FROM response r
JOIN ind_day c ON c.d = r.submitted_on
GROUP BY r.unit_code, c.ym;

INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT pm.period, r.unit_code, 'satisfaction_mean', SUM(r.score_sum), SUM(r.answered)
FROM ind_response_month r
JOIN ind_period_month pm ON pm.ym = r.ym AND pm.granularity IN ('Q', 'Y')
GROUP BY pm.period, r.unit_code;

INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT pm.period, r.unit_code, 'suggestion_count', SUM(r.suggestions), CAST(NULL AS NUMERIC(38,18))
FROM ind_response_month r
JOIN ind_period_month pm ON pm.ym = r.ym AND pm.granularity IN ('Q', 'Y')
GROUP BY pm.period, r.unit_code;

-- counts are written for every unit and period of their granularity, zero included
INSERT INTO ind_own (period, unit_code, indicator, numerator, denominator)
SELECT p.period, u.unit_code, k.indicator, 0, CAST(NULL AS NUMERIC(38,18))
FROM unit u
CROSS JOIN ind_period p
CROSS JOIN (VALUES ('under_age_limit_without_college'), ('degree_program_count'), ('suggestion_count')) AS k (indicator)
WHERE p.granularity IN ('Q', 'Y');
