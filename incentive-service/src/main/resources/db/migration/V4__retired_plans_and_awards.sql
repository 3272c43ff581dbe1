-- Retiring a plan or an honor award keeps every version (runs, statements and honors name the version they used)
-- and marks them all: a retired code leaves the default lists, is used by no new run and is not defined again.
ALTER TABLE incentive_plan ADD COLUMN retired_at timestamptz;
ALTER TABLE incentive_plan ADD COLUMN retired_by text;
ALTER TABLE honor_award ADD COLUMN retired_at timestamptz;
ALTER TABLE honor_award ADD COLUMN retired_by text;
