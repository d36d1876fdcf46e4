-- Work tables of the indicator refresh (org.learnstats.indicators.IndicatorRefresher).
-- Each refresh empties and refills them inside its transaction; they are kept afterwards so the
-- restricted person lists (and anyone debugging a number) can read the last refresh's figures.

-- The subtree closure: every (ancestor, descendant) pair, each unit its own ancestor.
CREATE TABLE ind_unit_closure (
    ancestor    VARCHAR(64) NOT NULL,
    descendant  VARCHAR(64) NOT NULL,
    PRIMARY KEY (descendant, ancestor)
);

-- Reported periods: end_date is the last day or D; qn = quarter number (Y: 4, M: 0);
-- closed = last day <= D; prev_period = previous year when it is itself reported (Y only);
-- age_cutoff = end_date minus degree_age_limit years (born after it = younger than the limit).
CREATE TABLE ind_period (
    period       VARCHAR(10) NOT NULL PRIMARY KEY,
    granularity  CHAR(1)     NOT NULL,
    start_date   DATE        NOT NULL,
    end_date     DATE        NOT NULL,
    yr           INTEGER     NOT NULL,
    qn           INTEGER     NOT NULL,
    closed       BOOLEAN     NOT NULL,
    prev_period  VARCHAR(10),
    age_cutoff   DATE        NOT NULL
);

-- The months (ym = year * 100 + month) each period covers, and from January to its last month.
CREATE TABLE ind_period_month (
    period       VARCHAR(10) NOT NULL,
    granularity  CHAR(1)     NOT NULL,
    ym           INTEGER     NOT NULL,
    PRIMARY KEY (ym, period)
);
CREATE TABLE ind_period_ytd (
    period       VARCHAR(10) NOT NULL,
    granularity  CHAR(1)     NOT NULL,
    ym           INTEGER     NOT NULL,
    PRIMARY KEY (ym, period)
);

-- Every day from 1 January of the first reported year up to D.
CREATE TABLE ind_day (
    d   DATE    NOT NULL PRIMARY KEY,
    ym  INTEGER NOT NULL,
    yr  INTEGER NOT NULL
);

CREATE TABLE ind_rank_target (
    person_rank    VARCHAR(10)    NOT NULL PRIMARY KEY,
    credits        NUMERIC(38,18) NOT NULL,
    research_days  NUMERIC(38,18) NOT NULL
);

-- Attendance reduced to sessions (one scan of attendance), then to (unit, month, type).
CREATE TABLE ind_att_session (
    unit_code       VARCHAR(64)    NOT NULL,
    session_id      VARCHAR(64)    NOT NULL,
    session_date    DATE           NOT NULL,
    session_type    VARCHAR(15)    NOT NULL,
    duration_hours  NUMERIC(38,18) NOT NULL,
    n_all           BIGINT         NOT NULL,
    n_present       BIGINT         NOT NULL
);
CREATE TABLE ind_att_month (
    unit_code     VARCHAR(64) NOT NULL,
    ym            INTEGER     NOT NULL,
    session_type  VARCHAR(15) NOT NULL,
    n_all         BIGINT      NOT NULL,
    n_present     BIGINT      NOT NULL
);

-- Credits of roster people by month, then year-to-date per Q/Y period.
CREATE TABLE ind_credit_month (
    person_id  VARCHAR(64)    NOT NULL,
    ym         INTEGER        NOT NULL,
    credits    NUMERIC(38,18) NOT NULL
);
CREATE TABLE ind_credit_period (
    period     VARCHAR(10)    NOT NULL,
    person_id  VARCHAR(64)    NOT NULL,
    credits    NUMERIC(38,18) NOT NULL
);
-- The credit population of each Q/Y period (active at its end, credit target > 0).
CREATE TABLE ind_person_credit (
    period       VARCHAR(10)    NOT NULL,
    granularity  CHAR(1)        NOT NULL,
    qn           INTEGER        NOT NULL,
    person_id    VARCHAR(64)    NOT NULL,
    unit_code    VARCHAR(64)    NOT NULL,
    target       NUMERIC(38,18) NOT NULL,
    credits      NUMERIC(38,18) NOT NULL,
    PRIMARY KEY (period, person_id)
);

CREATE TABLE ind_research_year (
    person_id  VARCHAR(64) NOT NULL,
    yr         INTEGER     NOT NULL,
    days       BIGINT      NOT NULL
);
CREATE TABLE ind_research_report (
    person_id  VARCHAR(64) NOT NULL,
    yr         INTEGER     NOT NULL,
    reports    BIGINT      NOT NULL
);
-- The research population of each year (active at its end, research target > 0).
CREATE TABLE ind_person_research (
    period     VARCHAR(10)    NOT NULL,
    person_id  VARCHAR(64)    NOT NULL,
    unit_code  VARCHAR(64)    NOT NULL,
    target     NUMERIC(38,18) NOT NULL,
    days       BIGINT         NOT NULL,
    reports    BIGINT         NOT NULL,
    PRIMARY KEY (period, person_id)
);

-- Active people per (Q/Y period, unit of their roster row).
CREATE TABLE ind_pop (
    period             VARCHAR(10) NOT NULL,
    unit_code          VARCHAR(64) NOT NULL,
    n_all              BIGINT      NOT NULL,
    n_bachelor         BIGINT      NOT NULL,
    n_college          BIGINT      NOT NULL,
    n_young_secondary  BIGINT      NOT NULL,
    n_degree_program   BIGINT      NOT NULL
);

CREATE TABLE ind_survey_month (
    unit_code    VARCHAR(64) NOT NULL,
    ym           INTEGER     NOT NULL,
    distributed  BIGINT      NOT NULL,
    responses    BIGINT      NOT NULL
);
CREATE TABLE ind_response_month (
    unit_code    VARCHAR(64) NOT NULL,
    ym           INTEGER     NOT NULL,
    answered     BIGINT      NOT NULL,
    score_sum    BIGINT      NOT NULL,
    suggestions  BIGINT      NOT NULL
);

-- Each unit's own contribution (numerator, denominator; NULL denominator = count) before the
-- roll-up over the closure.
CREATE TABLE ind_own (
    period       VARCHAR(10)    NOT NULL,
    unit_code    VARCHAR(64)    NOT NULL,
    indicator    VARCHAR(64)    NOT NULL,
    numerator    NUMERIC(38,18) NOT NULL,
    denominator  NUMERIC(38,18)
);
