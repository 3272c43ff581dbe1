-- Improvement plans (绩效改进计划): goals measured by metrics over ISO weeks or calendar months, check-ins, the
-- outcome evaluated from metrics-service's figures, and the consequence recorded after a miss (never silent).
CREATE TABLE improvement_plan (
    id                   bigserial PRIMARY KEY,
    employee_id          text        NOT NULL,
    -- the agent's unit when the plan was made: its leaders (and the units' above) coach and read the plan
    unit_code            text        NOT NULL,
    start_date           date        NOT NULL,
    due_date             date        NOT NULL,
    reason               text,
    scorecard_id         bigint,
    -- [{metricCode, comparison, value, window, consecutive}]
    goals                jsonb       NOT NULL,
    status               text        NOT NULL DEFAULT 'IN_PROGRESS',
    -- set when an evaluation finds the plan MISSED, cleared when the consequence is recorded
    awaiting_consequence boolean     NOT NULL DEFAULT false,
    -- the last evaluation: per goal the windows, their figures and whether they held
    evaluation           jsonb,
    evaluated_at         timestamptz,
    evaluated_by         text,
    created_by           text        NOT NULL,
    created_at           timestamptz NOT NULL,
    CONSTRAINT improvement_plan_status CHECK (status IN ('IN_PROGRESS', 'MET', 'MISSED')),
    CONSTRAINT improvement_plan_dates CHECK (due_date >= start_date)
);
CREATE INDEX improvement_plan_employee_idx ON improvement_plan (employee_id);
CREATE INDEX improvement_plan_unit_idx ON improvement_plan (unit_code);

CREATE TABLE improvement_check_in (
    id          bigserial PRIMARY KEY,
    plan_id     bigint      NOT NULL REFERENCES improvement_plan (id),
    -- COACH or AGENT
    author_role text        NOT NULL,
    author      text        NOT NULL,
    note        text        NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX improvement_check_in_plan_idx ON improvement_check_in (plan_id);

CREATE TABLE improvement_consequence (
    id           bigserial PRIMARY KEY,
    plan_id      bigint      NOT NULL REFERENCES improvement_plan (id),
    kind         text        NOT NULL,
    reason       text        NOT NULL,
    -- EXTENDED: the due date before and after
    previous_due date        NOT NULL,
    extended_to  date,
    decided_by   text        NOT NULL,
    decided_at   timestamptz NOT NULL,
    CONSTRAINT improvement_consequence_kind CHECK (kind IN ('RETRAINING', 'REASSIGNMENT', 'EXTENDED', 'NONE')),
    CONSTRAINT improvement_consequence_reason CHECK (length(btrim(reason)) > 0)
);
CREATE INDEX improvement_consequence_plan_idx ON improvement_consequence (plan_id);
