-- Incremental indicator refresh (org.learnstats.indicators.IndicatorRefresher): the work tables
-- of V30/V31 are kept between runs, and a night recomputes only what its deliveries and the move
-- of D touched. See the class comment for the invariants.

-- The one row of refresh state: the as-of date and the delivery watermark (highest delivery_id
-- of the delivery table) last folded in, a fingerprint of the targets (and of the refresh's own
-- format), the sizes of the fact tables (a night touching a large part of them is refreshed in
-- full) and the number of rows of indicator_value. No row: the next refresh is a full one.
CREATE TABLE ind_refresh_state (
    id            INTEGER        NOT NULL PRIMARY KEY,
    as_of         DATE           NOT NULL,
    watermark     BIGINT         NOT NULL,
    fingerprint   VARCHAR(4000)  NOT NULL,
    sessions      BIGINT         NOT NULL,
    trainings     BIGINT         NOT NULL,
    value_rows    BIGINT         NOT NULL,
    refreshed_at  TIMESTAMP      NOT NULL
);

-- What was folded in of the roster and the unit forest, to tell a real change of them (which
-- triggers a full refresh) from a register re-sent as it was.
CREATE TABLE ind_unit_fact (
    unit_code    VARCHAR(64) NOT NULL PRIMARY KEY,
    parent_code  VARCHAR(64),
    unit_type    VARCHAR(10) NOT NULL
);
CREATE TABLE ind_person_fact (
    person_id          VARCHAR(64) NOT NULL PRIMARY KEY,
    unit_code          VARCHAR(64) NOT NULL,
    person_rank        VARCHAR(10) NOT NULL,
    education          VARCHAR(15) NOT NULL,
    birth_date         DATE        NOT NULL,
    joined_on          DATE,
    left_on            DATE,
    in_degree_program  BOOLEAN     NOT NULL
);

-- Narrow copies of the training and research rows folded in (all dates), so a re-delivery that
-- moves a record to another person, month or span knows what it replaces.
CREATE TABLE ind_training_fact (
    unit_code     VARCHAR(64)    NOT NULL,
    record_id     VARCHAR(64)    NOT NULL,
    person_id     VARCHAR(64)    NOT NULL,
    completed_on  DATE           NOT NULL,
    credits       NUMERIC(38,18) NOT NULL,
    PRIMARY KEY (unit_code, record_id)
);
CREATE INDEX ind_training_fact_date_ix ON ind_training_fact (completed_on);

CREATE TABLE ind_research_fact (
    unit_code         VARCHAR(64) NOT NULL,
    trip_id           VARCHAR(64) NOT NULL,
    person_id         VARCHAR(64) NOT NULL,
    start_date        DATE        NOT NULL,
    end_date          DATE        NOT NULL,
    report_submitted  BOOLEAN     NOT NULL,
    PRIMARY KEY (unit_code, trip_id)
);
CREATE INDEX ind_research_fact_start_ix ON ind_research_fact (start_date);
CREATE INDEX ind_research_fact_end_ix ON ind_research_fact (end_date);

-- ind_att_session now holds every session of the store (all dates); D filters through ind_day.
CREATE INDEX ind_att_session_key_ix ON ind_att_session (unit_code, session_id);

-- The keys delivered since the watermark (emptied at the start of each refresh).
CREATE TABLE ind_touched_session (
    unit_code   VARCHAR(64) NOT NULL,
    session_id  VARCHAR(64) NOT NULL,
    PRIMARY KEY (unit_code, session_id)
);
CREATE TABLE ind_touched_training (
    unit_code  VARCHAR(64) NOT NULL,
    record_id  VARCHAR(64) NOT NULL,
    PRIMARY KEY (unit_code, record_id)
);
CREATE TABLE ind_touched_research (
    unit_code  VARCHAR(64) NOT NULL,
    trip_id    VARCHAR(64) NOT NULL,
    PRIMARY KEY (unit_code, trip_id)
);

-- What a refresh recomputes: event days whose data changed (old and new values of the touched
-- keys; kind A attendance, T training, R research with the trip's span), the months whose monthly sums are redone, the months whose
-- survey or response sums changed, the periods redone (why: F full, C calendar row new or
-- changed, D data, R the year after a redone year, X left the calendar) and their years.
CREATE TABLE ind_dirty_span (
    kind  CHAR(1) NOT NULL,
    d1  DATE NOT NULL,
    d2  DATE NOT NULL
);
CREATE TABLE ind_dirty_month (
    ym  INTEGER NOT NULL PRIMARY KEY
);
CREATE TABLE ind_dirty_survey_month (
    ym  INTEGER NOT NULL PRIMARY KEY
);
CREATE TABLE ind_dirty_period (
    period       VARCHAR(10) NOT NULL PRIMARY KEY,
    granularity  CHAR(1)     NOT NULL,
    yr           INTEGER     NOT NULL,
    why          CHAR(1)     NOT NULL
);
CREATE TABLE ind_dirty_year (
    yr         INTEGER NOT NULL PRIMARY KEY,
    first_day  DATE    NOT NULL,
    last_day   DATE    NOT NULL
);

-- The survey and response sums of the previous refresh, to find the months that changed.
CREATE TABLE ind_survey_month_prev (
    unit_code    VARCHAR(64) NOT NULL,
    ym           INTEGER     NOT NULL,
    distributed  BIGINT      NOT NULL,
    responses    BIGINT      NOT NULL
);
CREATE TABLE ind_response_month_prev (
    unit_code    VARCHAR(64) NOT NULL,
    ym           INTEGER     NOT NULL,
    answered     BIGINT      NOT NULL,
    score_sum    BIGINT      NOT NULL,
    suggestions  BIGINT      NOT NULL
);

-- Per-period work rows are deleted and redone by period, per-month and per-year ones by month/year.
CREATE INDEX ind_own_period_ix ON ind_own (period);
CREATE INDEX ind_pop_period_ix ON ind_pop (period);
CREATE INDEX ind_unit_count_period_ix ON ind_unit_count (period);
CREATE INDEX ind_research_year_yr_ix ON ind_research_year (yr);
CREATE INDEX ind_research_report_yr_ix ON ind_research_report (yr);
