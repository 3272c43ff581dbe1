-- Raw activity records pushed by CRM/ACD/WFM/QA systems, the audit trail of replaced revisions, catalog derivations
-- and agent departures.
--
-- Every record table is keyed by (source_system, external_id) like metric_value, so re-sending is a no-op and a
-- higher revision replaces the stored row. activity_date is the local day the activity counts for (the day of the
-- timestamp in the offset the source sent), which is what aggregates filter and group by.
-- No foreign key to agent on purpose: ingestion checks employee ids itself, and a per-row key check would cost a
-- third of bulk-load throughput. Agents are never deleted (they leave), so ids stay valid.
-- BRIN on activity_date: nearly free to maintain on load, and selective because a period's records arrive together.

CREATE TABLE call_record (
    source_system          text        NOT NULL,
    external_id            text        NOT NULL,
    revision               integer     NOT NULL DEFAULT 1,
    employee_id            text        NOT NULL,
    activity_date          date        NOT NULL,
    started_at             timestamptz NOT NULL,
    talk_seconds           integer     NOT NULL,
    hold_seconds           integer     NOT NULL DEFAULT 0,
    wrap_seconds           integer     NOT NULL DEFAULT 0,
    direction              text        NOT NULL,
    channel                text        NOT NULL,
    resolved_first_contact boolean     NOT NULL DEFAULT false,
    transferred            boolean     NOT NULL DEFAULT false,
    repeat_contact         boolean     NOT NULL DEFAULT false,
    received_at            timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (source_system, external_id)
);
CREATE INDEX call_record_day_idx ON call_record USING brin (activity_date);

CREATE TABLE ticket_record (
    source_system          text        NOT NULL,
    external_id            text        NOT NULL,
    revision               integer     NOT NULL DEFAULT 1,
    employee_id            text        NOT NULL,
    activity_date          date        NOT NULL,
    opened_at              timestamptz NOT NULL,
    closed_at              timestamptz,
    first_response_minutes numeric(12, 2),
    handling_hours         numeric(12, 2),
    closed_within_3_days   boolean     NOT NULL DEFAULT false,
    escalated              boolean     NOT NULL DEFAULT false,
    category               text,
    received_at            timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (source_system, external_id)
);
CREATE INDEX ticket_record_day_idx ON ticket_record USING brin (activity_date);

CREATE TABLE survey_record (
    source_system text        NOT NULL,
    external_id   text        NOT NULL,
    revision      integer     NOT NULL DEFAULT 1,
    employee_id   text        NOT NULL,
    activity_date date        NOT NULL,
    answered_at   timestamptz NOT NULL,
    csat          smallint CHECK (csat BETWEEN 1 AND 5),
    nps           smallint CHECK (nps BETWEEN 0 AND 10),
    solicited     boolean     NOT NULL DEFAULT true,
    received_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (source_system, external_id)
);
CREATE INDEX survey_record_day_idx ON survey_record USING brin (activity_date);

CREATE TABLE qa_evaluation (
    source_system       text          NOT NULL,
    external_id         text          NOT NULL,
    revision            integer       NOT NULL DEFAULT 1,
    employee_id         text          NOT NULL,
    activity_date       date          NOT NULL,
    evaluator_id        text          NOT NULL,
    score               numeric(6, 2) NOT NULL,
    items               jsonb,
    contact_external_id text,
    received_at         timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (source_system, external_id)
);
CREATE INDEX qa_evaluation_day_idx ON qa_evaluation USING brin (activity_date);

CREATE TABLE schedule_record (
    source_system     text        NOT NULL,
    external_id       text        NOT NULL,
    revision          integer     NOT NULL DEFAULT 1,
    employee_id       text        NOT NULL,
    activity_date     date        NOT NULL,
    scheduled_minutes integer     NOT NULL,
    adherent_minutes  integer     NOT NULL,
    logged_in_minutes integer,
    handling_minutes  integer,
    absent            boolean     NOT NULL DEFAULT false,
    received_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (source_system, external_id)
);
CREATE INDEX schedule_record_day_idx ON schedule_record USING brin (activity_date);

CREATE TABLE incident_record (
    source_system text        NOT NULL,
    external_id   text        NOT NULL,
    revision      integer     NOT NULL DEFAULT 1,
    employee_id   text        NOT NULL,
    activity_date date        NOT NULL,
    occurred_at   timestamptz NOT NULL,
    kind          text        NOT NULL,
    points        numeric(8, 2),
    note          text,
    received_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (source_system, external_id)
);
CREATE INDEX incident_record_day_idx ON incident_record USING brin (activity_date);

