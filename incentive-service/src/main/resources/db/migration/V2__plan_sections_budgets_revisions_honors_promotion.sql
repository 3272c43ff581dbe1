-- Plans: optional sections (score bands, targets, commission, team reward, perks, honor prizes, budget policy)
-- stored with each immutable version; a plan may leave performance pay out when it has another section.
ALTER TABLE incentive_plan ADD COLUMN sections jsonb NOT NULL DEFAULT '{}';
ALTER TABLE incentive_plan ALTER COLUMN performance_pay_share DROP NOT NULL;

-- HR data beside the salary: position (target-bonus weights, career ladder) and hire date (tenure).
ALTER TABLE salary ADD COLUMN position text;
ALTER TABLE salary ADD COLUMN hired_on date;

-- Variable-pay budget of a unit for a month.
CREATE TABLE unit_budget (
    unit_code  text           NOT NULL,
    period     text           NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    amount     numeric(16, 2) NOT NULL CHECK (amount >= 0),
    currency   char(3)        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    updated_at timestamptz    NOT NULL DEFAULT now(),
    updated_by text,
    PRIMARY KEY (unit_code, period)
);

-- Runs: revisions (a recomputation that changed supersedes the previous run and points back to it), the
-- fingerprint of what was computed (an identical recomputation returns the live run), the cost against the
-- budget, and the unit's team fund and team reward.
ALTER TABLE payout_run ADD COLUMN revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1);
ALTER TABLE payout_run ADD COLUMN previous_run_id bigint REFERENCES payout_run (id);
ALTER TABLE payout_run ADD COLUMN fingerprint text;
ALTER TABLE payout_run ADD COLUMN budget jsonb;
ALTER TABLE payout_run ADD COLUMN team jsonb;

-- Entitlements (perks, honors without prize) are lines without an amount that add nothing to the total.
ALTER TABLE payout_line ADD COLUMN monetary boolean NOT NULL DEFAULT true;

-- Honor awards (Service Star, Efficiency Pioneer, All-round …): immutable versions of a JSON definition.
CREATE TABLE honor_award (
    id         bigserial PRIMARY KEY,
    code       text        NOT NULL,
    version    integer     NOT NULL CHECK (version >= 1),
    name       text        NOT NULL,
    cadence    text        NOT NULL CHECK (cadence IN ('MONTHLY', 'QUARTERLY')),
    definition jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by text,
    UNIQUE (code, version)
);

-- One award judged for one unit and period (a month, or a quarter written YYYY-Qn).
CREATE TABLE honor_run (
    id              bigserial PRIMARY KEY,
    award_id        bigint      NOT NULL REFERENCES honor_award (id),
    award_code      text        NOT NULL,
    award_version   integer     NOT NULL,
    award_name      text        NOT NULL,
    period          text        NOT NULL CHECK (period ~ '^[0-9]{4}-((0[1-9]|1[0-2])|Q[1-4])$'),
    unit_code       text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('LIVE', 'SUPERSEDED')),
    candidate_count integer     NOT NULL,
    eligible_count  integer     NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      text
);
CREATE UNIQUE INDEX honor_run_live_idx ON honor_run (award_code, period, unit_code) WHERE status = 'LIVE';
CREATE INDEX honor_run_unit_idx ON honor_run (unit_code, period);

CREATE TABLE honor_winner (
    id           bigserial PRIMARY KEY,
    honor_run_id bigint  NOT NULL REFERENCES honor_run (id),
    employee_id  text    NOT NULL,
    place        integer NOT NULL CHECK (place >= 1),
    value        numeric NOT NULL,
    reason       text    NOT NULL,
    UNIQUE (honor_run_id, employee_id)
);
CREATE INDEX honor_winner_employee_idx ON honor_winner (employee_id);

-- Career ladders (seat → group lead → QA specialist → operations manager): positions and the rules per step.
CREATE TABLE career_ladder (
    id         bigserial PRIMARY KEY,
    code       text        NOT NULL,
    version    integer     NOT NULL CHECK (version >= 1),
    name       text        NOT NULL,
    definition jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by text,
    UNIQUE (code, version)
);
