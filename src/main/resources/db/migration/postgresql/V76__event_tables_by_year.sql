-- The event tables partitioned by the year of their event date (PostgreSQL declarative
-- partitioning), so that a year's load and its indexes stay bounded whatever the history holds.
-- PostgreSQL only: H2 keeps plain tables (one process, province scale).
-- Reads and writes: attendance, training, research, response (their rows move into the new tables).
--
-- Partitions of each table: <table>_before holds every date before the first partitioned year (the
-- history a first installation brings), then <table>_y<year> one year each. The run adds the
-- partitions up to its as-of year before it ingests (store.YearPartitions); there is no default
-- partition, as no event is dated after the as-of date (FUTURE_DATE). The first partitioned year
-- is the year before this migration ran, or the first year of the rows already stored.
--
-- The natural key of spec section 2.1 is each partition's primary key (PostgreSQL has no index
-- across partitions): a key delivered again with a date in the same year meets its row there; one
-- dated in another year is found by the ingest's cross-year check (store.YearPartitions) and merged.
DO $$
DECLARE
    t RECORD;
    old TEXT;
    first_year INTEGER;
    last_year INTEGER;
    y INTEGER;
BEGIN
    FOR t IN SELECT * FROM (VALUES
            ('attendance', 'session_date', 'unit_code, session_id, person_id', TRUE),
            ('training', 'completed_on', 'unit_code, record_id', TRUE),
            ('research', 'start_date', 'unit_code, trip_id', TRUE),
            ('response', 'submitted_on', 'unit_code, survey_id, response_id', FALSE)) AS v(name, day, key, brin)
    LOOP
        old := t.name || '_unpartitioned';
        EXECUTE format('ALTER TABLE %I RENAME TO %I', t.name, old);
        EXECUTE format('ALTER TABLE %I RENAME CONSTRAINT %I TO %I', old, t.name || '_pkey', old || '_pkey');
        IF t.brin THEN
            EXECUTE format('DROP INDEX %I', t.name || '_delivery_brin');
        END IF;
        EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS) PARTITION BY RANGE (%I)', t.name, old, t.day);
        IF t.brin THEN
            -- the refresh finds a night's rows by delivery_id (V32); each partition gets its own
            EXECUTE format('CREATE INDEX %I ON %I USING brin (delivery_id) WITH (autosummarize = on)',
                    t.name || '_delivery_brin', t.name);
        END IF;
        EXECUTE format('SELECT MIN(EXTRACT(YEAR FROM %1$I))::int, MAX(EXTRACT(YEAR FROM %1$I))::int FROM %2$I', t.day, old)
            INTO first_year, last_year;
        first_year := LEAST(COALESCE(first_year, 9999), EXTRACT(YEAR FROM CURRENT_DATE)::int - 1);
        last_year := GREATEST(COALESCE(last_year, 0), EXTRACT(YEAR FROM CURRENT_DATE)::int);
        EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (MINVALUE) TO (%L)',
                t.name || '_before', t.name, make_date(first_year, 1, 1));
        EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I PRIMARY KEY (%s)', t.name || '_before',
                t.name || '_before_pkey', t.key);
        FOR y IN first_year .. last_year LOOP
            EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
                    t.name || '_y' || y, t.name, make_date(y, 1, 1), make_date(y + 1, 1, 1));
            EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I PRIMARY KEY (%s)', t.name || '_y' || y,
                    t.name || '_y' || y || '_pkey', t.key);
        END LOOP;
        EXECUTE format('INSERT INTO %I SELECT * FROM %I', t.name, old);
        EXECUTE format('DROP TABLE %I', old);
        EXECUTE format('ANALYZE %I', t.name);
    END LOOP;
END
$$;
