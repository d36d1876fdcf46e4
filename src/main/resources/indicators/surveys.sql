-- Surveys and responses are small (hundreds of surveys, ~100k responses a year): their monthly
-- sums are recomputed whole every refresh, and the months whose sums changed are recorded
-- (ind_dirty_survey_month) so that only the quarters and years holding them are redone.
-- Parameter: :asOf.
DELETE FROM ind_survey_month_prev;

INSERT INTO ind_survey_month_prev (unit_code, ym, distributed, responses)
SELECT unit_code, ym, distributed, responses FROM ind_survey_month;

DELETE FROM ind_response_month_prev;

INSERT INTO ind_response_month_prev (unit_code, ym, answered, score_sum, suggestions)
SELECT unit_code, ym, answered, score_sum, suggestions FROM ind_response_month;

DELETE FROM ind_survey_responses;

DELETE FROM ind_survey_month;

DELETE FROM ind_response_month;

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

-- responses by submission month
INSERT INTO ind_response_month (unit_code, ym, answered, score_sum, suggestions)
SELECT r.unit_code, c.ym, SUM(r.answered), SUM(r.score_sum),
       SUM(CASE WHEN r.suggestion IS NOT NULL AND TRIM(r.suggestion) <> '' THEN 1 ELSE 0 END)
FROM response r
JOIN ind_day c ON c.d = r.submitted_on
GROUP BY r.unit_code, c.ym;

INSERT INTO ind_dirty_survey_month (ym)
SELECT ym FROM (SELECT unit_code, ym, distributed, responses FROM ind_survey_month
                EXCEPT SELECT unit_code, ym, distributed, responses FROM ind_survey_month_prev) a
UNION
SELECT ym FROM (SELECT unit_code, ym, distributed, responses FROM ind_survey_month_prev
                EXCEPT SELECT unit_code, ym, distributed, responses FROM ind_survey_month) b
UNION
SELECT ym FROM (SELECT unit_code, ym, answered, score_sum, suggestions FROM ind_response_month
                EXCEPT SELECT unit_code, ym, answered, score_sum, suggestions FROM ind_response_month_prev) c
UNION
SELECT ym FROM (SELECT unit_code, ym, answered, score_sum, suggestions FROM ind_response_month_prev
                EXCEPT SELECT unit_code, ym, answered, score_sum, suggestions FROM ind_response_month) d;
