-- Excel workbooks (spec section 2.4): each sheet is an export with its own delivery row, and all
-- sheets of one workbook carry the workbook's SHA-256, so the hash is no longer unique. The scan
-- still skips any hash already read. (IF EXISTS / IF NOT EXISTS: the inbox-fs work drops the same
-- constraint for re-quarantined files; whichever runs first does it.)
ALTER TABLE delivery DROP CONSTRAINT IF EXISTS delivery_sha256_uq;
CREATE INDEX IF NOT EXISTS delivery_sha256_ix ON delivery (sha256);

-- Title rows above the header and total rows (合计/总计/小计) at the end: skipped, not read.
ALTER TABLE delivery ADD COLUMN rows_skipped BIGINT DEFAULT 0 NOT NULL;
