-- Issue 13/14: the scheduled check of improvement plans (improvement/ImprovementPlanCheck) reminds the agent and the
-- coach once before a plan comes due (event improvement-plan.due). It records which due date it reminded of: an
-- EXTENDED consequence moves the due date, and the new one is reminded of once again.
ALTER TABLE improvement_plan ADD COLUMN due_reminded_for date;
ALTER TABLE improvement_plan ADD COLUMN due_reminded_at timestamptz;
-- the check looks for plans not settled by due date
CREATE INDEX improvement_plan_open_due_idx ON improvement_plan (due_date) WHERE status = 'IN_PROGRESS';
