-- Issue 13: topping a sampling plan up with late calls (qa/SamplingService.topUp). The draw now records which agents
-- it sampled (an agent sampled with no call yet has no assignment to tell it); plans drawn before keep null and are
-- topped up for the agents they assigned calls to. Each top-up round that added calls is recorded, and every
-- assignment names its round (0: the draw). Round r draws with java.util.Random(seed + r).
ALTER TABLE qa_sampling_plan ADD COLUMN sampled_agents text[];
ALTER TABLE qa_sampling_assignment ADD COLUMN round integer NOT NULL DEFAULT 0;

CREATE TABLE qa_sampling_round (
    plan_id      bigint      NOT NULL REFERENCES qa_sampling_plan (id),
    round        integer     NOT NULL,
    drawn_at     timestamptz NOT NULL DEFAULT now(),
    drawn_by     text        NOT NULL,
    -- sampled agents below evaluations_per_agent before the round, and the calls the round added for them
    agents_short integer     NOT NULL,
    added        integer     NOT NULL,
    PRIMARY KEY (plan_id, round),
    CONSTRAINT qa_sampling_round_number CHECK (round > 0)
);
