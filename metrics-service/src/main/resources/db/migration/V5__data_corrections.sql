-- Data corrections (decided on appeals in scoring-service): the agent's figure of a summed metric on one day, as it
-- should have been. It overrides what records and pushed values give for that agent, metric and day in every
-- aggregate. One per key (the caller's idempotency key, e.g. scoring-appeal-42); a withdrawn one is kept for the
-- audit trail and no longer counts.
CREATE TABLE data_correction (
    correction_key text PRIMARY KEY,
    employee_id    text        NOT NULL,
    metric_code    text        NOT NULL REFERENCES metric_definition (code),
    value_date     date        NOT NULL,
    value          numeric     NOT NULL,
    reason         text,
    acting_for     text,
    recorded_by    text        NOT NULL,
    recorded_at    timestamptz NOT NULL,
    request_id     text,
    withdrawn_by   text,
    withdrawn_at   timestamptz
);
-- at most one correction in force per agent, metric and day: a second one would make the figure ambiguous
CREATE UNIQUE INDEX data_correction_in_force_idx ON data_correction (employee_id, metric_code, value_date)
    WHERE withdrawn_at IS NULL;
CREATE INDEX data_correction_day_idx ON data_correction (value_date) WHERE withdrawn_at IS NULL;
