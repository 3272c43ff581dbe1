-- Monthly salary on file per employee; a run reads the salary on file when it computes.
CREATE TABLE salary (
    employee_id    text PRIMARY KEY,
    monthly_salary numeric(14, 2) NOT NULL CHECK (monthly_salary >= 0),
    currency       char(3)        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    updated_at     timestamptz    NOT NULL DEFAULT now(),
    updated_by     text
);

-- Incentive plans are versioned: posting a plan code again adds a version; runs name the version they used.
CREATE TABLE incentive_plan (
    id                    bigserial PRIMARY KEY,
    code                  text          NOT NULL,
    version               integer       NOT NULL CHECK (version >= 1),
    name                  text          NOT NULL,
    currency              char(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    performance_pay_share numeric(7, 6) NOT NULL CHECK (performance_pay_share > 0 AND performance_pay_share <= 1),
    created_at            timestamptz   NOT NULL DEFAULT now(),
    created_by            text,
    UNIQUE (code, version)
);

-- Performance pay multiplier per grade (excellent 1.1, good 1.0 …) of one plan version.
CREATE TABLE plan_grade_coefficient (
    plan_id     bigint        NOT NULL REFERENCES incentive_plan (id),
    grade       text          NOT NULL,
    coefficient numeric(8, 4) NOT NULL CHECK (coefficient >= 0),
    PRIMARY KEY (plan_id, grade)
);

-- A payout run: one plan applied to the published scorecards of one unit and period.
CREATE TABLE payout_run (
    id              bigserial PRIMARY KEY,
    plan_id         bigint         NOT NULL REFERENCES incentive_plan (id),
    plan_code       text           NOT NULL,
    plan_version    integer        NOT NULL,
    period          text           NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    unit_code       text           NOT NULL,
    status          text           NOT NULL CHECK (status IN ('COMPUTED', 'APPROVED', 'SUPERSEDED')),
    currency        char(3)        NOT NULL,
    total_amount    numeric(16, 2) NOT NULL,
    statement_count integer        NOT NULL,
    flagged_count   integer        NOT NULL,
    created_at      timestamptz    NOT NULL DEFAULT now(),
    created_by      text,
    approved_at     timestamptz,
    approved_by     text
);
-- At most one live (computed or approved) run per plan, period and unit; recomputing supersedes the old one.
CREATE UNIQUE INDEX payout_run_live_idx ON payout_run (plan_code, period, unit_code) WHERE status <> 'SUPERSEDED';

-- What one employee gets from a run. total_amount is NULL when a line could not be computed (see flags).
CREATE TABLE payout_statement (
    id           bigserial PRIMARY KEY,
    run_id       bigint         NOT NULL REFERENCES payout_run (id),
    employee_id  text           NOT NULL,
    unit_code    text           NOT NULL,
    period       text           NOT NULL,
    currency     char(3)        NOT NULL,
    total_amount numeric(16, 2),
    flags        jsonb          NOT NULL DEFAULT '[]',
    UNIQUE (run_id, employee_id)
);
CREATE INDEX payout_statement_employee_idx ON payout_statement (employee_id, period);
CREATE INDEX payout_statement_unit_idx ON payout_statement (unit_code, period);

-- The typed lines of a statement (performance-pay, later commission, honors …), each with its explanation
-- and the facts it was computed from.
CREATE TABLE payout_line (
    id           bigserial PRIMARY KEY,
    statement_id bigint         NOT NULL REFERENCES payout_statement (id),
    position     integer        NOT NULL,
    kind         text           NOT NULL,
    amount       numeric(16, 2),
    currency     char(3)        NOT NULL,
    explanation  text           NOT NULL,
    source       jsonb          NOT NULL,
    UNIQUE (statement_id, position)
);
