-- The hand-written baseline of the benchmark: the store as plain PostgreSQL tables with the
-- natural keys of spec section 2.1, loaded with psql \copy. Run by jobs/bench/bench.sh in a
-- database of its own (learnstats_bench_baseline); never in learnstats' own store.

DROP TABLE IF EXISTS b_unit, b_person, b_survey, b_attendance, b_training, b_research, b_response CASCADE;

CREATE TABLE b_unit (
    unit_code   varchar(64) PRIMARY KEY,
    unit_name   text NOT NULL,
    parent_code varchar(64),
    unit_type   varchar(10) NOT NULL
);

CREATE TABLE b_person (
    person_id         varchar(64) PRIMARY KEY,
    name              text NOT NULL,
    unit_code         varchar(64) NOT NULL,
    rank              varchar(10) NOT NULL,
    education         varchar(15) NOT NULL,
    birth_date        date NOT NULL,
    joined_on         date,
    left_on           date,
    in_degree_program boolean NOT NULL
);

CREATE TABLE b_survey (
    unit_code   varchar(64),
    survey_id   varchar(64),
    title       text NOT NULL,
    opened_on   date NOT NULL,
    distributed bigint NOT NULL,
    PRIMARY KEY (unit_code, survey_id)
);

CREATE TABLE b_attendance (
    unit_code      varchar(64),
    session_id     varchar(64),
    session_date   date NOT NULL,
    session_type   varchar(15) NOT NULL,
    duration_hours numeric(38,18) NOT NULL,
    person_id      varchar(64),
    status         varchar(10) NOT NULL,
    PRIMARY KEY (unit_code, session_id, person_id)
);

CREATE TABLE b_training (
    unit_code    varchar(64),
    record_id    varchar(64),
    person_id    varchar(64) NOT NULL,
    course_name  text NOT NULL,
    course_type  varchar(10) NOT NULL,
    credits      numeric(38,18) NOT NULL,
    completed_on date NOT NULL,
    PRIMARY KEY (unit_code, record_id)
);

CREATE TABLE b_research (
    unit_code        varchar(64),
    trip_id          varchar(64),
    person_id        varchar(64) NOT NULL,
    start_date       date NOT NULL,
    end_date         date NOT NULL,
    topic            text,
    report_submitted boolean NOT NULL,
    PRIMARY KEY (unit_code, trip_id)
);

CREATE TABLE b_response (
    unit_code    varchar(64),
    survey_id    varchar(64),
    response_id  varchar(64),
    submitted_on date NOT NULL,
    q1 smallint, q2 smallint, q3 smallint, q4 smallint, q5 smallint,
    suggestion   text,
    PRIMARY KEY (unit_code, survey_id, response_id)
);
