-- The packs of unit subtrees (spec section 4: every committee, and any unit configured, gets the
-- pack of its own subtree), with the fingerprint of the inputs each was built from, so a unit's
-- pack is rebuilt only when the inputs of its subtree changed. The organization's packs stay in
-- quarter_pack.
CREATE TABLE unit_pack (
    quarter      VARCHAR(7)    NOT NULL,
    unit_code    VARCHAR(128)  NOT NULL,
    fingerprint  CHAR(64)      NOT NULL,
    run_id       BIGINT        NOT NULL,
    built_at     TIMESTAMP     NOT NULL,
    PRIMARY KEY (quarter, unit_code)
);
