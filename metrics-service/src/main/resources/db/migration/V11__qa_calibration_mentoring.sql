-- Issue 13, second slice: calibration sessions, the form a sampling plan's assignments are checked with, and
-- mentoring with the mentoring pass rate derived from the mentees' results.
--
-- Only new tables, ADD COLUMN and an UPDATE of one seeded definition: nothing of the partitioned raw tables (V8).

-- Calibration (校准): several QA specialists score the same interaction with the same form version; the session
-- reports per item and per evaluator how far they are apart, and the owner records the calibrated reference answers.
CREATE TABLE qa_calibration_session (
    id                      bigserial   PRIMARY KEY,
    employee_id             text        NOT NULL REFERENCES agent (employee_id),
    contact_external_id     text        NOT NULL,
    form_code               text        NOT NULL,
    form_version            integer     NOT NULL,
    evaluators              text[]      NOT NULL,
    note                    text,
    owner_id                text        NOT NULL,
    created_at              timestamptz NOT NULL DEFAULT now(),
    -- the calibrated reference: answers as sent, scored by the same form version
    reference_items         jsonb,
    reference_score         numeric(5, 2),
    reference_results       jsonb,
    reference_critical_item text,
    reference_at            timestamptz,
    -- closing freezes answers and reference
    closed_at               timestamptz,
    closed_by               text,
    FOREIGN KEY (form_code, form_version) REFERENCES qa_form (code, version)
);
CREATE INDEX qa_calibration_session_agent_idx ON qa_calibration_session (employee_id);

-- one answer per evaluator and session; submitting again replaces it while the session is open
CREATE TABLE qa_calibration_answer (
    session_id    bigint        NOT NULL REFERENCES qa_calibration_session (id),
    evaluator_id  text          NOT NULL,
    items         jsonb         NOT NULL,
    score         numeric(5, 2) NOT NULL,
    item_results  jsonb         NOT NULL,
    critical_item text,
    submitted_at  timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (session_id, evaluator_id)
);

-- a sampling plan names the form version its evaluations are to use (with form_code, V9); null: any evaluation counts
ALTER TABLE qa_sampling_plan ADD COLUMN form_version integer;

-- Mentoring (新人帮扶): a promotion candidate mentors a new hire over [starts_on, ends_on]; the mentee passes when the
-- criterion (a catalog metric at least and/or at most a value over the window) holds on the mentee's figures. The
-- table is also the record kind "mentorships", counted for the mentor (employee_id) on the day the mentorship
-- ended (activity_date, null while it runs): mentoring_pass_rate = passed / finished, derived like any metric.
CREATE TABLE mentorship (
    id            bigserial   PRIMARY KEY,
    source_system text        NOT NULL GENERATED ALWAYS AS ('mentoring') STORED,
    external_id   text        NOT NULL GENERATED ALWAYS AS ('mentorship-' || id) STORED,
    revision      integer     NOT NULL DEFAULT 1,
    employee_id   text        NOT NULL REFERENCES agent (employee_id),
    mentee_id     text        NOT NULL REFERENCES agent (employee_id),
    starts_on     date        NOT NULL,
    ends_on       date        NOT NULL,
    metric_code   text        NOT NULL REFERENCES metric_definition (code),
    at_least      numeric,
    at_most       numeric,
    note          text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    created_by    text        NOT NULL,
    -- set when it ends: the last day of the window evaluated, the verdict and why
    activity_date date,
    withdrawn     boolean,
    passed        boolean,
    value         numeric,
    samples       bigint,
    reason        text,
    ended_at      timestamptz,
    ended_by      text,
    end_note      text,
    CHECK (starts_on <= ends_on),
    CHECK (employee_id <> mentee_id),
    CHECK (at_least IS NOT NULL OR at_most IS NOT NULL)
);
CREATE INDEX mentorship_mentor_idx ON mentorship (employee_id);
CREATE INDEX mentorship_mentee_idx ON mentorship (mentee_id);
CREATE INDEX mentorship_day_idx ON mentorship USING brin (activity_date);

-- The seeded mentoring pass rate was pushed by hand (LATEST, V2). It is now derived for each mentor from their
-- finished mentorships: passed / finished in the period, withdrawn ones left out, a ratio 0..1 (as incentive's
-- promotion ladders read it: atLeast 0.9). Values pushed before still count on days without a finished mentorship,
-- each weighing as one mentorship (its weight), by the rule that combines pushed and derived figures.
UPDATE metric_definition
   SET unit = 'ratio', aggregation = 'RATIO', source = 'mentoring', version = version + 1,
       derivation = '{"numerator":{"record":"mentorships","function":"COUNT","where":[{"field":"passed","op":"IS_TRUE"}]},"denominator":{"record":"mentorships","function":"COUNT","where":[{"field":"withdrawn","op":"IS_FALSE"}]},"scale":1}',
       description = 'Mentees who met their mentorship''s criterion over the mentorships that ended in the period '
           || '(withdrawn ones left out), for the mentor: a ratio from 0 to 1'
 WHERE code = 'mentoring_pass_rate';
