-- Issue 14: the transactional outbox. Events are written in the transaction of the change they report and relayed
-- to metrics-service's event log in seq order (events/OutboxRelay); a relayed row keeps its relayed_at.
CREATE SEQUENCE outbox_event_seq INCREMENT BY 50;
CREATE TABLE outbox_event (
    seq         bigint PRIMARY KEY,
    event_id    text        NOT NULL UNIQUE,
    type        text        NOT NULL,
    subject     text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    data        text        NOT NULL,
    relayed_at  timestamptz
);
CREATE INDEX outbox_event_waiting ON outbox_event (seq) WHERE relayed_at IS NULL;
