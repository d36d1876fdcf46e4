-- A quarantined file was not ingested (spec section 2.2): the same bytes arriving again are
-- quarantined and reported again, so a SHA-256 may now head several delivery rows (one ingested
-- at most; the scan looks only those up).
ALTER TABLE delivery DROP CONSTRAINT delivery_sha256_uq;
CREATE INDEX delivery_sha256_ix ON delivery (sha256);

-- Files a run found in the inbox but did not read: ignored by rule yet worth telling (a link
-- out of the inbox, a FIFO or device named like an export, a link loop) or not readable this
-- night (an I/O error, a file that changed or vanished while it was read): those are no
-- delivery and are read on a later night.
CREATE TABLE inbox_unread (
    run_id  BIGINT         NOT NULL,
    path    VARCHAR(4000)  NOT NULL,
    cause   VARCHAR(20)    NOT NULL,
    detail  VARCHAR(4000)
);
CREATE INDEX inbox_unread_run_ix ON inbox_unread (run_id);
