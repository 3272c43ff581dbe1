-- Coaching sessions (辅导, 绩效面谈, issue 13): a supervisor, manager, hr or admin opens one on a published scorecard;
-- the agenda proposed from the scorecard's weakest items is kept as it was proposed (a later appeal may change the
-- scorecard, not what was discussed); notes and agreed actions; both parties acknowledge, which closes the session
-- (read-only from then on).
CREATE TABLE coaching_session (
    id                     bigserial PRIMARY KEY,
    scorecard_id           bigint      NOT NULL REFERENCES scorecard (id),
    run_id                 bigint      NOT NULL REFERENCES scorecard_run (id),
    employee_id            text        NOT NULL,
    unit_code              text        NOT NULL,
    period                 text        NOT NULL,
    template_code          text        NOT NULL,
    coach                  text        NOT NULL,
    status                 text        NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    opened_at              timestamptz NOT NULL,
    agenda                 jsonb       NOT NULL,
    agenda_basis           text        NOT NULL,
    notes                  text,
    actions                jsonb,
    notes_at               timestamptz,
    agent_acknowledged_at  timestamptz,
    agent_comment          text,
    coach_acknowledged_at  timestamptz,
    coach_comment          text,
    closed_at              timestamptz
);
-- one session in progress per scorecard; closed ones stay as they are
CREATE UNIQUE INDEX coaching_session_one_open_idx ON coaching_session (scorecard_id) WHERE status = 'OPEN';
CREATE INDEX coaching_session_employee_idx ON coaching_session (employee_id, id);
CREATE INDEX coaching_session_unit_idx ON coaching_session (unit_code, id);
