-- Codes are 1 to 64 characters (spec section 2), counted as Unicode code points by the check
-- (ingest.Values.codeLengthOk). PostgreSQL's VARCHAR(64) counts code points too, but H2 counts
-- UTF-16 units, so a code of 64 characters outside the Basic Multilingual Plane (an emoji, a rare
-- CJK ideograph: two units each) broke the insert on H2. Every column that stores a code is
-- widened to 128 units: store tables, staging, the warning ledger and the indicator work tables.
-- The check still allows 64 code points; on PostgreSQL the wider limit is never reached, and
-- widening a VARCHAR there rewrites neither the table nor its indexes.

ALTER TABLE person_warning ALTER COLUMN unit_code SET DATA TYPE VARCHAR(128);
ALTER TABLE person_warning ALTER COLUMN person_id SET DATA TYPE VARCHAR(128);

ALTER TABLE unit ALTER COLUMN unit_code SET DATA TYPE VARCHAR(128);
ALTER TABLE unit ALTER COLUMN parent_code SET DATA TYPE VARCHAR(128);

ALTER TABLE person ALTER COLUMN person_id SET DATA TYPE VARCHAR(128);
ALTER TABLE person ALTER COLUMN unit_code SET DATA TYPE VARCHAR(128);

ALTER TABLE survey ALTER COLUMN unit_code SET DATA TYPE VARCHAR(128);
ALTER TABLE survey ALTER COLUMN survey_id SET DATA TYPE VARCHAR(128);

ALTER TABLE attendance ALTER COLUMN unit_code SET DATA TYPE VARCHAR(128);
ALTER TABLE attendance ALTER COLUMN session_id SET DATA TYPE VARCHAR(128);
ALTER TABLE attendance ALTER COLUMN person_id SET DATA TYPE VARCHAR(128);

ALTER TABLE training ALTER COLUMN unit_code SET DATA TYPE VARCHAR(128);
ALTER TABLE training ALTER COLUMN record_id SET DATA TYPE VARCHAR(128);
ALTER TABLE training ALTER COLUMN person_id SET DATA TYPE VARCHAR(128);

ALTER TABLE research ALTER COLUMN unit_code SET DATA TYPE VARCHAR(128);
ALTER TABLE research ALTER COLUMN trip_id SET DATA TYPE VARCHAR(128);
ALTER TABLE research ALTER COLUMN person_id SET DATA TYPE VARCHAR(128);

ALTER TABLE response ALTER COLUMN unit_code SET DATA TYPE VARCHAR(128);
ALTER TABLE response ALTER COLUMN survey_id SET DATA TYPE VARCHAR(128);
ALTER TABLE response ALTER COLUMN response_id SET DATA TYPE VARCHAR(128);

ALTER TABLE indicator_value ALTER COLUMN unit_code SET DATA TYPE VARCHAR(128);

ALTER TABLE stage_unit ALTER COLUMN unit_code SET DATA TYPE VARCHAR(128);
ALTER TABLE stage_unit ALTER COLUMN parent_code SET DATA TYPE VARCHAR(128);

ALTER TABLE stage_person ALTER COLUMN person_id SET DATA TYPE VARCHAR(128);
ALTER TABLE stage_person ALTER COLUMN unit_code SET DATA TYPE VARCHAR(128);

ALTER TABLE stage_survey ALTER COLUMN unit_code SET DATA TYPE VARCHAR(128);
ALTER TABLE stage_survey ALTER COLUMN survey_id SET DATA TYPE VARCHAR(128);

ALTER TABLE stage_attendance ALTER COLUMN unit_code SET DATA TYPE VARCHAR(128);
ALTER TABLE stage_attendance ALTER COLUMN session_id SET DATA TYPE VARCHAR(128);
ALTER TABLE stage_attendance ALTER COLUMN person_id SET DATA TYPE VARCHAR(128);

ALTER TABLE stage_training ALTER COLUMN unit_code SET DATA TYPE VARCHAR(128);
ALTER TABLE stage_training ALTER COLUMN record_id SET DATA TYPE VARCHAR(128);
ALTER TABLE stage_training ALTER COLUMN person_id SET DATA TYPE VARCHAR(128);

ALTER TABLE stage_research ALTER COLUMN unit_code SET DATA TYPE VARCHAR(128);
ALTER TABLE stage_research ALTER COLUMN trip_id SET DATA TYPE VARCHAR(128);
ALTER TABLE stage_research ALTER COLUMN person_id SET DATA TYPE VARCHAR(128);

