-- Issue 14: the event log (metrics' own outbox, and the events scoring- and incentive-service relay from theirs),
-- webhook subscriptions, their deliveries and attempts, and the people's notification feeds.
CREATE TABLE event_log (
    seq           bigserial PRIMARY KEY,
    source        text        NOT NULL,
    event_id      text        NOT NULL,
    type          text        NOT NULL,
    subject       text        NOT NULL,
    occurred_at   timestamptz NOT NULL,
    data          text        NOT NULL,
    received_at   timestamptz NOT NULL,
    received_from text        NOT NULL,
    -- a relayed event is stored once (CloudEvents: source and id identify an event)
    CONSTRAINT event_log_once UNIQUE (source, event_id)
);
CREATE INDEX event_log_by_type ON event_log (type, seq);
CREATE INDEX event_log_by_subject ON event_log (subject, seq);
CREATE INDEX event_log_by_id ON event_log (event_id);

CREATE TABLE webhook_subscription (
    id          bigserial PRIMARY KEY,
    name        text        NOT NULL,
    target_url  text        NOT NULL,
    -- the subscribed CloudEvents types, separated by spaces
    event_types text        NOT NULL,
    -- the HMAC-SHA256 key of its signatures: shown once at creation, never answered again
    secret      text        NOT NULL,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    disabled_at timestamptz,
    disabled_by text
);

CREATE TABLE webhook_delivery (
    id               bigserial PRIMARY KEY,
    subscription_id  bigint      NOT NULL REFERENCES webhook_subscription (id),
    event_seq        bigint      NOT NULL REFERENCES event_log (seq),
    subject          text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'DEAD')),
    attempts         int         NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz,
    last_status_code int,
    last_error       text,
    created_at       timestamptz NOT NULL,
    delivered_at     timestamptz,
    dead_at          timestamptz,
    CONSTRAINT webhook_delivery_once UNIQUE (subscription_id, event_seq)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_subject_order ON webhook_delivery (subscription_id, subject, event_seq)
    WHERE status = 'PENDING';

CREATE TABLE webhook_attempt (
    id           bigserial PRIMARY KEY,
    delivery_id  bigint      NOT NULL REFERENCES webhook_delivery (id),
    attempt      int         NOT NULL,
    attempted_at timestamptz NOT NULL,
    status_code  int,
    error        text,
    duration_ms  bigint      NOT NULL
);
CREATE INDEX webhook_attempt_of_delivery ON webhook_attempt (delivery_id, id);

CREATE TABLE notification (
    id         bigserial PRIMARY KEY,
    recipient  text        NOT NULL,
    event_seq  bigint      NOT NULL REFERENCES event_log (seq),
    type       text        NOT NULL,
    subject    text        NOT NULL,
    title      text        NOT NULL,
    created_at timestamptz NOT NULL,
    read_at    timestamptz,
    CONSTRAINT notification_once UNIQUE (recipient, event_seq)
);
CREATE INDEX notification_feed ON notification (recipient, id DESC);
CREATE INDEX notification_unread ON notification (recipient) WHERE read_at IS NULL;
