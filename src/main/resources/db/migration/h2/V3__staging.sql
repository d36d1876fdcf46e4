-- Staging tables: each ingest chunk loads its checked rows here (COPY on PostgreSQL,
-- JDBC batches on H2) and merges them into the store in one set-based statement.
-- They hold rows only inside the chunk's transaction.

CREATE TABLE stage_unit (
    unit_code VARCHAR(64) NOT NULL, unit_name VARCHAR(1000000) NOT NULL, parent_code VARCHAR(64),
    unit_type VARCHAR(10) NOT NULL, delivery_id BIGINT NOT NULL, line_no BIGINT NOT NULL);

CREATE TABLE stage_person (
    person_id VARCHAR(64) NOT NULL, person_name VARCHAR(1000000) NOT NULL, unit_code VARCHAR(64) NOT NULL,
    person_rank VARCHAR(10) NOT NULL, education VARCHAR(15) NOT NULL, birth_date DATE NOT NULL,
    joined_on DATE, left_on DATE, in_degree_program BOOLEAN NOT NULL,
    delivery_id BIGINT NOT NULL, line_no BIGINT NOT NULL);

CREATE TABLE stage_survey (
    unit_code VARCHAR(64) NOT NULL, survey_id VARCHAR(64) NOT NULL, title VARCHAR(1000000) NOT NULL,
    opened_on DATE NOT NULL, distributed BIGINT NOT NULL, delivery_id BIGINT NOT NULL, line_no BIGINT NOT NULL);

CREATE TABLE stage_attendance (
    unit_code VARCHAR(64) NOT NULL, session_id VARCHAR(64) NOT NULL, person_id VARCHAR(64) NOT NULL,
    session_date DATE NOT NULL, session_type VARCHAR(15) NOT NULL, duration_hours NUMERIC(38,18) NOT NULL,
    status VARCHAR(10) NOT NULL, delivery_id BIGINT NOT NULL, line_no BIGINT NOT NULL);

CREATE TABLE stage_training (
    unit_code VARCHAR(64) NOT NULL, record_id VARCHAR(64) NOT NULL, person_id VARCHAR(64) NOT NULL,
    course_name VARCHAR(1000000) NOT NULL, course_type VARCHAR(10) NOT NULL, credits NUMERIC(38,18) NOT NULL,
    completed_on DATE NOT NULL, delivery_id BIGINT NOT NULL, line_no BIGINT NOT NULL);

CREATE TABLE stage_research (
    unit_code VARCHAR(64) NOT NULL, trip_id VARCHAR(64) NOT NULL, person_id VARCHAR(64) NOT NULL,
    start_date DATE NOT NULL, end_date DATE NOT NULL, topic VARCHAR(1000000), report_submitted BOOLEAN NOT NULL,
    delivery_id BIGINT NOT NULL, line_no BIGINT NOT NULL);

CREATE TABLE stage_response (
    unit_code VARCHAR(64) NOT NULL, survey_id VARCHAR(64) NOT NULL, response_id VARCHAR(64) NOT NULL,
    submitted_on DATE NOT NULL, answered INTEGER NOT NULL, score_sum INTEGER NOT NULL,
    answers VARCHAR(1000000) NOT NULL, suggestion VARCHAR(1000000),
    delivery_id BIGINT NOT NULL, line_no BIGINT NOT NULL);
