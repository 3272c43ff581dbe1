-- One current statement per employee, period and plan across every unit's runs (an agent who moved unit mid-period
-- is paid once). A statement is current while its run is live (COMPUTED or APPROVED); superseding a run makes its
-- statements not current.
ALTER TABLE payout_statement ADD COLUMN plan_code text;
ALTER TABLE payout_statement ADD COLUMN current boolean NOT NULL DEFAULT true;
UPDATE payout_statement s SET plan_code = r.plan_code, current = (r.status <> 'SUPERSEDED')
  FROM payout_run r WHERE r.id = s.run_id;
-- Statements paid twice before this rule existed: the one of the earliest run stays current, the later ones do not
-- (they remain readable with their run).
UPDATE payout_statement s SET current = false
 WHERE s.current AND EXISTS (SELECT 1 FROM payout_statement o
                              WHERE o.current AND o.employee_id = s.employee_id AND o.period = s.period
                                AND o.plan_code = s.plan_code AND o.run_id < s.run_id);
ALTER TABLE payout_statement ALTER COLUMN plan_code SET NOT NULL;
CREATE UNIQUE INDEX payout_statement_current_idx ON payout_statement (employee_id, period, plan_code) WHERE current;

-- Employees another unit's live run pays already, left out of this run: [{employeeId, reason, paidInRunId, ...}].
ALTER TABLE payout_run ADD COLUMN skipped jsonb NOT NULL DEFAULT '[]';

-- Salaries are effective-dated: a run for a month uses the salary in effect on the month's last day. Person data
-- (position, hire date) belongs to the org directory in metrics-service and is no longer kept here. Salaries on
-- file before this migration had no date and applied to every run, so they take effect from 1970-01-01.
CREATE TABLE salary_rate (
    employee_id    text           NOT NULL,
    effective_from date           NOT NULL,
    monthly_salary numeric(14, 2) NOT NULL CHECK (monthly_salary >= 0),
    currency       char(3)        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    updated_at     timestamptz    NOT NULL DEFAULT now(),
    updated_by     text,
    PRIMARY KEY (employee_id, effective_from)
);
INSERT INTO salary_rate (employee_id, effective_from, monthly_salary, currency, updated_at, updated_by)
SELECT employee_id, DATE '1970-01-01', monthly_salary, currency, updated_at, updated_by FROM salary;
DROP TABLE salary;
