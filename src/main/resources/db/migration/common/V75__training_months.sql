-- Training records by unit and calendar month of completion (all dates), kept by each refresh from
-- ind_training_fact: the whole table on a full refresh (facts_full.sql), the months of the touched
-- records on an incremental one (facts_fold.sql). The coverage grid and the data-quality page count
-- training from here, as they count attendance from ind_att_session: reading the training table
-- itself took 1.5 s a night with one year of history and grew with every year.
CREATE TABLE ind_training_month (
    unit_code  VARCHAR(128) NOT NULL,
    y          INTEGER      NOT NULL,
    m          INTEGER      NOT NULL,
    n          BIGINT       NOT NULL,
    PRIMARY KEY (unit_code, y, m)
);

-- a store refreshed before this table existed: its facts are current
INSERT INTO ind_training_month (unit_code, y, m, n)
SELECT unit_code, CAST(EXTRACT(YEAR FROM completed_on) AS INTEGER), CAST(EXTRACT(MONTH FROM completed_on) AS INTEGER),
       COUNT(*)
FROM ind_training_fact
GROUP BY unit_code, CAST(EXTRACT(YEAR FROM completed_on) AS INTEGER), CAST(EXTRACT(MONTH FROM completed_on) AS INTEGER);
