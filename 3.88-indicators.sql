\set asof '2025-12-31'
-- The baseline's "nightly job": the indicators of spec section 3, approximated in plain SQL over
-- the b_* tables, for every unit subtree and period up to :'asof', written to b_ind.
-- Approximation: same populations and periods as the spec, but rates are written without the
-- spec's edge rules (e.g. counts only where a person exists; remedial_count left out).
-- Usage: psql -v asof=2025-12-31 -f baseline-indicators.sql



DROP TABLE IF EXISTS b_closure, b_period, b_ind;

CREATE TABLE b_closure AS
WITH RECURSIVE c(ancestor, unit_code) AS (
    SELECT unit_code, unit_code FROM b_unit
    UNION ALL
    SELECT c.ancestor, u.unit_code FROM c JOIN b_unit u ON u.parent_code = c.unit_code
)
SELECT ancestor, unit_code FROM c;
CREATE INDEX b_closure_unit ON b_closure (unit_code);

-- every month, quarter and year from the earliest event to the as-of date; a period ends on its last day or on the as-of date
CREATE TABLE b_period AS
WITH bounds AS (
    SELECT date_trunc('month', least(
        (SELECT min(session_date) FROM b_attendance), (SELECT min(completed_on) FROM b_training),
        (SELECT min(start_date) FROM b_research), (SELECT min(opened_on) FROM b_survey),
        (SELECT min(submitted_on) FROM b_response)))::date AS lo, :'asof'::date AS hi
), months AS (
    SELECT generate_series(lo, hi, interval '1 month')::date AS m, hi FROM bounds
)
SELECT to_char(m, 'YYYY-MM') AS period, 'M' AS kind, m AS start_day,
       least((m + interval '1 month' - interval '1 day')::date, hi) AS end_day, extract(year FROM m)::int AS y, 0 AS q
FROM months
UNION ALL
SELECT DISTINCT to_char(m, 'YYYY-"Q"Q'), 'Q', date_trunc('quarter', m)::date,
       least((date_trunc('quarter', m) + interval '3 months' - interval '1 day')::date, hi), extract(year FROM m)::int,
       extract(quarter FROM m)::int
FROM months
UNION ALL
SELECT DISTINCT to_char(m, 'YYYY'), 'Y', date_trunc('year', m)::date,
       least((date_trunc('year', m) + interval '1 year' - interval '1 day')::date, hi), extract(year FROM m)::int, 4
FROM months;

CREATE TABLE b_ind (period text, unit_code text, indicator text, numerator numeric, denominator numeric, value numeric);

-- attendance rates, all types and per type: per unit, month and type first, then rolled up
CREATE TEMP TABLE att AS
SELECT unit_code, date_trunc('month', session_date)::date AS m, session_type,
       count(*) FILTER (WHERE status IN ('present', 'late')) AS num, count(*) AS den
FROM b_attendance WHERE session_date <= :'asof'
GROUP BY 1, 2, 3;

INSERT INTO b_ind
SELECT per.period, c.ancestor, 'attendance_rate' || coalesce('.' || tt.t, ''), sum(a.num), sum(a.den),
       round(sum(a.num)::numeric / sum(a.den), 4)
FROM att a
JOIN b_closure c ON c.unit_code = a.unit_code
CROSS JOIN LATERAL (VALUES (to_char(a.m, 'YYYY-MM')), (to_char(a.m, 'YYYY-"Q"Q')), (to_char(a.m, 'YYYY'))) AS per(period)
CROSS JOIN LATERAL (VALUES (NULL::text), (a.session_type)) AS tt(t)
GROUP BY 1, 2, 3;

-- central study group compliance (Q), branch study compliance (M), attendance reporting rate (M)
CREATE TEMP TABLE cg AS
SELECT unit_code, to_char(session_date, 'YYYY-"Q"Q') AS period, count(DISTINCT session_id) AS n
FROM b_attendance
WHERE session_type = 'central_group' AND duration_hours >= 6 AND session_date <= :'asof'
GROUP BY 1, 2;

CREATE TEMP TABLE bs AS
SELECT unit_code, to_char(session_date, 'YYYY-MM') AS period, count(DISTINCT session_date) AS n
FROM b_attendance
WHERE session_type = 'branch_study' AND session_date <= :'asof'
GROUP BY 1, 2;

CREATE TEMP TABLE rep AS
SELECT DISTINCT unit_code, to_char(session_date, 'YYYY-MM') AS period FROM b_attendance WHERE session_date <= :'asof';

