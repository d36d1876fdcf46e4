-- Which periods the indicator refreshes recomputed, and when (issue 11: outputs follow the night's
-- delta). Each refresh takes the next number of one sequence (MAX(changed_seq) + 1) and stamps
-- every period it deleted and recomputed (or dropped) with it; a full refresh stamps them all. The
-- values of a period never change without a new stamp, so an output kept per closed period (a
-- quarter's pack) that was checked at stamp S is still right while none of the periods it reads
-- carries a stamp above S. Not a work table of the refresh: a full refresh never empties it, so
-- the numbers only grow.
CREATE TABLE ind_period_change (
    period       VARCHAR(10)  NOT NULL PRIMARY KEY,
    changed_seq  BIGINT       NOT NULL,
    -- whether the period is in the calendar (ind_period): a period that leaves it is stamped once
    present      BOOLEAN      NOT NULL
);

-- Per pack: the refresh stamp its inputs were last compared at, and a digest of what every pack of
-- a run shares (layout, units and their names, targets). NULL on packs built before: they are
-- compared the long way once. And the as-of date of the night its inputs were last found changed,
-- which the pack prints as its data cut-off (数据截止日): a pack rebuilt from unchanged inputs on a
-- later night (or by the pack command) keeps it, so its bytes are a function of its inputs.
ALTER TABLE quarter_pack ADD COLUMN checked_seq BIGINT;
ALTER TABLE quarter_pack ADD COLUMN shared_inputs CHAR(64);
ALTER TABLE quarter_pack ADD COLUMN data_as_of DATE;
ALTER TABLE unit_pack ADD COLUMN checked_seq BIGINT;
ALTER TABLE unit_pack ADD COLUMN shared_inputs CHAR(64);
ALTER TABLE unit_pack ADD COLUMN data_as_of DATE;
