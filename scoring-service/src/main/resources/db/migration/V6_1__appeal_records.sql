-- A DATA_POINT appeal may name the record it disputes (issue 13: an agent disputes a QA evaluation): its kind in
-- metrics-service (`qa-evaluations`), its number there and its key in the sending system, and the day it counts
-- for. scoring-service checks the record with metrics-service when the appeal is filed (as the agent) and reports
-- the appeal and its outcome to metrics-service (as itself), so the evaluation shows it.
ALTER TABLE appeal ADD COLUMN record_kind text CHECK (record_kind IN ('qa-evaluations'));
ALTER TABLE appeal ADD COLUMN record_id bigint;
ALTER TABLE appeal ADD COLUMN record_source_system text;
ALTER TABLE appeal ADD COLUMN record_external_id text;
ALTER TABLE appeal ADD COLUMN record_date date;
ALTER TABLE appeal ADD CONSTRAINT appeal_record_whole CHECK ((record_kind IS NULL) = (record_id IS NULL));
