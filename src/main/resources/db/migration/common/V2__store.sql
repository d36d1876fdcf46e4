-- The learnstats store. Portable SQL: the same file runs on H2 and PostgreSQL.
-- Natural keys are the primary keys of spec section 2.1, so a re-delivered key replaces its row.

CREATE TABLE ls_run (
    run_id        BIGINT        NOT NULL PRIMARY KEY,
    command       VARCHAR(20)   NOT NULL,
    as_of         DATE          NOT NULL,
    inbox         VARCHAR(4000),
    out_dir       VARCHAR(4000),
    started_at    TIMESTAMP     NOT NULL,
    finished_at   TIMESTAMP,
    exit_code     INTEGER,
    status        VARCHAR(20)   NOT NULL
);

-- One row per distinct file (by SHA-256) ever read, quarantined files included.
CREATE TABLE delivery (
    delivery_id     BIGINT         NOT NULL PRIMARY KEY,
    sha256          CHAR(64)       NOT NULL,
    path            VARCHAR(4000)  NOT NULL,
    kind            VARCHAR(20),
    encoding        VARCHAR(20),
    delimiter_char  VARCHAR(10),
    byte_size       BIGINT         NOT NULL,
    rows_read       BIGINT         NOT NULL,
    rows_applied    BIGINT         NOT NULL,
    rows_rejected   BIGINT         NOT NULL,
    unknown_persons BIGINT         NOT NULL,
    file_reason     VARCHAR(20),
    run_id          BIGINT         NOT NULL,
    ingested_at     TIMESTAMP      NOT NULL,
    millis          BIGINT         NOT NULL,
    CONSTRAINT delivery_sha256_uq UNIQUE (sha256)
);
CREATE INDEX delivery_run_ix ON delivery (run_id);

-- Files a run found but skipped as re-deliveries of a file already read (same SHA-256).
CREATE TABLE delivery_skip (
    run_id       BIGINT         NOT NULL,
    path         VARCHAR(4000)  NOT NULL,
    sha256       CHAR(64)       NOT NULL,
    delivery_id  BIGINT         NOT NULL
);

-- The reject ledger: one row per rejected row, or one per quarantined file (line_no NULL).
CREATE TABLE reject_row (
    delivery_id BIGINT          NOT NULL,
    line_no     BIGINT,
    kind        VARCHAR(20),
    unit_code   VARCHAR(4000),
    reason      VARCHAR(20)     NOT NULL,
    detail      VARCHAR(4000),
    raw_text    VARCHAR(1000000)
);
CREATE INDEX reject_row_delivery_ix ON reject_row (delivery_id);

-- Applied rows whose person_id was not in the roster when they arrived.
CREATE TABLE person_warning (
    delivery_id BIGINT       NOT NULL,
    line_no     BIGINT       NOT NULL,
    kind        VARCHAR(20)  NOT NULL,
    unit_code   VARCHAR(64)  NOT NULL,
    person_id   VARCHAR(64)  NOT NULL
);
CREATE INDEX person_warning_delivery_ix ON person_warning (delivery_id);

CREATE TABLE unit (
    unit_code    VARCHAR(64)      NOT NULL PRIMARY KEY,
    unit_name    VARCHAR(1000000) NOT NULL,
    parent_code  VARCHAR(64),
    unit_type    VARCHAR(10)      NOT NULL,
    delivery_id  BIGINT           NOT NULL
);

CREATE TABLE person (
    person_id         VARCHAR(64)      NOT NULL PRIMARY KEY,
    person_name       VARCHAR(1000000) NOT NULL,
    unit_code         VARCHAR(64)      NOT NULL,
    person_rank       VARCHAR(10)      NOT NULL,
    education         VARCHAR(15)      NOT NULL,
    birth_date        DATE             NOT NULL,
    joined_on         DATE,
    left_on           DATE,
    in_degree_program BOOLEAN          NOT NULL,
    delivery_id       BIGINT           NOT NULL
);

CREATE TABLE survey (
    unit_code    VARCHAR(64)      NOT NULL,
    survey_id    VARCHAR(64)      NOT NULL,
    title        VARCHAR(1000000) NOT NULL,
    opened_on    DATE             NOT NULL,
    distributed  BIGINT           NOT NULL,
    delivery_id  BIGINT           NOT NULL,
    PRIMARY KEY (unit_code, survey_id)
);

CREATE TABLE attendance (
    unit_code      VARCHAR(64)    NOT NULL,
    session_id     VARCHAR(64)    NOT NULL,
    person_id      VARCHAR(64)    NOT NULL,
    session_date   DATE           NOT NULL,
    session_type   VARCHAR(15)    NOT NULL,
    duration_hours NUMERIC(38,18) NOT NULL,
    status         VARCHAR(10)    NOT NULL,
    delivery_id    BIGINT         NOT NULL,
    PRIMARY KEY (unit_code, session_id, person_id)
);

CREATE TABLE training (
    unit_code     VARCHAR(64)      NOT NULL,
    record_id     VARCHAR(64)      NOT NULL,
    person_id     VARCHAR(64)      NOT NULL,
    course_name   VARCHAR(1000000) NOT NULL,
    course_type   VARCHAR(10)      NOT NULL,
    credits       NUMERIC(38,18)   NOT NULL,
    completed_on  DATE             NOT NULL,
    delivery_id   BIGINT           NOT NULL,
    PRIMARY KEY (unit_code, record_id)
);

CREATE TABLE research (
    unit_code         VARCHAR(64)      NOT NULL,
    trip_id           VARCHAR(64)      NOT NULL,
    person_id         VARCHAR(64)      NOT NULL,
    start_date        DATE             NOT NULL,
    end_date          DATE             NOT NULL,
    topic             VARCHAR(1000000),
    report_submitted  BOOLEAN          NOT NULL,
    delivery_id       BIGINT           NOT NULL,
    PRIMARY KEY (unit_code, trip_id)
);

-- answered = number of answered questions, score_sum = their total; answers keeps "q1=4;q3=5".
CREATE TABLE response (
    unit_code     VARCHAR(64)      NOT NULL,
    survey_id     VARCHAR(64)      NOT NULL,
    response_id   VARCHAR(64)      NOT NULL,
    submitted_on  DATE             NOT NULL,
    answered      INTEGER          NOT NULL,
    score_sum     INTEGER          NOT NULL,
    answers       VARCHAR(1000000) NOT NULL,
    suggestion    VARCHAR(1000000),
    delivery_id   BIGINT           NOT NULL,
    PRIMARY KEY (unit_code, survey_id, response_id)
);

-- Every indicator value of spec section 3, recomputed from the whole store by each run.
-- period: 2025-07, 2025-Q3 or 2025; val = numerator / denominator rounded half-up to 4 places.
CREATE TABLE indicator_value (
    period       VARCHAR(10)     NOT NULL,
    unit_code    VARCHAR(64)     NOT NULL,
    indicator    VARCHAR(64)     NOT NULL,
    numerator    NUMERIC(38,18)  NOT NULL,
    denominator  NUMERIC(38,18),
    val          NUMERIC(38,18)  NOT NULL,
    PRIMARY KEY (period, unit_code, indicator)
);

-- Quarterly metric packs built so far, with the fingerprint of the inputs they were built from.
CREATE TABLE quarter_pack (
    quarter      VARCHAR(7)  NOT NULL PRIMARY KEY,
    fingerprint  CHAR(64)    NOT NULL,
    run_id       BIGINT      NOT NULL,
    built_at     TIMESTAMP   NOT NULL
);
