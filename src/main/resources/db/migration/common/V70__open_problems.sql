-- The open-problems ledger (issue 12). A rejected row keeps the natural key it was going to
-- write (key_1..key_3 in the kind's key order), where every key value read as a code: a later
-- delivery that applies the same key closes it. NULL where the key could not be read.
ALTER TABLE reject_row ADD COLUMN key_1 VARCHAR(128);
ALTER TABLE reject_row ADD COLUMN key_2 VARCHAR(128);
ALTER TABLE reject_row ADD COLUMN key_3 VARCHAR(128);

-- Which run first held rows of a unit, kind and month (yyyy-MM): when a month arrived, for the
-- delivery deadlines. Filled by each run from the store, never rewritten.
CREATE TABLE coverage_seen (
    unit_code  VARCHAR(128)  NOT NULL,
    kind       VARCHAR(20)  NOT NULL,
    ym         VARCHAR(7)   NOT NULL,
    run_id     BIGINT       NOT NULL,
    PRIMARY KEY (unit_code, kind, ym)
);

-- Rows each delivery applied per unit, counted when the delivery's run wrote its outputs
-- (before later deliveries replace them), for the monthly reject rate per unit.
CREATE TABLE delivery_unit_rows (
    delivery_id  BIGINT       NOT NULL,
    unit_code    VARCHAR(128)  NOT NULL,
    rows_applied BIGINT       NOT NULL,
    PRIMARY KEY (delivery_id, unit_code)
);
