-- Retiring a template keeps every version (runs and scorecards name the version that scored them) and marks them
-- all: a retired template is left out of the default list and cannot be used for new runs or redefined.
ALTER TABLE scorecard_template ADD COLUMN retired_at timestamptz;
ALTER TABLE scorecard_template ADD COLUMN retired_by text;
