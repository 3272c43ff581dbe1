-- Org directory: center -> team -> group, agents, effective-dated membership.
CREATE TABLE org_unit (
    code               text PRIMARY KEY,
    name               text NOT NULL,
    kind               text NOT NULL CHECK (kind IN ('CENTER', 'TEAM', 'GROUP')),
    parent_code        text REFERENCES org_unit (code),
    leader_employee_id text,
    created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX org_unit_leader_idx ON org_unit (leader_employee_id);

CREATE TABLE agent (
    employee_id text PRIMARY KEY,
    name        text NOT NULL,
    position    text NOT NULL,
    hire_date   date,
    status      text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'LEFT')),
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- valid_to is exclusive; NULL means still a member.
CREATE TABLE membership (
    id          bigserial PRIMARY KEY,
    employee_id text NOT NULL REFERENCES agent (employee_id),
    unit_code   text NOT NULL REFERENCES org_unit (code),
    valid_from  date NOT NULL,
    valid_to    date,
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX membership_unit_idx ON membership (unit_code, valid_from);
CREATE INDEX membership_agent_idx ON membership (employee_id, valid_from);

-- Metric catalog.
CREATE TABLE metric_definition (
    code        text PRIMARY KEY,
    name_zh     text NOT NULL,
    name_en     text NOT NULL,
    unit        text NOT NULL,
    direction   text NOT NULL CHECK (direction IN ('HIGHER_BETTER', 'LOWER_BETTER', 'TARGET_BAND')),
    aggregation text NOT NULL CHECK (aggregation IN ('SUM', 'MEAN', 'LATEST', 'MAX', 'MIN')),
    category    text NOT NULL,
    source      text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Values pushed per agent, metric and day. (source_system, external_id) makes re-sending a no-op.
CREATE TABLE metric_value (
    source_system text          NOT NULL,
    external_id   text          NOT NULL,
    employee_id   text          NOT NULL REFERENCES agent (employee_id),
    metric_code   text          NOT NULL REFERENCES metric_definition (code),
    value_date    date          NOT NULL,
    value         numeric(18, 4) NOT NULL,
    revision      integer       NOT NULL DEFAULT 1,
    received_at   timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (source_system, external_id)
);
CREATE INDEX metric_value_lookup_idx ON metric_value (metric_code, value_date, employee_id);
