-- Incremental refresh: what to recompute, after the calendar is rebuilt and the refresher has
-- put in ind_dirty_period the periods whose calendar row is new or changed (why C: their content
-- depends on D, which moved) and those that left the calendar (X).

-- months whose monthly sums are redone: months of changed attendance or training rows (old and
-- new dates), and months of new or changed month periods (they hold D, or lie between the
-- previous D and D)
INSERT INTO ind_dirty_month (ym)
SELECT DISTINCT CAST(EXTRACT(YEAR FROM d1) AS INTEGER) * 100 + CAST(EXTRACT(MONTH FROM d1) AS INTEGER)
FROM ind_dirty_span
WHERE kind IN ('A', 'T');

INSERT INTO ind_dirty_month (ym)
SELECT DISTINCT pm.ym
FROM ind_dirty_period dp
JOIN ind_period_month pm ON pm.period = dp.period
WHERE dp.granularity = 'M'
    AND NOT EXISTS (SELECT 1 FROM ind_dirty_month m WHERE m.ym = pm.ym);

-- periods holding a redone month (in their months, or year to date for the credits), a changed
-- survey or response month (quarters and years), or a changed research trip (years)
INSERT INTO ind_dirty_period (period, granularity, yr, why)
SELECT p.period, p.granularity, p.yr, 'D'
FROM ind_period p
WHERE NOT EXISTS (SELECT 1 FROM ind_dirty_period d WHERE d.period = p.period)
    AND (EXISTS (SELECT 1 FROM ind_period_month pm JOIN ind_dirty_month m ON m.ym = pm.ym
                 WHERE pm.period = p.period)
        OR EXISTS (SELECT 1 FROM ind_period_ytd pm JOIN ind_dirty_month m ON m.ym = pm.ym
                   WHERE pm.period = p.period)
        OR (p.granularity <> 'M'
            AND EXISTS (SELECT 1 FROM ind_period_month pm JOIN ind_dirty_survey_month m ON m.ym = pm.ym
                        WHERE pm.period = p.period))
        OR (p.granularity = 'Y'
            AND EXISTS (SELECT 1 FROM ind_dirty_span s
                        WHERE s.kind = 'R' AND EXTRACT(YEAR FROM s.d1) <= p.yr AND EXTRACT(YEAR FROM s.d2) >= p.yr)));

-- remedial_count of a year reads the credits of the year before
INSERT INTO ind_dirty_period (period, granularity, yr, why)
SELECT p.period, p.granularity, p.yr, 'R'
FROM ind_period p
WHERE p.granularity = 'Y'
    AND NOT EXISTS (SELECT 1 FROM ind_dirty_period d WHERE d.period = p.period)
    AND EXISTS (SELECT 1 FROM ind_dirty_period d WHERE d.period = p.prev_period);
