-- Step 3, for the periods of ind_dirty_period: roll each unit's own numerators and denominators
-- up to every ancestor (never averaging rates). Counts (NULL denominator) are written always,
-- rates and means only where the denominator is > 0. val = numerator / denominator rounded
-- half-up to 4 places, computed exactly: f = floor(n * 10000 / d), corrected by exact
-- multiplication whatever scale the database divides at, plus one when the remainder is at least
-- half of d.
DELETE FROM indicator_value WHERE period IN (SELECT period FROM ind_dirty_period);

INSERT INTO indicator_value (period, unit_code, indicator, numerator, denominator, val)
SELECT period, unit_code, indicator, n, d,
       CASE WHEN d IS NULL THEN n
            ELSE (f + CASE WHEN 2 * (m - f * d) >= d THEN 1 ELSE 0 END) * 0.0001 END
FROM (
    SELECT period, unit_code, indicator, n, d, m,
           f0 - CASE WHEN f0 * d > m THEN 1 ELSE 0 END AS f
    FROM (
        SELECT period, unit_code, indicator, n, d, n * 10000 AS m,
               FLOOR(n * 10000 / NULLIF(d, 0)) AS f0
        FROM (
            SELECT o.period, c.ancestor AS unit_code, o.indicator,
                   SUM(o.numerator) AS n, SUM(o.denominator) AS d
            FROM ind_dirty_period dp
            JOIN ind_own o ON o.period = dp.period
            JOIN ind_unit_closure c ON c.descendant = o.unit_code
            GROUP BY o.period, c.ancestor, o.indicator
            HAVING SUM(o.denominator) IS NULL OR SUM(o.denominator) > 0
        ) s
    ) r
) v;
