-- When the last whole anomaly scan of a month (every top unit, every metric in use: the job's, or one asked for
-- without unit and metrics) finished, by the database's clock, and who ran it. The service runs with several replicas,
-- each with the scan job on its own schedule (the same period, other phases): the job skips a month whose last whole
-- scan finished less than half of scan-every ago, so the replicas do not each scan the center again (AnomalyFlags).
CREATE TABLE anomaly_scan (
    period      text        PRIMARY KEY CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    finished_at timestamptz NOT NULL,
    finished_by text        NOT NULL
);
