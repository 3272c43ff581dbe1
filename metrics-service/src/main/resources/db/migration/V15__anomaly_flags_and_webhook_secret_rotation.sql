-- Anomaly flags, persisted: a scan (a job of the service, or hr/admin asking for one) looks at a month's figures so
-- far against each agent's own baseline and stores each new flag once per agent, metric and period; a new flag is
-- an event (metrics.anomaly.flagged) and a notification to the agent's unit leaders.
CREATE TABLE anomaly_flag (
    id               bigserial PRIMARY KEY,
    employee_id      text          NOT NULL,
    metric           text          NOT NULL,
    period           text          NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    unit_code        text,
    range_from       date          NOT NULL,
    range_to         date          NOT NULL,
    value            numeric       NOT NULL,
    baseline         numeric       NOT NULL,
    change           numeric       NOT NULL,
    baseline_periods int           NOT NULL,
    threshold        numeric       NOT NULL,
    reason           text          NOT NULL,
    flagged_at       timestamptz   NOT NULL,
    flagged_by       text          NOT NULL,
    CONSTRAINT anomaly_flag_once UNIQUE (employee_id, metric, period)
);
CREATE INDEX anomaly_flag_by_period ON anomaly_flag (period, unit_code);

-- Webhook secret rotation: the secret before the last rotation keeps signing (beside the new one) until
-- previous_secret_until; it is never answered again.
ALTER TABLE webhook_subscription ADD COLUMN previous_secret text;
ALTER TABLE webhook_subscription ADD COLUMN previous_secret_until timestamptz;
ALTER TABLE webhook_subscription ADD COLUMN secret_rotated_at timestamptz;
ALTER TABLE webhook_subscription ADD COLUMN secret_rotated_by text;
