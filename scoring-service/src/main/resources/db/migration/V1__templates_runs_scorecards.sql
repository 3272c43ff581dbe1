-- Scorecard templates: one row per version; items (metric, weight, rule) and grade bands as JSON.
CREATE TABLE scorecard_template (
    id          bigserial PRIMARY KEY,
    code        text        NOT NULL,
    version     integer     NOT NULL CHECK (version >= 1),
    name        text        NOT NULL,
    position    text        NOT NULL,
    items       jsonb       NOT NULL,
    grade_bands jsonb       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    created_by  text        NOT NULL,
    UNIQUE (code, version)
);

-- A scoring run: one template version applied to one unit and period.
CREATE TABLE scorecard_run (
    id               bigserial PRIMARY KEY,
    template_id      bigint      NOT NULL REFERENCES scorecard_template (id),
    template_code    text        NOT NULL,
    template_version integer     NOT NULL,
    unit_code        text        NOT NULL,
    period           text        NOT NULL,
    period_from      date        NOT NULL,
    period_to        date        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('COMPUTED', 'PUBLISHED')),
    computed_at      timestamptz NOT NULL DEFAULT now(),
    computed_by      text        NOT NULL,
    published_at     timestamptz,
    published_by     text,
    CHECK (period_to >= period_from)
);
CREATE INDEX scorecard_run_lookup_idx ON scorecard_run (period, unit_code);
-- At most one published run per template, unit and period, so an agent never has two published results for it.
CREATE UNIQUE INDEX scorecard_run_one_published_idx ON scorecard_run (template_code, unit_code, period)
    WHERE status = 'PUBLISHED';

-- Scorecards are inserted by the hundred per run: a pooled sequence lets Hibernate batch them.
CREATE SEQUENCE scorecard_seq INCREMENT BY 50;

-- One agent's result of a run. Unit, period and template are copied from the run for filtering.
CREATE TABLE scorecard (
    id               bigint PRIMARY KEY,
    run_id           bigint        NOT NULL REFERENCES scorecard_run (id),
    employee_id      text          NOT NULL,
    unit_code        text          NOT NULL,
    period           text          NOT NULL,
    template_code    text          NOT NULL,
    template_version integer       NOT NULL,
    total            numeric(9, 2) NOT NULL,
    grade            text          NOT NULL,
    -- 1 = best within the run, ties share a rank; set by SQL right after the run's scorecards are inserted
    rank             integer,
    status           text          NOT NULL CHECK (status IN ('COMPUTED', 'PUBLISHED')),
    UNIQUE (run_id, employee_id)
);
CREATE INDEX scorecard_filter_idx ON scorecard (period, unit_code, status);
CREATE INDEX scorecard_employee_idx ON scorecard (employee_id, period);

-- The items of a scorecard, in template order, each with the explanation of its points.
CREATE TABLE scorecard_item (
    scorecard_id      bigint         NOT NULL REFERENCES scorecard (id) ON DELETE CASCADE,
    position          integer        NOT NULL,
    item_code         text           NOT NULL,
    metric_code       text           NOT NULL,
    value             numeric,
    points            numeric(14, 2) NOT NULL,
    weight            numeric(5, 2)  NOT NULL,
    weighted_points   numeric        NOT NULL,
    explanation       text           NOT NULL,
    insufficient_data boolean        NOT NULL,
    PRIMARY KEY (scorecard_id, position)
);
