-- Indicator refresh, second pass: counts per unit that are LEFT JOINed by key (H2 re-reads a
-- derived table for every outer row, so they are materialized with a primary key), and indexes
-- on the join keys of the work tables of V30.

-- Per (indicator, period, unit) counts: central-group sessions, branch study days, months reported.
CREATE TABLE ind_unit_count (
    indicator  VARCHAR(64) NOT NULL,
    period     VARCHAR(10) NOT NULL,
    unit_code  VARCHAR(64) NOT NULL,
    cnt        BIGINT      NOT NULL,
    PRIMARY KEY (indicator, period, unit_code)
);

-- Responses submitted up to D per survey.
CREATE TABLE ind_survey_responses (
    unit_code  VARCHAR(64) NOT NULL,
    survey_id  VARCHAR(64) NOT NULL,
    responses  BIGINT      NOT NULL,
    PRIMARY KEY (unit_code, survey_id)
);

CREATE INDEX ind_att_session_date_ix ON ind_att_session (session_date);
CREATE INDEX ind_att_month_ym_ix ON ind_att_month (ym);
CREATE INDEX ind_credit_month_ym_ix ON ind_credit_month (ym);
CREATE UNIQUE INDEX ind_credit_period_ix ON ind_credit_period (period, person_id);
CREATE UNIQUE INDEX ind_research_year_ix ON ind_research_year (person_id, yr);
CREATE UNIQUE INDEX ind_research_report_ix ON ind_research_report (person_id, yr);
CREATE INDEX ind_own_unit_ix ON ind_own (unit_code);
