-- Contests may name an honor award that their winners receive when the contest closes: the contest's honor runs are
-- ordinary LIVE honor runs (they show in the honors history and a plan's honor prizes pay them), marked with the
-- contest that wrote them. A unit judges an award once per period; a contest's run is apart from that judgement
-- (the judged run's live index leaves contest runs out) and is written once per contest and unit.
ALTER TABLE honor_run ADD COLUMN contest_id bigint REFERENCES contest (id);
ALTER TABLE honor_run ADD COLUMN contest_code text;
DROP INDEX honor_run_live_idx;
CREATE UNIQUE INDEX honor_run_live_idx ON honor_run (award_code, period, unit_code)
    WHERE status = 'LIVE' AND contest_id IS NULL;
CREATE UNIQUE INDEX honor_run_contest_idx ON honor_run (contest_id, unit_code) WHERE contest_id IS NOT NULL;
