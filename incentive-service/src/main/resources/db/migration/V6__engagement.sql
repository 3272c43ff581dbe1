-- Engagement: leaderboards (a visibility policy per center, frozen snapshots), contests, a points ledger and badges.

-- How a center's leaderboards are shown to agents; hr and admin set it. A center without a row uses the default
-- (top 10, names anonymised, no minimum of samples).
CREATE TABLE leaderboard_policy (
    center_code text        PRIMARY KEY,
    top_n       integer     NOT NULL CHECK (top_n BETWEEN 1 AND 1000),
    names       text        NOT NULL CHECK (names IN ('SHOWN', 'ANONYMISED')),
    min_samples jsonb       NOT NULL DEFAULT '{}',
    updated_at  timestamptz NOT NULL DEFAULT now(),
    updated_by  text
);

-- A leaderboard as it stood when hr froze it (closing the period): later reads show these rows, not a recomputation.
CREATE TABLE leaderboard_snapshot (
    id         bigserial   PRIMARY KEY,
    unit_code  text        NOT NULL,
    period     text        NOT NULL CHECK (period ~ '^[0-9]{4}-((0[1-9]|1[0-2])|Q[1-4])$'),
    measure    text        NOT NULL,
    direction  text        NOT NULL CHECK (direction IN ('HIGHER', 'LOWER')),
    board      jsonb       NOT NULL,
    frozen_at  timestamptz NOT NULL,
    frozen_by  text,
    UNIQUE (unit_code, period, measure, direction)
);

-- Badge catalog: retired, never deleted (README "Retiring definitions").
CREATE TABLE badge (
    code        text        PRIMARY KEY,
    name_zh     text        NOT NULL,
    name_en     text        NOT NULL,
    description text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    created_by  text,
    retired_at  timestamptz,
    retired_by  text
);

-- A time-boxed challenge on a metric for chosen units; its rules award points and badges once, at close.
CREATE TABLE contest (
    id         bigserial   PRIMARY KEY,
    code       text        NOT NULL UNIQUE,
    name       text        NOT NULL,
    metric     text        NOT NULL,
    direction  text        NOT NULL CHECK (direction IN ('HIGHER', 'LOWER')),
    mode       text        NOT NULL CHECK (mode IN ('INDIVIDUAL', 'TEAM')),
    starts_on  date        NOT NULL,
    ends_on    date        NOT NULL CHECK (ends_on >= starts_on),
    definition jsonb       NOT NULL,
    status     text        NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    created_at timestamptz NOT NULL,
    created_by text,
    closed_at  timestamptz,
    closed_by  text,
    standings  jsonb
);

-- Points: an append-only ledger (the database refuses updates and deletes). A contest rule awards an agent once.
CREATE TABLE points_entry (
    id          bigserial   PRIMARY KEY,
    employee_id text        NOT NULL,
    points      integer     NOT NULL,
    reason      text        NOT NULL,
    contest_id  bigint      REFERENCES contest (id),
    contest_code text,
    rule_index  integer,
    unit_code   text,
    period      text        NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    created_at  timestamptz NOT NULL,
    created_by  text,
    UNIQUE (contest_id, employee_id, rule_index)
);
CREATE INDEX points_entry_employee_idx ON points_entry (employee_id, period);

CREATE FUNCTION points_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'points_entry is append-only: % refused', TG_OP;
END
$$;
CREATE TRIGGER points_entry_append_only BEFORE UPDATE OR DELETE ON points_entry
    FOR EACH ROW EXECUTE FUNCTION points_entry_append_only();

-- Badges earned: one per agent, badge and contest.
CREATE TABLE badge_grant (
    id          bigserial   PRIMARY KEY,
    employee_id text        NOT NULL,
    badge_code  text        NOT NULL REFERENCES badge (code),
    contest_id  bigint      REFERENCES contest (id),
    contest_code text,
    reason      text        NOT NULL,
    granted_at  timestamptz NOT NULL,
    UNIQUE (employee_id, badge_code, contest_id)
);
