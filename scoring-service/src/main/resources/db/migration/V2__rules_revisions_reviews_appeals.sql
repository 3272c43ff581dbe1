-- Optional template sections (additive scoring, insufficient-data policy, forced distribution, unit subject …);
-- null: a template as before.
ALTER TABLE scorecard_template ADD COLUMN options jsonb;

-- Runs of one template, unit and period form revisions: the same inputs give the same revision back, corrected
-- inputs (or a new template version) the next one. Published runs can be locked; a newer published revision
-- supersedes the previous one.
ALTER TABLE scorecard_run DROP CONSTRAINT scorecard_run_status_check;
ALTER TABLE scorecard_run ADD CONSTRAINT scorecard_run_status_check
    CHECK (status IN ('COMPUTED', 'IN_REVIEW', 'PUBLISHED', 'LOCKED', 'SUPERSEDED'));
ALTER TABLE scorecard_run
    ADD COLUMN revision         integer NOT NULL DEFAULT 1,
    ADD COLUMN previous_run_id  bigint REFERENCES scorecard_run (id),
    ADD COLUMN inputs_hash      text,
    ADD COLUMN subject          text    NOT NULL DEFAULT 'AGENTS' CHECK (subject IN ('AGENTS', 'UNITS')),
    ADD COLUMN review_opened_at timestamptz,
    ADD COLUMN review_opened_by text,
    ADD COLUMN locked_at        timestamptz,
    ADD COLUMN locked_by        text;
UPDATE scorecard_run r SET revision = x.n
FROM (SELECT id, row_number() OVER (PARTITION BY template_code, unit_code, period ORDER BY id) AS n
      FROM scorecard_run) x
WHERE r.id = x.id;
CREATE UNIQUE INDEX scorecard_run_revision_idx ON scorecard_run (template_code, unit_code, period, revision);
-- a locked run is still the published one
DROP INDEX scorecard_run_one_published_idx;
CREATE UNIQUE INDEX scorecard_run_one_published_idx ON scorecard_run (template_code, unit_code, period)
    WHERE status IN ('PUBLISHED', 'LOCKED');

ALTER TABLE scorecard DROP CONSTRAINT scorecard_status_check;
ALTER TABLE scorecard ADD CONSTRAINT scorecard_status_check
    CHECK (status IN ('COMPUTED', 'IN_REVIEW', 'PUBLISHED', 'LOCKED', 'SUPERSEDED'));
ALTER TABLE scorecard
    -- 100 = best of the run, 0 = last; ties share it (percent_rank in SQL)
    ADD COLUMN percentile        numeric(5, 2),
    -- the grade by bands; grade is the final one (by forced distribution when the template has one)
    ADD COLUMN band_grade        text,
    ADD COLUMN total_explanation text,
    -- for unit-subject runs: the unit scored (the scorecard is its leader's)
    ADD COLUMN subject_unit_code text,
    ADD COLUMN self_assessment   text,
    ADD COLUMN self_assessed_at  timestamptz,
    ADD COLUMN review_comments   text,
    ADD COLUMN feedback_notes    text,
    ADD COLUMN reviewed_by       text,
    ADD COLUMN reviewed_at       timestamptz;
UPDATE scorecard SET band_grade = grade;
CREATE INDEX scorecard_status_idx ON scorecard (status, period);

-- What each scorecard was computed from (metric values with samples, targets, appeal adjustments), apart from the
-- scorecard so that listings do not carry it.
CREATE TABLE scorecard_input (
    scorecard_id bigint PRIMARY KEY REFERENCES scorecard (id) ON DELETE CASCADE,
    inputs       jsonb NOT NULL
);

ALTER TABLE scorecard_item
    ALTER COLUMN points DROP NOT NULL,
    ALTER COLUMN weight DROP NOT NULL,
    ALTER COLUMN weight TYPE numeric,
    ALTER COLUMN metric_code DROP NOT NULL,
    ADD COLUMN samples  bigint,
    ADD COLUMN handling text NOT NULL DEFAULT 'SCORED'
        CHECK (handling IN ('SCORED', 'ZERO', 'NEUTRAL', 'EXCLUDED', 'ADJUSTED'));
UPDATE scorecard_item SET handling = 'ZERO' WHERE insufficient_data;

-- Manual ratings (德能绩勤 …) by the supervisor, peers and the agent, per item of a scorecard.
CREATE TABLE scorecard_rating (
    id           bigserial PRIMARY KEY,
    scorecard_id bigint      NOT NULL REFERENCES scorecard (id) ON DELETE CASCADE,
    item_code    text        NOT NULL,
    rater_role   text        NOT NULL CHECK (rater_role IN ('supervisor', 'peer', 'self')),
    rater_id     text        NOT NULL,
    scores       jsonb       NOT NULL,
    comment      text,
    rated_at     timestamptz NOT NULL,
    UNIQUE (scorecard_id, item_code, rater_role, rater_id)
);

-- Targets for target-achievement items, set on a unit (center, team, group) or an agent, for one period or every
-- period ('*'); the most specific applies: agent, then the agent's group, team, center.
CREATE TABLE target (
    id          bigserial PRIMARY KEY,
    metric_code text        NOT NULL,
    scope_kind  text        NOT NULL CHECK (scope_kind IN ('UNIT', 'AGENT')),
    scope_code  text        NOT NULL,
    period      text        NOT NULL DEFAULT '*',
    value       numeric     NOT NULL CHECK (value > 0),
    set_by      text        NOT NULL,
    set_at      timestamptz NOT NULL,
    UNIQUE (metric_code, scope_kind, scope_code, period)
);

-- Appeals (申诉) against an item of a published scorecard, and their decision.
CREATE TABLE appeal (
    id              bigserial PRIMARY KEY,
    scorecard_id    bigint      NOT NULL REFERENCES scorecard (id),
    run_id          bigint      NOT NULL REFERENCES scorecard_run (id),
    employee_id     text        NOT NULL,
    unit_code       text        NOT NULL,
    item_code       text        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('SCORE', 'DATA_POINT')),
    reason          text        NOT NULL,
    data_point      text,
    status          text        NOT NULL CHECK (status IN ('OPEN', 'ACCEPTED', 'REJECTED')),
    filed_at        timestamptz NOT NULL,
    decided_by      text,
    decided_at      timestamptz,
    decision_reason text,
    resolution      text CHECK (resolution IN ('ADJUSTMENT', 'DATA_CORRECTION')),
    points_before   numeric,
    points_after    numeric,
    total_before    numeric,
    total_after     numeric,
    grade_before    text,
    grade_after     text,
    rank_before     integer,
    rank_after      integer
);
CREATE UNIQUE INDEX appeal_one_open_idx ON appeal (scorecard_id, item_code) WHERE status = 'OPEN';
CREATE INDEX appeal_employee_idx ON appeal (employee_id, id);

-- Who did what when: computing, reviews, ratings, publishing, locking, appeals and their decisions.
CREATE TABLE audit_event (
    id           bigserial PRIMARY KEY,
    run_id       bigint,
    scorecard_id bigint,
    appeal_id    bigint,
    action       text        NOT NULL,
    actor        text        NOT NULL,
    at           timestamptz NOT NULL DEFAULT now(),
    detail       text
);
CREATE INDEX audit_event_scorecard_idx ON audit_event (scorecard_id, id);
CREATE INDEX audit_event_run_idx ON audit_event (run_id, id);
