-- Appeals escalated to hr (by the reviewer, or by the agent after a reviewer's rejection), and whether a data
-- correction was sent to metrics-service for the appeal (keyed by it), so that rejecting or adjusting instead
-- withdraws it first and no correction outlives a decision that did not take it.
ALTER TABLE appeal ADD COLUMN escalated_at timestamptz;
ALTER TABLE appeal ADD COLUMN escalated_by text;
ALTER TABLE appeal ADD COLUMN escalation_reason text;
ALTER TABLE appeal ADD COLUMN correction_sent_at timestamptz;
