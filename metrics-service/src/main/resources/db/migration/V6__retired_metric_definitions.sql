-- Retiring a metric keeps its definition and every value and record of it (past aggregates and scorecards still
-- read); it leaves the default catalog list. version counts the definition's changes (1 when created, one more on
-- retirement) and is its ETag.
ALTER TABLE metric_definition ADD COLUMN retired_at timestamptz;
ALTER TABLE metric_definition ADD COLUMN retired_by text;
ALTER TABLE metric_definition ADD COLUMN version integer NOT NULL DEFAULT 1;