INSERT INTO b_ind
SELECT p.period, c.ancestor, 'central_group_compliance', count(cg.unit_code) FILTER (WHERE cg.n >= 3), count(*),
       round((count(cg.unit_code) FILTER (WHERE cg.n >= 3))::numeric / count(*), 4)
FROM b_period p CROSS JOIN b_unit u
JOIN b_closure c ON c.unit_code = u.unit_code
LEFT JOIN cg ON cg.unit_code = u.unit_code AND cg.period = p.period
WHERE p.kind = 'Q' AND u.unit_type = 'committee'
GROUP BY 1, 2;

INSERT INTO b_ind
SELECT p.period, c.ancestor, 'branch_study_compliance', count(bs.unit_code) FILTER (WHERE bs.n >= 2), count(*),
       round((count(bs.unit_code) FILTER (WHERE bs.n >= 2))::numeric / count(*), 4)
FROM b_period p CROSS JOIN b_unit u
JOIN b_closure c ON c.unit_code = u.unit_code
LEFT JOIN bs ON bs.unit_code = u.unit_code AND bs.period = p.period
WHERE p.kind = 'M' AND u.unit_type = 'branch'
GROUP BY 1, 2;

INSERT INTO b_ind
SELECT p.period, c.ancestor, 'attendance_reporting_rate', count(rep.unit_code), count(*),
       round(count(rep.unit_code)::numeric / count(*), 4)
FROM b_period p CROSS JOIN b_unit u
JOIN b_closure c ON c.unit_code = u.unit_code
LEFT JOIN rep ON rep.unit_code = u.unit_code AND rep.period = p.period
WHERE p.kind = 'M' AND u.unit_type IN ('committee', 'branch')
GROUP BY 1, 2;

-- people active at each quarter's and year's end, with their targets
CREATE TEMP TABLE pop AS
SELECT p.period, p.kind, p.y, p.q, p.end_day, x.person_id, x.unit_code, x.education, x.in_degree_program,
       extract(year FROM age(p.end_day, x.birth_date))::int AS age,
       CASE x.rank WHEN 'bureau' THEN 18 WHEN 'division' THEN 18 WHEN 'section' THEN 12 ELSE 0 END AS credit_target,
       CASE x.rank WHEN 'bureau' THEN 90 WHEN 'division' THEN 60 WHEN 'section' THEN 30 ELSE 0 END AS research_target
FROM b_period p
JOIN b_person x ON (x.joined_on IS NULL OR x.joined_on <= p.end_day) AND (x.left_on IS NULL OR x.left_on > p.end_day)
WHERE p.kind IN ('Q', 'Y');

-- credits from 1 January to each quarter's and year's end
CREATE TEMP TABLE cred_q AS
SELECT person_id, extract(year FROM completed_on)::int AS y, extract(quarter FROM completed_on)::int AS q, sum(credits) AS c
FROM b_training WHERE completed_on <= :'asof'
GROUP BY 1, 2, 3;

CREATE TEMP TABLE cred AS
SELECT pop.period, pop.person_id, coalesce(sum(cq.c), 0) AS c
FROM pop LEFT JOIN cred_q cq ON cq.person_id = pop.person_id AND cq.y = pop.y AND cq.q <= pop.q
WHERE pop.credit_target > 0
GROUP BY 1, 2;

INSERT INTO b_ind
SELECT pop.period, c.ancestor, ind.name, sum(ind.num), count(*), round(sum(ind.num)::numeric / count(*), 4)
FROM pop
JOIN cred ON cred.period = pop.period AND cred.person_id = pop.person_id
JOIN b_closure c ON c.unit_code = pop.unit_code
CROSS JOIN LATERAL (VALUES
    ('credit_completion_rate', CASE WHEN pop.kind = 'Y' THEN (cred.c >= pop.credit_target)::int END),
    ('credit_on_track_rate', CASE WHEN pop.kind = 'Q' THEN (cred.c >= pop.credit_target * pop.q / 4.0)::int END),
    ('avg_credits', cred.c)) AS ind(name, num)
WHERE ind.num IS NOT NULL
GROUP BY 1, 2, 3;

-- degree structure
INSERT INTO b_ind
SELECT pop.period, c.ancestor, ind.name, sum(ind.num), CASE WHEN ind.rate THEN count(*) END,
       CASE WHEN ind.rate THEN round(sum(ind.num)::numeric / count(*), 4) ELSE sum(ind.num) END