CREATE TABLE sale_record (
    source_system text           NOT NULL,
    external_id   text           NOT NULL,
    revision      integer        NOT NULL DEFAULT 1,
    employee_id   text           NOT NULL,
    activity_date date           NOT NULL,
    sold_at       timestamptz    NOT NULL,
    amount        numeric(14, 2) NOT NULL,
    currency      text           NOT NULL DEFAULT 'CNY',
    received_at   timestamptz    NOT NULL DEFAULT now(),
    PRIMARY KEY (source_system, external_id)
);
CREATE INDEX sale_record_day_idx ON sale_record USING brin (activity_date);

-- Pre-aggregated values of ratio and weighted metrics may say how much they weigh (e.g. the calls a daily AHT
-- covers); without a weight a value counts once.
ALTER TABLE metric_value ADD COLUMN weight numeric(18, 4) CHECK (weight IS NULL OR weight > 0);

-- Audit trail: every version a newer revision replaced, whatever the path that replaced it (the trigger sits on
-- the tables, not in the ingestion code).
CREATE TABLE record_revision (
    id                   bigserial PRIMARY KEY,
    record_kind          text        NOT NULL,
    source_system        text        NOT NULL,
    external_id          text        NOT NULL,
    revision             integer     NOT NULL,
    employee_id          text        NOT NULL,
    content              jsonb       NOT NULL,
    replaced_by_revision integer     NOT NULL,
    replaced_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX record_revision_key_idx ON record_revision (source_system, external_id);
CREATE INDEX record_revision_agent_idx ON record_revision (employee_id, replaced_at);

CREATE FUNCTION keep_replaced_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO record_revision (record_kind, source_system, external_id, revision, employee_id, content,
                                 replaced_by_revision)
    VALUES (TG_ARGV[0], OLD.source_system, OLD.external_id, OLD.revision, OLD.employee_id, to_jsonb(OLD),
            NEW.revision);
    RETURN NEW;
END $$;

CREATE TRIGGER call_record_revision BEFORE UPDATE ON call_record FOR EACH ROW
    WHEN (OLD.revision IS DISTINCT FROM NEW.revision) EXECUTE FUNCTION keep_replaced_revision('calls');
CREATE TRIGGER ticket_record_revision BEFORE UPDATE ON ticket_record FOR EACH ROW
    WHEN (OLD.revision IS DISTINCT FROM NEW.revision) EXECUTE FUNCTION keep_replaced_revision('tickets');
CREATE TRIGGER survey_record_revision BEFORE UPDATE ON survey_record FOR EACH ROW
    WHEN (OLD.revision IS DISTINCT FROM NEW.revision) EXECUTE FUNCTION keep_replaced_revision('surveys');
CREATE TRIGGER qa_evaluation_revision BEFORE UPDATE ON qa_evaluation FOR EACH ROW
    WHEN (OLD.revision IS DISTINCT FROM NEW.revision) EXECUTE FUNCTION keep_replaced_revision('qa-evaluations');
CREATE TRIGGER schedule_record_revision BEFORE UPDATE ON schedule_record FOR EACH ROW
    WHEN (OLD.revision IS DISTINCT FROM NEW.revision) EXECUTE FUNCTION keep_replaced_revision('adherence');
CREATE TRIGGER incident_record_revision BEFORE UPDATE ON incident_record FOR EACH ROW
    WHEN (OLD.revision IS DISTINCT FROM NEW.revision) EXECUTE FUNCTION keep_replaced_revision('incidents');
CREATE TRIGGER sale_record_revision BEFORE UPDATE ON sale_record FOR EACH ROW
    WHEN (OLD.revision IS DISTINCT FROM NEW.revision) EXECUTE FUNCTION keep_replaced_revision('sales');
CREATE TRIGGER metric_value_revision BEFORE UPDATE ON metric_value FOR EACH ROW
    WHEN (OLD.revision IS DISTINCT FROM NEW.revision) EXECUTE FUNCTION keep_replaced_revision('values');

-- Catalog: ratio of sums and weighted mean, and how a metric is derived from raw records (a JSON document built
-- from a fixed set of record fields and functions, never SQL).
ALTER TABLE metric_definition DROP CONSTRAINT metric_definition_aggregation_check;
ALTER TABLE metric_definition ADD CONSTRAINT metric_definition_aggregation_check
    CHECK (aggregation IN ('SUM', 'MEAN', 'RATIO', 'WEIGHTED_MEAN', 'LATEST', 'MAX', 'MIN'));
ALTER TABLE metric_definition ADD COLUMN derivation jsonb;
ALTER TABLE metric_definition ADD COLUMN description text;

-- Agents who leave keep their history; their membership ends the day they leave.
ALTER TABLE agent ADD COLUMN left_on date;