ALTER TABLE stage_response ALTER COLUMN unit_code SET DATA TYPE VARCHAR(128);
ALTER TABLE stage_response ALTER COLUMN survey_id SET DATA TYPE VARCHAR(128);
ALTER TABLE stage_response ALTER COLUMN response_id SET DATA TYPE VARCHAR(128);

ALTER TABLE ind_unit_closure ALTER COLUMN ancestor SET DATA TYPE VARCHAR(128);
ALTER TABLE ind_unit_closure ALTER COLUMN descendant SET DATA TYPE VARCHAR(128);

ALTER TABLE ind_att_session ALTER COLUMN unit_code SET DATA TYPE VARCHAR(128);
ALTER TABLE ind_att_session ALTER COLUMN session_id SET DATA TYPE VARCHAR(128);

ALTER TABLE ind_att_month ALTER COLUMN unit_code SET DATA TYPE VARCHAR(128);

ALTER TABLE ind_credit_month ALTER COLUMN person_id SET DATA TYPE VARCHAR(128);

ALTER TABLE ind_credit_period ALTER COLUMN person_id SET DATA TYPE VARCHAR(128);

ALTER TABLE ind_person_credit ALTER COLUMN person_id SET DATA TYPE VARCHAR(128);
ALTER TABLE ind_person_credit ALTER COLUMN unit_code SET DATA TYPE VARCHAR(128);

ALTER TABLE ind_research_year ALTER COLUMN person_id SET DATA TYPE VARCHAR(128);

ALTER TABLE ind_research_report ALTER COLUMN person_id SET DATA TYPE VARCHAR(128);

ALTER TABLE ind_person_research ALTER COLUMN person_id SET DATA TYPE VARCHAR(128);
ALTER TABLE ind_person_research ALTER COLUMN unit_code SET DATA TYPE VARCHAR(128);

ALTER TABLE ind_pop ALTER COLUMN unit_code SET DATA TYPE VARCHAR(128);

ALTER TABLE ind_survey_month ALTER COLUMN unit_code SET DATA TYPE VARCHAR(128);

ALTER TABLE ind_response_month ALTER COLUMN unit_code SET DATA TYPE VARCHAR(128);

ALTER TABLE ind_own ALTER COLUMN unit_code SET DATA TYPE VARCHAR(128);

ALTER TABLE ind_unit_count ALTER COLUMN unit_code SET DATA TYPE VARCHAR(128);

ALTER TABLE ind_survey_responses ALTER COLUMN unit_code SET DATA TYPE VARCHAR(128);
ALTER TABLE ind_survey_responses ALTER COLUMN survey_id SET DATA TYPE VARCHAR(128);

ALTER TABLE ind_unit_fact ALTER COLUMN unit_code SET DATA TYPE VARCHAR(128);
ALTER TABLE ind_unit_fact ALTER COLUMN parent_code SET DATA TYPE VARCHAR(128);

ALTER TABLE ind_person_fact ALTER COLUMN person_id SET DATA TYPE VARCHAR(128);
ALTER TABLE ind_person_fact ALTER COLUMN unit_code SET DATA TYPE VARCHAR(128);

ALTER TABLE ind_training_fact ALTER COLUMN unit_code SET DATA TYPE VARCHAR(128);
ALTER TABLE ind_training_fact ALTER COLUMN record_id SET DATA TYPE VARCHAR(128);
ALTER TABLE ind_training_fact ALTER COLUMN person_id SET DATA TYPE VARCHAR(128);

ALTER TABLE ind_research_fact ALTER COLUMN unit_code SET DATA TYPE VARCHAR(128);
ALTER TABLE ind_research_fact ALTER COLUMN trip_id SET DATA TYPE VARCHAR(128);
ALTER TABLE ind_research_fact ALTER COLUMN person_id SET DATA TYPE VARCHAR(128);

ALTER TABLE ind_touched_session ALTER COLUMN unit_code SET DATA TYPE VARCHAR(128);
ALTER TABLE ind_touched_session ALTER COLUMN session_id SET DATA TYPE VARCHAR(128);

ALTER TABLE ind_touched_training ALTER COLUMN unit_code SET DATA TYPE VARCHAR(128);
ALTER TABLE ind_touched_training ALTER COLUMN record_id SET DATA TYPE VARCHAR(128);

ALTER TABLE ind_touched_research ALTER COLUMN unit_code SET DATA TYPE VARCHAR(128);
ALTER TABLE ind_touched_research ALTER COLUMN trip_id SET DATA TYPE VARCHAR(128);

ALTER TABLE ind_survey_month_prev ALTER COLUMN unit_code SET DATA TYPE VARCHAR(128);

ALTER TABLE ind_response_month_prev ALTER COLUMN unit_code SET DATA TYPE VARCHAR(128);