FROM pop
JOIN b_closure c ON c.unit_code = pop.unit_code
CROSS JOIN LATERAL (VALUES
    ('bachelor_rate', true, (pop.education IN ('postgraduate', 'bachelor'))::int),
    ('college_rate', true, (pop.education IN ('postgraduate', 'bachelor', 'college'))::int),
    ('under_age_limit_without_college', false, (pop.age < 50 AND pop.education = 'secondary')::int),
    ('degree_program_count', false, pop.in_degree_program::int)) AS ind(name, rate, num)
GROUP BY 1, 2, 3, ind.rate;

-- research: distinct days per person and year, not after the as-of date
CREATE TEMP TABLE rdays AS
SELECT person_id, extract(year FROM d)::int AS y, count(DISTINCT d) AS days
FROM b_research r
CROSS JOIN LATERAL generate_series(r.start_date, least(r.end_date, :'asof'::date), interval '1 day') AS g(d)
GROUP BY 1, 2;

CREATE TEMP TABLE rreport AS
SELECT DISTINCT person_id, extract(year FROM start_date)::int AS y FROM b_research WHERE report_submitted;

INSERT INTO b_ind
SELECT pop.period, c.ancestor, ind.name, sum(ind.num), count(*), round(sum(ind.num)::numeric / count(*), 4)
FROM pop
JOIN b_closure c ON c.unit_code = pop.unit_code
LEFT JOIN rdays rd ON rd.person_id = pop.person_id AND rd.y = pop.y
LEFT JOIN rreport rr ON rr.person_id = pop.person_id AND rr.y = pop.y
CROSS JOIN LATERAL (VALUES
    ('research_compliance', (coalesce(rd.days, 0) >= pop.research_target)::int),
    ('avg_research_days', coalesce(rd.days, 0)),
    ('research_report_rate', (rr.person_id IS NOT NULL)::int)) AS ind(name, num)
WHERE pop.kind = 'Y' AND pop.research_target > 0
GROUP BY 1, 2, 3;

-- surveys: response rate by opening period; satisfaction and suggestions by submission period
INSERT INTO b_ind
SELECT p.period, c.ancestor, 'survey_response_rate', sum(coalesce(r.n, 0)), sum(s.distributed),
       round(sum(coalesce(r.n, 0))::numeric / nullif(sum(s.distributed), 0), 4)
FROM b_survey s
JOIN b_period p ON p.kind IN ('Q', 'Y') AND s.opened_on BETWEEN p.start_day AND p.end_day
JOIN b_closure c ON c.unit_code = s.unit_code
LEFT JOIN (SELECT unit_code, survey_id, count(*) AS n FROM b_response WHERE submitted_on <= :'asof' GROUP BY 1, 2) r
    ON r.unit_code = s.unit_code AND r.survey_id = s.survey_id
GROUP BY 1, 2
HAVING sum(s.distributed) > 0;

INSERT INTO b_ind
SELECT p.period, c.ancestor, ind.name, sum(ind.num), CASE WHEN ind.rate THEN sum(ind.den) END,
       CASE WHEN ind.rate THEN round(sum(ind.num)::numeric / nullif(sum(ind.den), 0), 4) ELSE sum(ind.num) END
FROM b_response r
JOIN b_period p ON p.kind IN ('Q', 'Y') AND r.submitted_on BETWEEN p.start_day AND p.end_day
JOIN b_closure c ON c.unit_code = r.unit_code
CROSS JOIN LATERAL (VALUES
    ('satisfaction_mean', true, coalesce(r.q1, 0) + coalesce(r.q2, 0) + coalesce(r.q3, 0) + coalesce(r.q4, 0) + coalesce(r.q5, 0),
        (r.q1 IS NOT NULL)::int + (r.q2 IS NOT NULL)::int + (r.q3 IS NOT NULL)::int + (r.q4 IS NOT NULL)::int + (r.q5 IS NOT NULL)::int),
    ('suggestion_count', false, (coalesce(trim(r.suggestion), '') <> '')::int, 0)) AS ind(name, rate, num, den)
GROUP BY 1, 2, 3, ind.rate;

SELECT count(*) AS indicator_rows FROM b_ind;
\copy (SELECT * FROM b_ind ORDER BY period, unit_code, indicator) TO '/tmp/bench-outputs/baseline-indicators-1y.csv' WITH (FORMAT csv, HEADER true)
