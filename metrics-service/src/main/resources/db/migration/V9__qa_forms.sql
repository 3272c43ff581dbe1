-- QA forms (issue 13): versioned definitions of how a call is evaluated (sections, items with weight, answer type,
-- N/A, critical items), the evaluation's link to the form version that scored it, and one row per evaluated item so
-- that the catalog can derive per-item metrics (e.g. greeting compliance rate) from records like any other kind.
--
-- Composes with partitioned raw tables (V8): only new tables and ALTER TABLE ... ADD COLUMN on qa_evaluation, and the
-- item rows are kept by a row trigger (supported on partitioned tables too), so the bulk COPY path stays as it is.

CREATE TABLE qa_form (
    code        text        NOT NULL,
    version     integer     NOT NULL,
    name        text        NOT NULL,
    description text,
    sections    jsonb       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    created_by  text        NOT NULL,
    -- a retired form keeps every version (past evaluations name them); set on all versions of the code
    retired_at  timestamptz,
    retired_by  text,
    PRIMARY KEY (code, version)
);

-- an evaluation that names a form: the version that scored it, its per-item results and the critical item that
-- zeroed or capped its score (null when none did); evaluations without a form leave them null
ALTER TABLE qa_evaluation ADD COLUMN form_code text;
ALTER TABLE qa_evaluation ADD COLUMN form_version integer;
ALTER TABLE qa_evaluation ADD COLUMN item_results jsonb;
ALTER TABLE qa_evaluation ADD COLUMN critical_item text;

-- one row per item of a form-scored evaluation (record kind qa-items): what derivations count per item
CREATE TABLE qa_item_result (
    source_system  text          NOT NULL,
    external_id    text          NOT NULL,
    revision       integer       NOT NULL,
    employee_id    text          NOT NULL,
    activity_date  date          NOT NULL,
    form_code      text          NOT NULL,
    form_version   integer       NOT NULL,
    section_code   text          NOT NULL,
    item_code      text          NOT NULL,
    not_applicable boolean       NOT NULL,
    passed         boolean,
    critical       boolean       NOT NULL,
    points         numeric(12, 4),
    max_points     numeric(12, 4),
    PRIMARY KEY (source_system, external_id, item_code)
);
CREATE INDEX qa_item_result_day_idx ON qa_item_result USING brin (activity_date);
CREATE INDEX qa_item_result_agent_idx ON qa_item_result (employee_id);

-- The item rows follow the evaluation: a new evaluation adds them, a newer revision replaces them (also when it no
-- longer names a form). Written by ingestion only, in the upload's transaction (a refused or dry-run upload keeps
-- none).
CREATE FUNCTION qa_item_results_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        DELETE FROM qa_item_result WHERE source_system = OLD.source_system AND external_id = OLD.external_id;
    END IF;
    IF NEW.item_results IS NOT NULL AND NEW.form_code IS NOT NULL THEN
        INSERT INTO qa_item_result (source_system, external_id, revision, employee_id, activity_date, form_code,
                                    form_version, section_code, item_code, not_applicable, passed, critical, points,
                                    max_points)
        SELECT NEW.source_system, NEW.external_id, NEW.revision, NEW.employee_id, NEW.activity_date, NEW.form_code,
               NEW.form_version, i.section, i.code, i."notApplicable", i.passed, i.critical, i.points, i."maxPoints"
          FROM jsonb_to_recordset(NEW.item_results) AS i(section text, code text, "notApplicable" boolean,
               passed boolean, critical boolean, points numeric, "maxPoints" numeric);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER qa_evaluation_items AFTER INSERT OR UPDATE ON qa_evaluation FOR EACH ROW
    EXECUTE FUNCTION qa_item_results_follow();

-- form-independent QA metrics; per-item ones (greeting compliance …) are defined by HR over record kind qa-items
INSERT INTO metric_definition (code, name_zh, name_en, unit, direction, aggregation, category, source, derivation,
                               description) VALUES
 ('qa_critical_failures', '质检致命项次数', 'QA critical failures', 'count', 'LOWER_BETTER', 'SUM',
  'internal-operations', 'qa',
  '{"numerator":{"record":"qa-evaluations","function":"COUNT","where":[{"field":"criticalItem","op":"IS_SET"}]}}',
  'Form-scored QA evaluations whose score a critical item zeroed or capped'),
 ('qa_item_pass_rate', '质检项合格率', 'QA item pass rate', 'percent', 'HIGHER_BETTER', 'RATIO',
  'internal-operations', 'qa',
  '{"numerator":{"record":"qa-items","function":"COUNT","where":[{"field":"passed","op":"IS_TRUE"}]},"denominator":{"record":"qa-items","function":"COUNT","where":[{"field":"notApplicable","op":"IS_FALSE"}]},"scale":100}',
  'Items passed over items evaluated (not N/A), over every item of form-scored QA evaluations');

-- Sampling plans (抽检计划): which calls of a unit and period QA evaluates, drawn at random with a recorded seed (the
-- same seed over the same records draws the same calls), each assigned to a QA specialist named in the plan.
CREATE TABLE qa_sampling_plan (
    id                    bigserial     PRIMARY KEY,
    unit_code             text          NOT NULL REFERENCES org_unit (code),
    period_from           date          NOT NULL,
    period_to             date          NOT NULL,
    agent_share           numeric(5, 4) NOT NULL,
    evaluations_per_agent integer       NOT NULL,
    filters               jsonb         NOT NULL,
    evaluators            text[]        NOT NULL,
    seed                  bigint        NOT NULL,
    form_code             text,
    agents_eligible       integer       NOT NULL,
    agents_sampled        integer       NOT NULL,
    created_at            timestamptz   NOT NULL DEFAULT now(),
    created_by            text          NOT NULL
);
CREATE INDEX qa_sampling_plan_unit_idx ON qa_sampling_plan (unit_code, period_from);

CREATE TABLE qa_sampling_assignment (
    plan_id       bigint  NOT NULL REFERENCES qa_sampling_plan (id),
    position      integer NOT NULL,
    employee_id   text    NOT NULL,
    source_system text    NOT NULL,
    external_id   text    NOT NULL,
    activity_date date    NOT NULL,
    evaluator_id  text    NOT NULL,
    PRIMARY KEY (plan_id, position)
);
